// Finding known names in a text: sentences, their normalized words, the n-grams (1–6 words) to
// look up, and the longest known name at each place. Pure: the lookup set comes from the caller.
import { matchTokens } from "./normalize";

export const MAX_NAME_WORDS = 6;

// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  "m",
  "mm",
  "mme",
  "mmes",
  "mlle",
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "no",
  "n°",
  "jr",
  "vs",
  "prof",
  "gen",
  "col",
  "lt",
  "etc",
  "cf",
  "p",
]);

/** Lines, then sentences within them (a full stop after `Mr`, `M.` or an initial does not end one). */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const line of text.split(/\r?\n+/)) {
    let start = 0;
    const boundary = /[.!?…]+["”»’)]*\s+(?=["“«(]?[\p{Lu}\p{N}])/gu;
    for (const match of line.matchAll(boundary)) {
      const before = line.slice(start, match.index).match(/([\p{L}°]+)$/u)?.[1] ?? "";
      if (match[0].startsWith(".") && (ABBREVIATIONS.has(before.toLowerCase()) || /^\p{Lu}$/u.test(before))) continue;
      sentences.push(line.slice(start, match.index + match[0].trimEnd().length).trim());
      start = match.index + match[0].length;
    }
    sentences.push(line.slice(start).trim());
  }
  return sentences.filter((sentence) => sentence.length > 0);
}

export type ScannedSentence = { text: string; words: string[] };

export function scanSentences(text: string): ScannedSentence[] {
  return splitSentences(text).map((sentence) => ({ text: sentence, words: matchTokens(sentence) }));
}

/** Every run of 1 to `maxWords` words inside one sentence, as a normalized key: what to look up. */
export function ngramKeys(sentences: readonly ScannedSentence[], maxWords = MAX_NAME_WORDS): Set<string> {
  const keys = new Set<string>();
  for (const { words } of sentences) {
    for (let start = 0; start < words.length; start++) {
      for (let length = 1; length <= maxWords && start + length <= words.length; length++) {
        keys.add(words.slice(start, start + length).join(" "));
      }
    }
  }
  return keys;
}

export type Mention = { key: string; sentence: string };

/**
 * The known names of a text, longest first at each place (`République de Corée` wins over
 * `Corée`), each with the first sentence it appears in.
 */
export function findMentions(
  sentences: readonly ScannedSentence[],
  isKnown: (key: string) => boolean,
  maxWords = MAX_NAME_WORDS,
): Mention[] {
  const found = new Map<string, Mention>();
  for (const sentence of sentences) {
    const { words } = sentence;
    let start = 0;
    while (start < words.length) {
      let matched = 0;
      for (let length = Math.min(maxWords, words.length - start); length >= 1; length--) {
        const key = words.slice(start, start + length).join(" ");
        if (isKnown(key)) {
          if (!found.has(key)) found.set(key, { key, sentence: sentence.text });
          matched = length;
          break;
        }
      }
      start += matched || 1;
    }
  }
  return [...found.values()];
}
