// Typo flags: doubled words ("eu eu") and non-words one letter away from a real word
// ("fficace" → "efficace"). Flagged as warnings for the editor; the text is never rewritten.
import type { DictionaryLanguage } from "./dictionaries";
import { isKnownWord } from "./glued-words";
import type { Language } from "./types";

// Legitimately doubled: "nous nous sommes", "had had", "that that".
const DOUBLING_ALLOWED = new Set(["nous", "vous", "had", "that", "là", "très", "bye", "so", "very", "far", "more", "again"]);
const DOUBLED_WORD_AT = /(?<![\p{L}\p{M}\p{N}])([\p{L}\p{M}]+)\s+\1(?![\p{L}\p{M}\p{N}])/iuy;
const WORD = /[\p{L}\p{M}]+/gu;
const WHITE_SPACE_AT = /\s+/y;
const LOWER_WORD = /(?<![\p{L}\p{M}\p{N}'’/.@-])\p{Ll}[\p{Ll}\p{M}]{3,}(?![\p{L}\p{M}\p{N}'’/@-])/gu;

const ALPHABETS: Readonly<Record<DictionaryLanguage, string>> = {
  en: "abcdefghijklmnopqrstuvwxyz",
  fr: "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæ",
};

function withoutAccents(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "");
}

/**
 * The regular expression's matches, asked only where two words of one length stand apart by white
 * space alone: tried from every position, the expression was a tenth of the pipeline.
 */
export function findDoubledWords(text: string): string[] {
  const found: string[] = [];
  let previous: { start: number; end: number } | null = null;
  for (const { 0: word, index: start } of text.matchAll(WORD)) {
    const end = start + word.length;
    if (previous && end - start === previous.end - previous.start && onlyWhiteSpaceBetween(text, previous.end, start)) {
      DOUBLED_WORD_AT.lastIndex = previous.start;
      const doubled = DOUBLED_WORD_AT.exec(text);
      if (doubled) {
        if (!DOUBLING_ALLOWED.has((doubled[1] ?? "").toLowerCase())) found.push(doubled[0]);
        previous = null; // matches do not overlap: the second word starts no pair
        continue;
      }
    }
    previous = { start, end };
  }
  return found;
}

function onlyWhiteSpaceBetween(text: string, from: number, to: number): boolean {
  WHITE_SPACE_AT.lastIndex = from;
  return WHITE_SPACE_AT.test(text) && WHITE_SPACE_AT.lastIndex === to;
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
