// Glued words in running text: finds tokens that may be two words run together ("setfor",
// "leministre", "Écrivantdans", "affectedVietnamese") and splits them, leaving names, numbers,
// web addresses, hyphenated and elided words alone.
import type { ChangeLog } from "./change-log";
import type { Language } from "./types";
import { getDictionary, type DictionaryLanguage, type WordDictionary } from "./dictionaries";
import { MIN_GLUED_LENGTH, isWord, splitGluedWord, type SplitContext } from "./word-splitter";

const LETTER_RUN = /[\p{L}\p{M}]+/gu;
const LOWER_THEN_NAME = /^(\p{Ll}{2,})(\p{Lu}\p{Ll}{2,})$/u;
const FRENCH_ELISIONS = new Set(["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "presqu", "quoiqu"]);
// Glued to a digit, a slash, a dot or a hyphen, a token is part of a code, an address or a compound.
const ATTACHED = /[\p{N}/\\@_#&=+-]/u;

// Look-behinds read a bounded window: reading back to the paragraph start for every token made
// long paragraphs quadratic (a fuzzing test found 13 s for 600 KB).
const LOOK_BEHIND = 64;

function isSentenceStart(text: string, start: number): boolean {
  const windowStart = Math.max(0, start - LOOK_BEHIND);
  const before = text.slice(windowStart, start).replace(/[\s«"“‘'(\[]+$/u, "");
  return (before === "" && windowStart === 0) || /[.!?…:]$/u.test(before);
}

function isApostrophe(char: string | undefined): boolean {
  return char === "’" || char === "'";
}

/** Whether the surroundings of text[start, end) make the token off-limits. */
function isGuarded(text: string, start: number, end: number, language: DictionaryLanguage): boolean {
  const previous = text[start - 1];
  const next = text[end];
  if ((previous !== undefined && ATTACHED.test(previous)) || (next !== undefined && ATTACHED.test(next))) return true;
  if (previous === ".") return true; // "baoquocte.vn"
  if (next === "." && /[\p{L}\p{N}]/u.test(text[end + 1] ?? "")) return true; // "www.site"
  if (isApostrophe(previous)) {
    // French elision "l’investissement" is a word start; anything else ("don’t") is not.
    const elided = (/[\p{L}]+$/u.exec(text.slice(Math.max(0, start - 1 - LOOK_BEHIND), start - 1))?.[0] ?? "").toLowerCase();
    if (language !== "fr" || !FRENCH_ELISIONS.has(elided)) return true;
  }
  if (isApostrophe(next)) {
    // English possessive "ministry’s" ends a word; "aujourd’hui" is one word.
    const afterApostrophe = text.slice(end + 1, end + 3);
    if (language !== "en" || !/^s(?![\p{L}])/u.test(afterApostrophe)) return true;
  }
  return false;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "affectedVietnamese": a common lower-case word run into a name. "toString" is code, not glue. */
function splitCamelGlue(token: string, context: SplitContext): string | null {
  const match = LOWER_THEN_NAME.exec(token);
  if (!match) return null;
  const [, lower = "", name = ""] = match;
  const { dictionary } = context;
  const isEnglish = dictionary.language === "en";
  const lowerIsCommon =
    dictionary.isFunctionWord(lower) || (isEnglish ? dictionary.frequency(lower) >= 15 : lower.length >= 4 && dictionary.isKnown(lower));
  const nameIsName = isEnglish ? dictionary.frequency(name.toLowerCase()) < 15 : !dictionary.isKnown(name.toLowerCase());
  return lowerIsCommon && nameIsName ? `${lower} ${name}` : null;
}

const UPPER_AFTER_FIRST = /^.[^]*\p{Lu}/u;

/**
 * Most tokens are words as they stand: lower case or only capitalised, and in the dictionary. Such
 * a token is never split (repairToken would find no camel glue and splitGluedWord a known word),
 * so the look-arounds are not read for it.
 */
function isKnownAsWritten(token: string, context: SplitContext): boolean {
  return !UPPER_AFTER_FIRST.test(token) && context.dictionary.isKnown(token.toLowerCase());
}

function repairToken(token: string, sentenceStart: boolean, context: SplitContext): string | null {
  if (token.length < MIN_GLUED_LENGTH) return null;
  const camel = splitCamelGlue(token, context);
  if (camel !== null) return camel;
  const lower = token.toLowerCase();
  const isLower = token === lower;
  const isCapitalised = !isLower && token === capitalise(lower);
  // Capitalised mid-sentence is a name ("Urpilainen"); other mixed case is a brand or acronym.
  if (!isLower && !(isCapitalised && sentenceStart)) return null;
  const parts = splitGluedWord(lower, context);
  if (!parts) return null;
  const joined = parts.join(" ");
  return isCapitalised ? capitalise(joined) : joined;
}

function contextFor(language: DictionaryLanguage): SplitContext {
  const dictionary = getDictionary(language);
  const alsoKnownIn: WordDictionary[] = language === "fr" ? [getDictionary("en")] : [];
  return { dictionary, alsoKnownIn };
}

/** Splits glued words of a paragraph in English or French; other languages pass through. */
export function repairGluedWords(paragraph: string, language: Language, log: ChangeLog): string {
  if (language !== "en" && language !== "fr") return paragraph;
  const context = contextFor(language);
  let output = "";
  let copiedUpTo = 0;
  for (const match of paragraph.matchAll(LETTER_RUN)) {
    const token = match[0];
    const start = match.index;
    const end = start + token.length;
    if (token.length < MIN_GLUED_LENGTH || isKnownAsWritten(token, context) || isGuarded(paragraph, start, end, language)) continue;
    const repaired = repairToken(token, isSentenceStart(paragraph, start), context);
    if (repaired === null || !log.propose("glued-word-split", token, repaired)) continue;
    output += paragraph.slice(copiedUpTo, start) + repaired;
    copiedUpTo = end;
  }
  return output + paragraph.slice(copiedUpTo);
}

/** Whether a lower-case token is a word of the language (used by the typo check too). */
export function isKnownWord(word: string, language: DictionaryLanguage): boolean {
  return isWord(word, contextFor(language));
}
