// The tags of a reader page's <head> from its PageHead (lib/public/metadata.ts): title,
// description, robots, canonical and hreflang links (absolute), feeds, Open Graph and Twitter.
import { readerTranslator } from "@/lib/i18n/reader-intl";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import type { PageHead } from "@/lib/public/metadata";
import { absoluteUrl, OG_LOCALE, paths } from "@/lib/public/site";

export function PageHeadTags({ locale, head }: { locale: Locale; head: PageHead }) {
  const common = readerTranslator(locale, "common");
  const siteName = common("siteName");
  const feeds = head.feeds ?? { rss: paths.rss(locale), atom: paths.atom(locale) };
  const alternateLocales = Object.keys(head.languages).filter((language): language is Locale => isLocale(language) && language !== locale);
  const { type = "website", publishedTime, modifiedTime, tags = [], images = [] } = head.openGraph ?? {};
  const canonical = head.canonical ? absoluteUrl(head.canonical) : undefined;
  const property = (name: string, content: string | undefined) =>
    content ? <meta key={`${name}:${content}`} property={name} content={content} /> : null;
  return (
    <>
      <title>{head.absoluteTitle ? head.title : `${head.title} — ${siteName}`}</title>
      {head.description ? <meta name="description" content={head.description} /> : null}
      {head.noIndex ? <meta name="robots" content="noindex, follow" /> : null}
      {canonical ? <link rel="canonical" href={canonical} /> : null}
      {Object.entries(head.languages).map(([language, path]) => (
        <link key={language} rel="alternate" hrefLang={language} href={absoluteUrl(path)} />
      ))}
      <link rel="alternate" type="application/rss+xml" href={absoluteUrl(feeds.rss)} />
      <link rel="alternate" type="application/atom+xml" href={absoluteUrl(feeds.atom)} />
      {property("og:type", type)}
      {property("og:site_name", siteName)}
      {property("og:url", canonical)}
      {property("og:title", head.socialTitle)}
      {property("og:description", head.description)}
      {property("og:locale", OG_LOCALE[locale])}
      {alternateLocales.map((language) => property("og:locale:alternate", OG_LOCALE[language]))}
      {property("article:published_time", publishedTime)}
      {property("article:modified_time", modifiedTime)}
      {tags.map((tag) => property("article:tag", tag))}
      {images.flatMap((image) => [
        property("og:image", image.url),
        property("og:image:width", String(image.width)),
        property("og:image:height", String(image.height)),
        property("og:image:alt", image.alt),
      ])}
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:title" content={head.socialTitle} />
      {head.description ? <meta name="twitter:description" content={head.description} /> : null}
    </>
  );
}
