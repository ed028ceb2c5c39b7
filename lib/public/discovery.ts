// What the feed, sitemap and robots routes serve, assembled from the cached public reads: the
// route handlers only pick a builder and set headers.
import { getTranslations } from "next-intl/server";
import { isLocale, routing, type Locale } from "@/lib/i18n/routing";
import { listFeedItemsCached, listRecentlyPublishedCached, listSitemapArticlesCached, listSitemapTagsCached } from "./cached";
import { findTagBySlug, tagHasPublishedArticle } from "./queries";
import { absoluteUrl, paths } from "./site";
import { buildAtom, buildNewsSitemap, buildRss, buildSitemap, type FeedChannel, type SitemapUrl } from "./xml";

export type FeedKind = "rss" | "atom";

/** A language's feed, or one tag's; null when the tag is unknown or has no published story in that language. */
export async function feedDocument(locale: Locale, kind: FeedKind, tagSlug: string | null): Promise<string | null> {
  const tag = tagSlug ? await findTagBySlug(locale, tagSlug) : null;
  if (tagSlug && (!tag || !(await tagHasPublishedArticle(locale, tag.id)))) return null;
  const [items, t, common] = await Promise.all([
    listFeedItemsCached(locale, tag?.id),
    getTranslations({ locale, namespace: "public.feeds" }),
    getTranslations({ locale, namespace: "common" }),
  ]);
  const site = common("siteName");
  const channel: FeedChannel = {
    title: tag ? t("tagTitle", { site, tag: tag.label }) : t("title", { site }),
    description: tag ? t("tagDescription", { tag: tag.label }) : t("description"),
    link: absoluteUrl(tag ? paths.tag(locale, tag.slug) : paths.home(locale)),
    selfUrl: absoluteUrl(kind === "rss" ? paths.rss(locale, tag?.slug) : paths.atom(locale, tag?.slug)),
    language: locale,
    entries: items.map((item) => ({
      title: item.title,
      url: absoluteUrl(paths.article(locale, item.slug)),
      summary: item.summary,
      publishedAt: item.publishedAt,
      updatedAt: item.updatedAt,
      categories: item.tags,
    })),
  };
  return kind === "rss" ? buildRss(channel) : buildAtom(channel);
}

/** Alternates of a page that exists in the given languages; x-default is the first listed. */
function alternatesOf(urls: [string, string][]): Record<string, string> {
  const first = urls[0];
  return { ...Object.fromEntries(urls), ...(first ? { "x-default": first[1] } : {}) };
}

export async function sitemapDocument(): Promise<string> {
  const [articles, tags] = await Promise.all([listSitemapArticlesCached(), listSitemapTagsCached()]);
  const urls: SitemapUrl[] = [];
  const pageGroup = (localized: [string, string][], lastModified?: string, xDefault?: string) => {
    const alternates = { ...alternatesOf(localized), ...(xDefault ? { "x-default": xDefault } : {}) };
    for (const [, url] of localized) urls.push({ url, lastModified, alternates });
  };
  // The root answers in the reader's language: it is the home pages' x-default.
  pageGroup(
    routing.locales.map((locale) => [locale, absoluteUrl(paths.home(locale))]),
    articles[0]?.versions[0]?.lastModified,
    absoluteUrl("/"),
  );
  pageGroup(routing.locales.map((locale) => [locale, absoluteUrl(paths.search(locale))]));
  const order = (language: string) => routing.locales.indexOf(language as Locale);
  for (const article of articles) {
    // x-default: the version in the site's default language when there is one.
    const versions = article.versions.filter((version) => isLocale(version.language)).sort((a, b) => order(a.language) - order(b.language));
    const lastModified = versions
      .map((version) => version.lastModified)
      .sort()
      .at(-1);
    pageGroup(
      versions.map((version) => [version.language, absoluteUrl(paths.article(version.language as Locale, version.slug))]),
      lastModified,
    );
  }
  for (const tag of tags) {
    pageGroup(
      tag.labels
        .filter((label) => isLocale(label.language))
        .map((label) => [label.language, absoluteUrl(paths.tag(label.language as Locale, label.slug))]),
    );
  }
  return buildSitemap(urls);
}

export async function newsSitemapDocument(): Promise<string> {
  const [items, fr, en] = await Promise.all([
    listRecentlyPublishedCached(),
    getTranslations({ locale: "fr", namespace: "common" }),
    getTranslations({ locale: "en", namespace: "common" }),
  ]);
  const publication = { fr: fr("siteName"), en: en("siteName") };
  return buildNewsSitemap(
    items
      .filter((item) => isLocale(item.language))
      .map((item) => {
        const locale = item.language as Locale;
        return {
          url: absoluteUrl(paths.article(locale, item.slug)),
          title: item.title,
          language: locale,
          publishedAt: item.publishedAt,
          publication: publication[locale],
        };
      }),
  );
}

export function robotsDocument(): string {
  return [
    "User-agent: *",
    "Allow: /",
    "Disallow: /admin",
    "Disallow: /login",
    "Disallow: /api",
    "",
    `Sitemap: ${absoluteUrl("/sitemap.xml")}`,
    `Sitemap: ${absoluteUrl("/news-sitemap.xml")}`,
    "",
  ].join("\n");
}
