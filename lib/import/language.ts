// Language identification of the article body (French, English, Vietnamese, else 'und')
// with franc-min's trigram models: franc-min's own answer, computed with a third of the work
// (franc was a third of the pipeline's time).
import { data } from "franc-min/data.js";
import { expressions } from "franc-min/expressions.js";
import type { Language } from "./types";

const ISO_639_3: Readonly<Record<string, Language>> = { fra: "fr", eng: "en", vie: "vi" };

// Below this many letters trigram statistics are noise; a headline alone is not enough.
const MIN_LETTERS = 40;

// franc-min's constants: the sample it reads, and the cost of a trigram the model lacks.
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;
type Model = { code: string; trigrams: [string, number][] };
let models: Map<string, Model[]> | null = null;

/** franc-min's data, per script: each language's trigrams with their weight (rank; the first listing wins, as in franc). */
function modelsByScript(): Map<string, Model[]> {
  models ??= new Map(
    Object.entries(data).map(([script, languages]) => [
      script,
      Object.entries(languages).map(([code, model]) => {
        const trigrams = model.split("|");
        const weights = new Map<string, number>();
        for (let weight = trigrams.length - 1; weight >= 0; weight--) weights.set(trigrams[weight]!, weight);
        return { code, trigrams: [...weights] };
      }),
    ]),
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
 * franc's distance: over the text's trigrams, |count - weight - 1| for one in the model, else
 * MAX_DIFFERENCE. Summed over the model's ~300 trigrams instead of the text's ~1,000 (same integer).
 */
function distance(counts: Map<string, number>, model: Model): number {
  let total = MAX_DIFFERENCE * counts.size;
  for (const [trigram, weight] of model.trigrams) {
    const count = counts.get(trigram);
    if (count !== undefined) total += Math.abs(count - weight - 1) - MAX_DIFFERENCE;
  }
  return total;
}

/** The ISO 639-3 code franc-min's `franc(text, { minLength })` answers ('und' when it cannot tell). */
export function francTop(text: string, minLength: number): string {
  if (!text || text.length < minLength) return "und";
  const sample = text.slice(0, MAX_LENGTH);
  const { script, share } = topScript(sample);
  const candidates = script === undefined ? undefined : modelsByScript().get(script);
  if (!candidates) return script === undefined || share === 0 ? "und" : script;
  const counts = trigramCounts(sample);
  // franc sorts the distances (a stable sort) and takes the first: the earliest language on a tie.
  let best = { code: "und", distance: Infinity };
  for (const model of candidates) {
    const score = distance(counts, model);
    if (score < best.distance) best = { code: model.code, distance: score };
  }
  return best.code;
}

export function detectLanguage(text: string): Language {
  if (!hasLetters(text, MIN_LETTERS)) return "und";
  return ISO_639_3[francTop(text, MIN_LETTERS)] ?? "und";
}
