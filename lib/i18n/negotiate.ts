// Picks a supported language from an Accept-Language header; shared by the desk's request config
// and by refusals the proxy writes before any page runs.
import { isLocale, routing, type Locale } from "@/lib/i18n/routing";

/** The desk's remembered language; set only on private answers (the desk, the redirect from /). */
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** The language of a request outside the reader site: the remembered choice, then the browser's. */
export function chooseLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  return isLocale(cookie) ? cookie : negotiateLocale(acceptLanguage);
}

/** The first supported language in an Accept-Language header, by quality. */
export function negotiateLocale(acceptLanguage: string | null): Locale {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { language: tag.toLowerCase().split("-")[0], quality: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  return ranked.map((entry) => entry.language).find(isLocale) ?? routing.defaultLocale;
}
