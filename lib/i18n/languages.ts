// The desk's languages, defined once: routing, translations, tags, media, imports and the desk's
// forms all read this list. A new language is one entry here plus its catalogue in messages/<code>/.
export const LANGUAGES = ["fr", "en"] as const;

export type Language = (typeof LANGUAGES)[number];

/** Where a reader lands when nothing says which language they read. */
export const DEFAULT_LANGUAGE: Language = "fr";

/** Languages an article may be written in: wire copy also comes in Vietnamese, kept as a source
 * text to translate from but never a language of the desk or the reader site. */
export const ARTICLE_LANGUAGES = [...LANGUAGES, "vi"] as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}
