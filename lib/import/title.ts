// Titles: whether a line is a headline, and a suggested title (first sentence, shortened at a
// word boundary) when the copy has none.
import { ENGLISH_FUNCTION_WORDS, FRENCH_FUNCTION_WORDS } from "./function-words";
import { matchDateline } from "./dateline";
import { parseCreditedCaption } from "./captions";
import { collapseWhiteSpace } from "./white-space";

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

const FULL_STOP = 46;
const SPACE = 32;

/** Lower case, each run of white space one space, no final full stops: how lines are compared. */
export function normaliseForComparison(text: string): string {
  const collapsed = collapseWhiteSpace(text.toLowerCase());
  // The trailing full stops and spaces, found from the end (a regular expression anchored at the
  // end is tried from every position: this ran three times per block, a tenth of the pipeline).
  let end = collapsed.length;
  for (let unit = collapsed.charCodeAt(end - 1); unit === FULL_STOP || unit === SPACE; unit = collapsed.charCodeAt(end - 1)) end--;
  return collapsed.slice(0, end).trim();
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
