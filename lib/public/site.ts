// The reader site's addresses: SITE_URL (absolute URLs for feeds, sitemaps, canonical and social
// tags) and every public path, so pages, feeds and sitemaps build links the same way.
import { routing, type Locale } from "@/lib/i18n/routing";

const DEFAULT_SITE_URL = "http://localhost:3000";

type SiteEnv = { SITE_URL?: string; NODE_ENV?: string };

/** SITE_URL without a trailing slash, query or fragment; null when unset or not a URL. */
function configuredSiteUrl(env: SiteEnv): string | null {
  const raw = env.SITE_URL?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    return null;
  }
}

/** The public origin, e.g. https://diplomatie.example.vn (env SITE_URL, no trailing slash). */
export function siteUrl(): string {
  return configuredSiteUrl(process.env) ?? DEFAULT_SITE_URL;
}

/** What a server started locally on `port` (the demo) should use: SITE_URL, or its own address. */
export function siteUrlForPort(env: SiteEnv, port: number): string {
  return configuredSiteUrl(env) ?? `http://localhost:${port}`;
}

/**
 * The warning a production server prints once at start when SITE_URL is missing or unusable: its
 * feeds, sitemaps, canonical and hreflang links would otherwise name a host nobody serves.
 */
export function missingSiteUrlWarning(env: SiteEnv): string | null {
  if (env.NODE_ENV !== "production" || configuredSiteUrl(env)) return null;
  return `Warning: SITE_URL is not set to a URL; feeds, sitemaps, canonical and hreflang links will use ${DEFAULT_SITE_URL}. Set SITE_URL to the public origin (e.g. https://news.example.org).`;
}

export function absoluteUrl(path: string): string {
  return `${siteUrl()}${path.startsWith("/") ? path : `/${path}`}`;
}

/** Longer slugs (articles, tags) are never looked up: no such page exists. */
export const MAX_SLUG_LENGTH = 200;

/** The search page's path segment in each language: /fr/recherche, /en/search. */
export const SEARCH_SEGMENT: Record<Locale, string> = { fr: "recherche", en: "search" };

/** The Open Graph locale of each language. */
export const OG_LOCALE: Record<Locale, string> = { fr: "fr_FR", en: "en_GB" };

export const paths = {
  home: (locale: Locale) => `/${locale}`,
  article: (locale: Locale, slug: string) => `/${locale}/article/${encodeURIComponent(slug)}`,
  tag: (locale: Locale, slug: string) => `/${locale}/tag/${encodeURIComponent(slug)}`,
  search: (locale: Locale) => `/${locale}/${SEARCH_SEGMENT[locale]}`,
  /** RSS 2.0 of a language, or of one tag in that language. */
  rss: (locale: Locale, tagSlug?: string) => `/${locale}/feed.xml${tagSlug ? `?tag=${encodeURIComponent(tagSlug)}` : ""}`,
  /** Atom 1.0 of a language, or of one tag in that language. */
  atom: (locale: Locale, tagSlug?: string) => `/${locale}/atom.xml${tagSlug ? `?tag=${encodeURIComponent(tagSlug)}` : ""}`,
};

export function otherLocale(locale: Locale): Locale {
  return locale === "fr" ? "en" : "fr";
}

/** hreflang -> path for a page that exists in every language, plus x-default. */
export function localeAlternates(pathFor: (locale: Locale) => string, xDefault?: string): Record<string, string> {
  const languages = Object.fromEntries(routing.locales.map((locale) => [locale, pathFor(locale)]));
  return { ...languages, "x-default": xDefault ?? pathFor(routing.defaultLocale) };
}
