// Language identification of the article body (French, English, Vietnamese, else 'und')
// with franc-min's trigram models: franc-min's own answer, computed with a fraction of the work
// (franc was a third of the pipeline's time, then a fifth).
import { data } from "franc-min/data.js";
import { expressions } from "franc-min/expressions.js";
import type { Language } from "./types";

const ISO_639_3: Readonly<Record<string, Language>> = { fra: "fr", eng: "en", vie: "vi" };

// Below this many letters trigram statistics are noise; a headline alone is not enough.
const MIN_LETTERS = 40;

// franc-min's constants: the sample it reads, and the cost of a trigram the model lacks.
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;
// Per script: the languages' codes, in franc's order, and an index from each trigram to the
// languages whose model holds it with its weight (rank; the first listing wins, as in franc).
type ScriptModels = { codes: string[]; index: Map<string, { language: number; weight: number }[]> };
let models: Map<string, ScriptModels> | null = null;

function modelsByScript(): Map<string, ScriptModels> {
  models ??= new Map(
    Object.entries(data).map(([script, languages]) => {
      const index: ScriptModels["index"] = new Map();
      Object.values(languages).forEach((model, language) => {
        const trigrams = model.split("|");
        const weights = new Map<string, number>();
        for (let weight = trigrams.length - 1; weight >= 0; weight--) weights.set(trigrams[weight]!, weight);
        for (const [trigram, weight] of weights) {
          const holders = index.get(trigram);
          if (holders) holders.push({ language, weight });
          else index.set(trigram, [{ language, weight }]);
        }
      });
      return [script, { codes: Object.keys(languages), index }];
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

/** franc's script choice: the highest share of characters, the first script on a tie. */
function topScript(text: string): { script: string | undefined; share: number } {
  let top: { script: string | undefined; share: number } = { script: undefined, share: -1 };
  for (const [script, expression] of Object.entries(expressions)) {
    const share = countMatches(text, expression) / text.length || 0;
    if (share > top.share) top = { script, share };
  }
  return top;
}

/** trigram-utils' trigram counts: punctuation and digits to spaces, spaces collapsed, lower case, padded. */
function trigramCounts(text: string): Map<string, number> {
  const cleaned = ` ${text
    .replace(/[\u0021-\u0040]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase()} `;
  const counts = new Map<string, number>();
  for (let index = 0; index + 3 <= cleaned.length; index++) {
    const trigram = cleaned.slice(index, index + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return counts;
}

/**
 * franc's distance of the text to each language: over the text's trigrams, |count - weight - 1|
 * for one in the language's model, else MAX_DIFFERENCE. Each of the text's trigrams is looked up
 * once in the script's index (not once per language): the same integers, a fraction of the work.
 */
function distances(counts: Map<string, number>, { codes, index }: ScriptModels): Int32Array {
  const totals = new Int32Array(codes.length).fill(MAX_DIFFERENCE * counts.size);
  for (const [trigram, count] of counts) {
    const holders = index.get(trigram);
    if (holders) for (const { language, weight } of holders) totals[language]! += Math.abs(count - weight - 1) - MAX_DIFFERENCE;
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
  const totals = distances(trigramCounts(sample), candidates);
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
