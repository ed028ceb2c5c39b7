// The languages a story can be translated into. Data, not code shape: adding `vi` here (and its
// UI strings) is all a new language needs.
export const TRANSLATION_LANGUAGES = ["fr", "en"] as const;

export type TranslationLanguage = string;

export function isTranslationLanguage(language: string): boolean {
  return (TRANSLATION_LANGUAGES as readonly string[]).includes(language);
}

/** The languages an article written in `sourceLanguage` should be translated into. */
export function targetLanguagesFor(sourceLanguage: string): string[] {
  return TRANSLATION_LANGUAGES.filter((language) => language !== sourceLanguage);
}
