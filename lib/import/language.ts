// Language identification of the article body (French, English, Vietnamese, else 'und')
// with franc-min's trigram models: franc-min's own answer, computed with a fraction of the work
// (franc was a third of the pipeline's time, then a fifth).
import { data } from "franc-min/data.js";
import { expressions } from "franc-min/expressions.js";
import type { Language } from "./types";
import { collapseWhiteSpace } from "./white-space";

const ISO_639_3: Readonly<Record<string, Language>> = { fra: "fr", eng: "en", vie: "vi" };

// Below this many letters trigram statistics are noise; a headline alone is not enough.
const MIN_LETTERS = 40;

// franc-min's constants: the sample it reads, and the cost of a trigram the model lacks.
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;
/**
 * Per script: the languages' codes, in franc's order, and an index from each trigram to the
 * languages whose model holds it with its weight (rank; the first listing wins, as in franc), as
 * flat (language, weight) pairs: the distance loop reads integers, not objects. A trigram is keyed
 * by its three characters' numbers in the script's alphabet (`letters`: 0 for a character no model
 * of the script has), `bits` each: the text's trigrams are counted as integers, not as strings.
 */
type ScriptModels = { codes: string[]; index: Map<number, Int32Array>; letters: Uint16Array; bits: number };
let models: Map<string, ScriptModels> | null = null;

function trigramKey(first: number, second: number, third: number, bits: number): number {
  return (((first << bits) | second) << bits) | third;
}

function modelsByScript(): Map<string, ScriptModels> {
  models ??= new Map(
    Object.entries(data).map(([script, languages]) => {
      const letters = new Uint16Array(0x10000);
      // By UTF-16 unit, as franc slices trigrams.
      const alphabet = new Set(Object.values(languages).flatMap((model) => model.replace(/\|/g, "").split("")));
      [...alphabet].forEach((unit, position) => (letters[unit.charCodeAt(0)] = position + 1));
      const bits = Math.ceil(Math.log2(alphabet.size + 1));
      // Three characters' numbers in a small integer (V8's fast keys stop at 2^30).
      if (3 * bits > 30) throw new Error(`franc-min's ${script} models have too many characters (${alphabet.size}).`);
      const holders = new Map<number, number[]>();
      Object.values(languages).forEach((model, language) => {
        const trigrams = model.split("|");
        const weights = new Map<string, number>();
        for (let weight = trigrams.length - 1; weight >= 0; weight--) weights.set(trigrams[weight]!, weight);
        for (const [trigram, weight] of weights) {
          if (trigram.length !== 3) continue; // never equal to a text's trigram, which is three units
          const [first, second, third] = [0, 1, 2].map((unit) => letters[trigram.charCodeAt(unit)]!) as [number, number, number];
          const key = trigramKey(first, second, third, bits);
          const pairs = holders.get(key);
          if (pairs) pairs.push(language, weight);
          else holders.set(key, [language, weight]);
        }
      });
      const index = new Map([...holders].map(([key, pairs]) => [key, Int32Array.from(pairs)]));
      return [script, { codes: Object.keys(languages), index, letters, bits }];
    }),
  );
  return models;
}

const LETTER = /\p{L}/gu;

/** Whether the text has at least `count` letters; stops counting there (bodies have thousands). */
function hasLetters(text: string, count: number): boolean {
  LETTER.lastIndex = 0;
  for (let seen = 0; seen < count; seen++) if (!LETTER.test(text)) return false;
  return true;
}

function countMatches(text: string, expression: RegExp): number {
  const global = expression.global ? expression : new RegExp(expression.source, `${expression.flags}g`);
  global.lastIndex = 0;
  let count = 0;
  while (global.exec(text)) count++;
  return count;
}

const SCRIPTS = Object.entries(expressions);
// A bit per script in a 32-bit mask (franc-min has 20).
if (SCRIPTS.length > 31) throw new Error(`franc-min has ${SCRIPTS.length} scripts: more than a mask holds.`);
// Which scripts' expressions match each UTF-16 unit, as a bit mask, filled in as units are met:
// one pass over the text instead of one regular-expression scan per script.
const UNKNOWN = -1;
const scriptMasks = new Int32Array(0x10000).fill(UNKNOWN);
const SURROGATE = /[\uD800-\uDFFF]/;

