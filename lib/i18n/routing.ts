// The reader-facing locales and how they appear in URLs (always prefixed: /fr/..., /en/...).
import { defineRouting } from "next-intl/routing";
import { DEFAULT_LANGUAGE, LANGUAGES } from "@/lib/i18n/languages";

export const routing = defineRouting({
  locales: LANGUAGES,
  defaultLocale: DEFAULT_LANGUAGE,
  localePrefix: "always",
  // Every reader page lists its own hreflang alternates (slugs differ by language); the middleware's
  // Link header would guess them from the path, wrongly.
  alternateLinks: false,
  // Reader pages are cached publicly (Cache-Control: public): a Set-Cookie there would be stored
  // by a shared cache and handed to every reader. The URL carries the language; proxy.ts lets only
  // the private redirect from / remember it.
  localeCookie: false,
});

export type Locale = (typeof routing.locales)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (routing.locales as readonly string[]).includes(value);
}
