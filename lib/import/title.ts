// Titles: whether a line is a headline, and a suggested title (first sentence, shortened at a
// word boundary) when the copy has none.
import { ENGLISH_FUNCTION_WORDS, FRENCH_FUNCTION_WORDS } from "./function-words";
import { matchDateline } from "./dateline";
import { parseCreditedCaption } from "./captions";

const MAX_HEADLINE_LENGTH = 200;
const MAX_HEADLINE_WORDS = 32;
export const SUGGESTED_TITLE_LENGTH = 90;

/** Short, starts like a headline, no closing full stop, not a dateline or a caption. */
export function isHeadline(line: string): boolean {
  if (line.length < 8 || line.length > MAX_HEADLINE_LENGTH) return false;
  if (line.split(/\s+/).length > MAX_HEADLINE_WORDS) return false;
  if (!/^[\p{Lu}\p{N}«"“‘'(]/u.test(line)) return false;
  // Headlines end on a word, a number, "?", "!", a quote or a parenthesis, never on ". ; , :".
  if (/[.;,:]$/u.test(line) && !/\.\.\.$/u.test(line)) return false;
  return matchDateline(line) === null && parseCreditedCaption(line) === null;
}

export function normaliseForComparison(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .replace(/[.\s]+$/, "")
    .trim();
}

const TRAILING_FILLER = new Set([...ENGLISH_FUNCTION_WORDS, ...FRENCH_FUNCTION_WORDS, "l’", "l'", "d’", "d'", "qu’", "qu'"]);

/** Title built from the first sentence of the body, at most ~90 characters. */
export function suggestTitle(text: string): string {
  const firstSentence = (/^.*?[.!?](?=\s+[\p{Lu}«"“]|$)/u.exec(text)?.[0] ?? text).trim();
  const sentence = firstSentence.replace(/[.!?]+$/u, "").trim();
  if (sentence.length <= SUGGESTED_TITLE_LENGTH) return sentence;

  const words = sentence.slice(0, SUGGESTED_TITLE_LENGTH + 1).split(" ");
  words.pop(); // the last word may be cut in half
  // "… au service du" reads as broken: end on a content word.
  while (words.length > 1 && TRAILING_FILLER.has((words[words.length - 1] ?? "").toLowerCase())) words.pop();
  return `${words
    .join(" ")
    .replace(/[,;:–—-]+$/u, "")
    .trim()}…`;
}
