// The head of every reader page in one place: canonical URL, hreflang alternates, feed links, Open
// Graph (og:locale and og:locale:alternate) and Twitter cards. Next merges page metadata over the
// layout's one key at a time, so each page passes everything through here rather than partially.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import { OG_LOCALE, paths } from "./site";

type PageHead = {
  title: Metadata["title"];
  /** Used for the page and for the social cards. */
  socialTitle: string;
  description?: string;
  canonical: string;
  /** hreflang -> path of this page in each language it exists in (x-default included). */
  languages: Record<string, string>;
  openGraph?: Record<string, unknown> & { type?: "website" | "article" };
  robots?: Metadata["robots"];
  /** Feeds of what the page lists; the language's feeds by default. */
  feeds?: { rss: string; atom: string };
};

export async function publicMetadata(locale: Locale, head: PageHead): Promise<Metadata> {
  const common = await getTranslations({ locale, namespace: "common" });
  const feeds = head.feeds ?? { rss: paths.rss(locale), atom: paths.atom(locale) };
  const alternateLocales = Object.keys(head.languages)
    .filter((language): language is Locale => isLocale(language) && language !== locale)
    .map((language) => OG_LOCALE[language]);
  const { type = "website", ...openGraph } = head.openGraph ?? {};
  return {
    title: head.title,
    description: head.description,
    alternates: {
      canonical: head.canonical,
      languages: head.languages,
      types: { "application/rss+xml": feeds.rss, "application/atom+xml": feeds.atom },
    },
    openGraph: {
      type,
      siteName: common("siteName"),
      url: head.canonical,
      title: head.socialTitle,
      description: head.description,
      locale: OG_LOCALE[locale],
      alternateLocale: alternateLocales,
      ...openGraph,
    } as Metadata["openGraph"],
    twitter: { card: "summary", title: head.socialTitle, description: head.description },
    robots: head.robots,
  };
}
