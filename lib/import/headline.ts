// Headline by features, not by position: the lines above a story (a section label, a menu, the
// headline, a deck) are told apart by their shape. A short label becomes the suggested section;
// a menu above the headline leaves as page chrome; both are recorded, undoable changes.
import type { ChangeLog } from "./change-log";
import { findTitle } from "./structure";
import { isHeadline, normaliseForComparison } from "./title";

// The masthead is a page's first few lines; a story never opens with more.
const MASTHEAD_DEPTH = 6;
const MAX_LABEL_LENGTH = 30;
const MAX_LABEL_WORDS = 3;
// Lower-case links a title-case headline has ("of", "de") and a menu of topics has not.
const LINK_WORD = /^(?:a|an|the|of|in|on|at|to|for|and|with|by|from|as|de|du|des|la|le|les|et|en|à|au|aux|pour|sur|avec|un|une)$/u;

/** A section label: one to three words, no sentence punctuation ("Nouvel An", "Politics", "ASEAN"). */
export function isLabel(line: string): boolean {
  if (line.length < 2 || line.length > MAX_LABEL_LENGTH || /[.,;:!?]$/u.test(line)) return false;
  const words = line.split(/\s+/u);
  return words.length <= MAX_LABEL_WORDS && /^[\p{Lu}\p{N}]/u.test(line) && /\p{L}/u.test(line);
}

/** Capitalised words only, none a link word, four or more: a menu of topics, not a headline. */
function looksLikeMenu(line: string): boolean {
  const words = line.split(/\s+/u);
  return (
    words.length >= 4 && !/[\p{P}\p{N}]/u.test(line) && words.every((word) => /^\p{Lu}/u.test(word) && !LINK_WORD.test(word.toLowerCase()))
  );
}

export interface Masthead {
  title: string | null;
  /** The label printed above the headline, suggested as the section. */
  section: string | null;
  blocks: string[];
}

/** Reads the headline and the label above it out of the page's first lines. */
export function readMasthead(blocks: readonly string[], altTexts: readonly string[], log: ChangeLog): Masthead {
  // The masthead: the leading run of lines shaped like a headline or a label.
  let runEnd = 0;
  while (runEnd < Math.min(blocks.length - 1, MASTHEAD_DEPTH) && (isHeadline(blocks[runEnd] ?? "") || isLabel(blocks[runEnd] ?? "")))
    runEnd++;
  const run = blocks.slice(0, runEnd);
  const candidates = run.map((line, index) => ({ line, index })).filter(({ line }) => isHeadline(line) && !isLabel(line));
  // The lines below the masthead are compared only when it holds a candidate.
  const later = candidates.length > 0 ? new Set([...altTexts, ...blocks.slice(runEnd)].map(normaliseForComparison)) : null;
  const repeated = candidates.find(({ line }) => later?.has(normaliseForComparison(line)));
  // A menu is never the headline when a real one follows it.
  const plain = candidates.find(({ line }, position) => !(looksLikeMenu(line) && position < candidates.length - 1));
  const chosen = repeated ?? plain;
  if (!chosen) {
    const fallback = findTitle(blocks, altTexts);
    return { ...fallback, section: null };
  }

  const kept: string[] = [];
  let section: string | null = null;
  for (let index = 0; index < chosen.index; index++) {
    const line = run[index] ?? "";
    // The label nearest the headline names its section; anything else above it is the page's.
    const nearestLabel = isLabel(line) && !run.slice(index + 1, chosen.index).some(isLabel);
    if (nearestLabel) {
      if (log.propose("section-label-read", line)) section = line;
      else kept.push(line);
    } else if (!log.propose("page-chrome-removed", line)) kept.push(line);
  }
  return { title: chosen.line, section, blocks: [...kept, ...blocks.slice(chosen.index + 1)] };
}
