// Structured data for article pages: schema.org NewsArticle with its language, dates, author and
// publisher, and links between a story's language versions. Serialized so that no text from an
// article can close the <script> element it is printed in.
export type NewsArticleInput = {
  url: string;
  headline: string;
  description: string | null;
  language: string;
  sourceLanguage: string;
  publishedAt: string;
  modifiedAt: string;
  sourceAgency: string | null;
  siteName: string;
  siteUrl: string;
  keywords: string[];
  /** Published versions in other languages. */
  translations: { language: string; url: string; headline: string }[];
};

export function newsArticleJsonLd(input: NewsArticleInput): Record<string, unknown> {
  const publisher = { "@type": "Organization", name: input.siteName, url: input.siteUrl };
  const work = (translation: NewsArticleInput["translations"][number]) => ({
    "@type": "NewsArticle",
    "@id": translation.url,
    url: translation.url,
    headline: translation.headline,
    inLanguage: translation.language,
  });
  const original = input.translations.find((translation) => translation.language === input.sourceLanguage);
  const isOriginal = input.language === input.sourceLanguage;
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": input.url,
    url: input.url,
    mainEntityOfPage: input.url,
    headline: input.headline.slice(0, 110),
    ...(input.description ? { description: input.description } : {}),
    inLanguage: input.language,
    datePublished: input.publishedAt,
    dateModified: input.modifiedAt,
    author: input.sourceAgency ? { "@type": "Organization", name: input.sourceAgency } : publisher,
    publisher,
    ...(input.keywords.length ? { keywords: input.keywords.join(", ") } : {}),
    // The original points to its translations; a translation names the work it translates.
    ...(isOriginal && input.translations.length ? { workTranslation: input.translations.map(work) } : {}),
    ...(!isOriginal && original ? { translationOfWork: work(original) } : {}),
  };
}

/** JSON for an inline <script type="application/ld+json">: `<`, `>`, `&` and line separators escaped. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
