// Word splitter: decides whether one unknown lower-case token is two or three glued words
// ("thediplomatic" → "the diplomatic") from dictionary knowledge alone. Conservative by design:
// a wrong split is worse than a missed one, so every rule below errs towards leaving the token.
import type { WordDictionary } from "./dictionaries";
import { BOUND_PREFIXES, BOUND_SUFFIXES } from "./function-words";

export const MIN_GLUED_LENGTH = 5;
const MAX_GLUED_LENGTH = 40;
// Two splits scoring this close (natural-log frequency units) are a coin toss: leave the token.
const AMBIGUITY_MARGIN = 1.5;
const THREE_PART_PENALTY = 3;
// French has no counts: a content word gets a mid-range stand-in frequency.
const FRENCH_CONTENT_FREQUENCY = 2000;
// "exportmarkets" is glue, "roadmap", "livestream", "blockchain" are compounds the word lists
// miss: two content words are only split apart when both are long.
const CONTENT_PAIR_MIN_PART = 5;
const CONTENT_PAIR_MIN_LONGER_PART = 6;
const CONTENT_PAIR_MIN_TOTAL = 11;

// Function words that are also common word endings ("accessor", "themis", "async", "plugin"
// stays whole only by its length rule): never accepted as the second half of a split.
const NO_TRAILING: Readonly<Record<"en" | "fr", ReadonlySet<string>>> = {
  en: new Set(["or", "is", "a", "an", "it", "us", "as", "up", "no", "so", "do", "he", "we", "be", "per"]),
  fr: new Set(["a", "à", "y", "on", "ou", "en", "se", "ne", "ce", "sa", "ma", "ta", "me", "te", "il", "un", "ni", "si", "tu", "je"]),
};
// The function words real glue forms around ("maximisingthe"): only these may sit next to a
// rare word that SUBTLEX barely knows.
const STRONG_GLUE_PARTNERS: ReadonlySet<string> = new Set([
  "the",
  "and",
  "of",
  "to",
  "for",
  "with",
  "that",
  "in",
  "on",
  "at",
  "by",
  "from",
]);

// English suffixes whose removal leaves a known word: "multilateralisation" is a real word.
const ENGLISH_SUFFIXES = [
  "isations",
  "izations",
  "isation",
  "ization",
  "ising",
  "izing",
  "ised",
  "ized",
  "ments",
  "ment",
  "ness",
  "ings",
  "ing",
  "ers",
  "est",
  "ed",
  "er",
  "es",
  "s",
  "ly",
  "ism",
  "ist",
  "ists",
  "ity",
  "al",
];
const FRENCH_SUFFIXES = ["ements", "ement", "ments", "ment", "ées", "és", "ée", "es", "e", "s", "x"];

export interface SplitContext {
  dictionary: WordDictionary;
  /** Other languages' dictionaries: a word known there (a loanword) is a word, not glue. */
  alsoKnownIn: readonly WordDictionary[];
}

/** Minimum SUBTLEX count for an English content word of this length to be a split part. */
function minimumEnglishCount(length: number): number {
  if (length <= 3) return 300;
  if (length === 4) return 60;
  if (length <= 6) return 15;
  return 3;
}

function isInflectionOfKnown(word: string, dictionary: WordDictionary): boolean {
  const suffixes = dictionary.language === "en" ? ENGLISH_SUFFIXES : FRENCH_SUFFIXES;
  return suffixes.some((suffix) => {
    if (!word.endsWith(suffix)) return false;
    const base = word.slice(0, -suffix.length);
    return base.length >= 4 && (dictionary.isKnown(base) || dictionary.isKnown(`${base}e`));
  });
}

export function isWord(word: string, context: SplitContext): boolean {
  const { dictionary, alsoKnownIn } = context;
  return dictionary.isKnown(word) || isInflectionOfKnown(word, dictionary) || alsoKnownIn.some((other) => other.isKnown(word));
}

/** Frequency of a content word as a piece of a split; 0 = not acceptable. */
function contentFrequency(part: string, dictionary: WordDictionary, partner: string | null): number {
  if (part.length < 3 || !dictionary.isKnown(part)) return 0;
  if (dictionary.language === "fr") return FRENCH_CONTENT_FREQUENCY;
  const count = dictionary.frequency(part);
  if (count >= minimumEnglishCount(part.length)) return count;
  // A rare but real long word may stand next to a strong glue partner ("maximisingthe").
  return partner !== null && STRONG_GLUE_PARTNERS.has(partner) && part.length >= 6 ? 1 : 0;
}

function isContentPairLongEnough(first: string, second: string): boolean {
  return (
    Math.min(first.length, second.length) >= CONTENT_PAIR_MIN_PART &&
    Math.max(first.length, second.length) >= CONTENT_PAIR_MIN_LONGER_PART &&
    first.length + second.length >= CONTENT_PAIR_MIN_TOTAL
  );
}

