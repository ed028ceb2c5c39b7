// Which languages a story is translated into: every desk language but its own (the list itself is
// lib/i18n/languages.ts).
import { LANGUAGES, type Language } from "@/lib/i18n/languages";

/** The languages an article written in `sourceLanguage` should be translated into. */
export function targetLanguagesFor(sourceLanguage: string): Language[] {
  return LANGUAGES.filter((language) => language !== sourceLanguage);
}
