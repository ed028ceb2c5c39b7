// An article in one language: title, dates, dateline, standfirst, the body rendered on the server
// from its stored JSON, captions with credits, tags, corrections, related stories, the link to the
// other language's version when it is published, and its structured data. Nothing unless published.
import { readerTranslator } from "@/lib/i18n/reader-intl";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import { shareImageOf } from "@/lib/media/cached";
import { loadArticlePage, type ArticlePageData } from "@/lib/public/article-page";
import { newsArticleJsonLd } from "@/lib/public/json-ld";
import { absoluteUrl, paths, siteUrl } from "@/lib/public/site";
import { ArticleList } from "../article-list";
import { JsonLd } from "../json-ld";
import { PublishedDate } from "../published-date";
import type { ReaderPage } from "../reader-response";
import { ImagePreload, ResponsiveFigure } from "../responsive-image";

// An edit within this time of publication is not worth an "updated" line.
const UPDATE_NOTICE_AFTER_MS = 30 * 60 * 1000;

function languageLinks(locale: Locale, slug: string, translations: { language: string; slug: string }[], sourceLanguage: string) {
  const links: Record<string, string> = { [locale]: paths.article(locale, slug) };
  for (const translation of translations)
    if (isLocale(translation.language)) links[translation.language] = paths.article(translation.language, translation.slug);
  links["x-default"] = links[sourceLanguage] ?? links[locale]!;
  return links;
}

export async function articlePage(locale: Locale, slug: string): Promise<ReaderPage> {
  const data = await loadArticlePage(locale, slug);
  return data ? articlePageFrom(locale, data) : null;
}

/**
 * The page from loaded data. A preview (lib/preview) shows an unpublished version the same way,
 * under a banner, without structured data, and marked noindex.
 */
export function articlePageFrom(locale: Locale, data: ArticlePageData, options: { preview?: boolean } = {}): ReaderPage {
  const { article, tags, related, leadImage } = data;
  const { bodyHtml } = article;
  const t = readerTranslator(locale, "public.article");
  const common = readerTranslator(locale, "common");
  const translations = article.translations
    .filter((translation) => isLocale(translation.language))
    .map((translation) => {
      const language = translation.language as Locale;
      return { ...translation, language, label: readerTranslator(language, "public.article")("readInThisLanguage") };
    });
  const updated = new Date(article.updatedAt).getTime() - new Date(article.publishedAt).getTime() > UPDATE_NOTICE_AFTER_MS;
  const shareImage = leadImage ? shareImageOf(leadImage, absoluteUrl) : null;
  const jsonLd = newsArticleJsonLd({
    url: absoluteUrl(paths.article(locale, article.slug)),
    headline: article.title,
    description: article.seoDescription ?? article.standfirst,
    language: locale,
    sourceLanguage: article.sourceLanguage,
    publishedAt: article.publishedAt,
    modifiedAt: article.updatedAt,
    sourceAgency: article.sourceAgency,
    siteName: common("siteName"),
    siteUrl: siteUrl(),
    keywords: tags.map((tag) => tag.label),
    translations: translations.map((translation) => ({
      language: translation.language,
      url: absoluteUrl(paths.article(translation.language, translation.slug)),
      headline: translation.title,
    })),
  });
  if (shareImage) jsonLd.image = [shareImage.url];

  const preview = options.preview === true;
  return {
    head: {
      title: article.title,
      noIndex: preview || undefined,
      socialTitle: article.title,
      description: article.seoDescription ?? article.standfirst ?? undefined,
      // A preview's address is not the article's: it names no canonical page and no other language.
      canonical: preview ? undefined : paths.article(locale, article.slug),
      languages: preview ? {} : languageLinks(locale, article.slug, article.translations, article.sourceLanguage),
      openGraph: {
        type: "article",
        publishedTime: article.publishedAt,
        modifiedTime: article.updatedAt,
        tags: tags.map((tag) => tag.label),
        images: shareImage ? [shareImage] : [],
      },
    },
    preload: leadImage ? <ImagePreload image={leadImage} /> : null,
    body: (
      <article className="story">
        {preview ? (
          <p className="preview-banner" role="status">
            {t("previewBanner")}
          </p>
        ) : null}
        <header className="story-header">
          <h1>{article.title}</h1>
          <p className="meta">
            {/* An unpublished version has no publication date to state. */}
            {preview ? null : (
              <span>{t.rich("published", { date: () => <PublishedDate locale={locale} iso={article.publishedAt} withTime /> })}</span>
            )}
            {updated ? (
              <span>{t.rich("updated", { date: () => <PublishedDate locale={locale} iso={article.updatedAt} withTime /> })}</span>
            ) : null}
          </p>
          {translations.map((translation) => (
            <p key={translation.language} className="other-language">
              <a href={paths.article(translation.language, translation.slug)} hrefLang={translation.language} lang={translation.language}>
                {translation.label}
              </a>
            </p>
          ))}
          {article.standfirst ? <p className="standfirst">{article.standfirst}</p> : null}
        </header>
        {leadImage ? <ResponsiveFigure image={leadImage} priority className="story-lead-image" /> : null}
        {article.datelinePlace || article.sourceAgency ? (
          <p className="dateline">
            {article.datelinePlace ? <span className="dateline-place">{article.datelinePlace}</span> : null}
            {article.sourceAgency ? <span className="dateline-source">{t("source", { agency: article.sourceAgency })}</span> : null}
          </p>
        ) : null}
        {/* Rendered on the server from the stored JSON, validated against the editor's schema. */}
        <div className="story-body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
        {article.corrections.length > 0 ? (
          <aside className="corrections" aria-labelledby="corrections-title">
            <h2 id="corrections-title">{t("corrections")}</h2>
            <ul>
              {article.corrections.map((note) => (
                <li key={note.id}>
                  <p className="correction-date">
                    {t.rich("correctionOn", { date: () => <PublishedDate locale={locale} iso={note.correctedAt} /> })}
                  </p>
                  <p>{note.body}</p>
                </li>
              ))}
            </ul>
          </aside>
        ) : null}
        {tags.length > 0 ? (
          <nav className="story-tags" aria-labelledby="tags-title">
            <h2 id="tags-title">{t("tags")}</h2>
            <ul>
              {tags.map((tag) => (
                <li key={tag.id}>
                  <a href={paths.tag(locale, tag.slug)}>{tag.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {related.length > 0 ? (
          <section className="related" aria-labelledby="related-title">
            <h2 id="related-title">{t("related")}</h2>
            <ArticleList locale={locale} articles={related} headingLevel={3} />
          </section>
        ) : null}
        {preview ? null : <JsonLd data={jsonLd} />}
      </article>
    ),
  };
}