function scriptMask(unit: number): number {
  let mask = scriptMasks[unit]!;
  if (mask === UNKNOWN) {
    const char = String.fromCharCode(unit);
    mask = 0;
    SCRIPTS.forEach(([, expression], script) => {
      expression.lastIndex = 0;
      if (expression.test(char)) mask |= 1 << script;
    });
    scriptMasks[unit] = mask;
  }
  return mask;
}

/** Characters of each script in the text, in SCRIPTS' order. */
function scriptCounts(text: string): Int32Array {
  // The expressions match astral characters as surrogate pairs: such text is counted their way.
  if (SURROGATE.test(text)) return Int32Array.from(SCRIPTS, ([, expression]) => countMatches(text, expression));
  const counts = new Int32Array(SCRIPTS.length);
  for (let index = 0; index < text.length; index++) {
    const mask = scriptMask(text.charCodeAt(index));
    if (mask !== 0) for (let script = 0; script < SCRIPTS.length; script++) if (mask & (1 << script)) counts[script]! += 1;
  }
  return counts;
}

/** franc's script choice: the highest share of characters, the first script on a tie. */
function topScript(text: string): { script: string | undefined; share: number } {
  let top: { script: string | undefined; share: number } = { script: undefined, share: -1 };
  scriptCounts(text).forEach((count, script) => {
    const share = count / text.length || 0;
    if (share > top.share) top = { script: SCRIPTS[script]![0], share };
  });
  return top;
}

/**
 * trigram-utils' trigram counts (punctuation and digits to spaces, spaces collapsed, lower case,
 * padded), by key for the trigrams of the script's alphabet; the others, which no model of the
 * script holds, only count as distinct trigrams (`others`), as franc counts them.
 */
function trigramCounts(text: string, { letters, bits }: ScriptModels): { counts: Map<number, number>; others: number } {
  const cleaned = ` ${collapseWhiteSpace(text.replace(/[\u0021-\u0040]+/g, " "))
    .trim()
    .toLowerCase()} `;
  const counts = new Map<number, number>();
  const others = new Set<string>();
  for (let index = 0; index + 3 <= cleaned.length; index++) {
    const first = letters[cleaned.charCodeAt(index)]!;
    const second = letters[cleaned.charCodeAt(index + 1)]!;
    const third = letters[cleaned.charCodeAt(index + 2)]!;
    if (first === 0 || second === 0 || third === 0) {
      others.add(cleaned.slice(index, index + 3));
      continue;
    }
    const key = trigramKey(first, second, third, bits);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { counts, others: others.size };
}

/**
 * franc's distance of the text to each language: over the text's trigrams, |count - weight - 1|
 * for one in the language's model, else MAX_DIFFERENCE. Each of the text's trigrams is looked up
 * once in the script's index (not once per language): the same integers, a fraction of the work.
 */
function distances({ counts, others }: ReturnType<typeof trigramCounts>, { codes, index }: ScriptModels): Int32Array {
  const totals = new Int32Array(codes.length).fill(MAX_DIFFERENCE * (counts.size + others));
  for (const [key, count] of counts) {
    const pairs = index.get(key);
    if (pairs)
      for (let pair = 0; pair < pairs.length; pair += 2) totals[pairs[pair]!]! += Math.abs(count - pairs[pair + 1]! - 1) - MAX_DIFFERENCE;
  }
  return totals;
}

/** The ISO 639-3 code franc-min's `franc(text, { minLength })` answers ('und' when it cannot tell). */
export function francTop(text: string, minLength: number): string {
  if (!text || text.length < minLength) return "und";
  const sample = text.slice(0, MAX_LENGTH);
  const { script, share } = topScript(sample);
  const candidates = script === undefined ? undefined : modelsByScript().get(script);
  if (!candidates) return script === undefined || share === 0 ? "und" : script;
  const totals = distances(trigramCounts(sample, candidates), candidates);
  // franc sorts the distances (a stable sort) and takes the first: the earliest language on a tie.
  let best = { code: "und", distance: Infinity };
  totals.forEach((score, language) => {
    if (score < best.distance) best = { code: candidates.codes[language]!, distance: score };
  });
  return best.code;
}

export function detectLanguage(text: string): Language {
  if (!hasLetters(text, MIN_LETTERS)) return "und";
  return ISO_639_3[francTop(text, MIN_LETTERS)] ?? "und";
}
