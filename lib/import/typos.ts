// Typo flags: doubled words ("eu eu") and non-words one letter away from a real word
// ("fficace" → "efficace"). Flagged as warnings for the editor; the text is never rewritten.
import type { DictionaryLanguage } from "./dictionaries";
import { isKnownWord } from "./glued-words";
import type { Language } from "./types";

// Legitimately doubled: "nous nous sommes", "had had", "that that".
const DOUBLING_ALLOWED = new Set(["nous", "vous", "had", "that", "là", "très", "bye", "so", "very", "far", "more", "again"]);
const DOUBLED_WORD = /(?<![\p{L}\p{M}\p{N}])([\p{L}\p{M}]+)\s+\1(?![\p{L}\p{M}\p{N}])/giu;
const LOWER_WORD = /(?<![\p{L}\p{M}\p{N}'’/.@-])\p{Ll}[\p{Ll}\p{M}]{3,}(?![\p{L}\p{M}\p{N}'’/@-])/gu;

const ALPHABETS: Readonly<Record<DictionaryLanguage, string>> = {
  en: "abcdefghijklmnopqrstuvwxyz",
  fr: "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæ",
};

function withoutAccents(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "");
}

export function findDoubledWords(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(DOUBLED_WORD)) {
    const word = match[1] ?? "";
    if (!DOUBLING_ALLOWED.has(word.toLowerCase())) found.push(match[0]);
  }
  return found;
}

/** Every string one deletion, insertion, substitution or swap away from `word`, in a fixed order. */
function* oneEditAway(word: string, alphabet: string): Generator<string> {
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    for (const letter of alphabet) yield head + letter + word.slice(i);
    if (i < word.length) {
      const tail = word.slice(i + 1);
      yield head + tail;
      for (const letter of alphabet) yield head + letter + tail;
    }
    if (i < word.length - 1) yield head + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
  }
}

// Wire copy repeats its unknown words (compounds, names in lower case) from story to story: the
// ~1,000 dictionary lookups behind each are done once per word in a process, not once per file.
const nearbyWords = new Map<string, string | null>();
const NEARBY_WORDS_KEPT = 20_000;
// A word's ~60 x length one-edit candidates are each as long as the word, so the search is
// quadratic in its length: an 8,000-letter token (a pasted code) took minutes. The longest
// words of either language ("anticonstitutionnellement", 25 letters) stay well under this.
export const MAX_TYPO_LENGTH = 30;

function cachedNearbyWord(word: string, language: DictionaryLanguage): string | null {
  const key = `${language}:${word}`;
  let found = nearbyWords.get(key);
  if (found === undefined) {
    found = nearbyWord(word, language);
    if (nearbyWords.size >= NEARBY_WORDS_KEPT) nearbyWords.clear();
    nearbyWords.set(key, found);
  }
  return found;
}

/** Known words one deletion, insertion, substitution or swap away from `word`. */
function nearbyWord(word: string, language: DictionaryLanguage): string | null {
  // An accent-only difference ("célèbreront"/"célébreront") is usually an accepted variant.
  const bare = withoutAccents(word);
  // Generated lazily and the dictionary asked before the accent check: ~1,000 candidates per
  // unknown word, and almost none is a word (this was a third of the pipeline's time).
  for (const candidate of oneEditAway(word, ALPHABETS[language])) {
    if (candidate !== word && isKnownWord(candidate, language) && withoutAccents(candidate) !== bare) return candidate;
  }
  return null;
}

export interface LikelyTypo {
  word: string;
  suggestion: string;
}

/** Lower-case non-words with a real word one edit away. Names and codes are not checked. */
export function findLikelyTypos(text: string, language: Language): LikelyTypo[] {
  if (language !== "en" && language !== "fr") return [];
  const seen = new Set<string>();
  const typos: LikelyTypo[] = [];
  for (const [word] of text.matchAll(LOWER_WORD)) {
    if (word.length > MAX_TYPO_LENGTH || seen.has(word)) continue;
    seen.add(word);
    if (isKnownWord(word, language)) continue;
    const suggestion = cachedNearbyWord(word, language);
    if (suggestion) typos.push({ word, suggestion });
  }
  return typos;
}