const SHORT_FUNCTION_WORD = 2;
const MIN_BESIDE_SHORT_FUNCTION_WORD = 5;

function hasShortFunctionWordBesideShortWord(first: string, second: string, firstIsFunction: boolean, secondIsFunction: boolean): boolean {
  if (firstIsFunction && secondIsFunction) return false;
  const [functionWord, content] = firstIsFunction ? [first, second] : secondIsFunction ? [second, first] : [null, null];
  return functionWord !== null && functionWord.length <= SHORT_FUNCTION_WORD && content.length < MIN_BESIDE_SHORT_FUNCTION_WORD;
}

/** Log-frequency score of reading `first second`, or null when the split is not allowed. */
function scoreTwoParts(first: string, second: string, dictionary: WordDictionary): number | null {
  const firstIsFunction = dictionary.isFunctionWord(first);
  const secondIsFunction = dictionary.isFunctionWord(second);
  if (secondIsFunction && NO_TRAILING[dictionary.language].has(second)) return null;
  if (BOUND_PREFIXES.has(first) && !secondIsFunction) return null;
  if (BOUND_SUFFIXES.has(second) && !firstIsFunction) return null;
  // "aconference" yes, "async" no: a one-letter word needs a long, common neighbour.
  if (first.length === 1 && (second.length < 5 || secondIsFunction)) return null;
  // English compounds the lists miss end or start in "in"/"on" ("plugin", "addon", "inline").
  if (dictionary.language === "en" && hasShortFunctionWordBesideShortWord(first, second, firstIsFunction, secondIsFunction)) return null;
  if (!firstIsFunction && !secondIsFunction && !isContentPairLongEnough(first, second)) return null;

  const firstFrequency = firstIsFunction
    ? dictionary.frequency(first)
    : contentFrequency(first, dictionary, secondIsFunction ? second : null);
  const secondFrequency = secondIsFunction
    ? dictionary.frequency(second)
    : contentFrequency(second, dictionary, firstIsFunction ? first : null);
  if (firstFrequency <= 0 || secondFrequency <= 0) return null;
  return Math.log(firstFrequency + 1) + Math.log(secondFrequency + 1);
}

interface Candidate {
  parts: string[];
  score: number;
}

function twoPartCandidates(word: string, dictionary: WordDictionary): Candidate[] {
  const candidates: Candidate[] = [];
  for (let cut = 1; cut < word.length; cut++) {
    const first = word.slice(0, cut);
    const second = word.slice(cut);
    const score = scoreTwoParts(first, second, dictionary);
    if (score !== null) candidates.push({ parts: [first, second], score });
  }
  return candidates;
}

/**
 * Three pieces only as two strong function words and a common content word, in either order:
 * "tothepress", "coordinatedwiththe"; never "valid at or".
 */
function threePartCandidates(word: string, dictionary: WordDictionary): Candidate[] {
  const candidates: Candidate[] = [];
  const isStrong = (part: string): boolean => STRONG_GLUE_PARTNERS.has(part) && dictionary.isFunctionWord(part);
  for (let firstCut = 1; firstCut < word.length - 1; firstCut++) {
    for (let secondCut = firstCut + 1; secondCut < word.length; secondCut++) {
      const parts = [word.slice(0, firstCut), word.slice(firstCut, secondCut), word.slice(secondCut)];
      const [a = "", b = "", c = ""] = parts;
      const content = isStrong(a) && isStrong(b) ? c : isStrong(b) && isStrong(c) ? a : null;
      if (content === null || content.length < 4 || dictionary.isFunctionWord(content)) continue;
      const contentScore = contentFrequency(content, dictionary, null);
      if (contentScore === 0) continue;
      const score = parts.reduce((sum, part) => sum + Math.log((part === content ? contentScore : dictionary.frequency(part)) + 1), 0);
      candidates.push({ parts, score: score - THREE_PART_PENALTY });
    }
  }
  return candidates;
}

/** The words a glued token stands for, or null to leave it alone. Input is lower-case. */
export function splitGluedWord(word: string, context: SplitContext): string[] | null {
  if (word.length < MIN_GLUED_LENGTH || word.length > MAX_GLUED_LENGTH) return null;
  if (isWord(word, context)) return null;
  const { dictionary } = context;
  let candidates = twoPartCandidates(word, dictionary);
  if (candidates.length === 0) candidates = threePartCandidates(word, dictionary);
  candidates.sort((a, b) => b.score - a.score);
  const [best, runnerUp] = candidates;
  if (!best) return null;
  if (runnerUp && best.score - runnerUp.score < AMBIGUITY_MARGIN) return null;
  return best.parts;
}
