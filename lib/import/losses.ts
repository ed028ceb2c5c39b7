// Nothing real lost: which of the pipeline's removals could take part of the story with them (more
// than a third of the text, a dateline, a quotation, a number with a unit). The review screen flags
// them and accepting needs the editor's tick on each (lib/import-review/service.ts checks it again).
import { matchDateline } from "./dateline";
import type { Change, ChangeKind } from "./types";

export type LossReason = "large" | "dateline" | "quotation" | "quantity";
export type Loss = { changeId: string; reason: LossReason };

// A quotation: words between quote marks, long enough to be someone's words and not a title in quotes.
const QUOTATION = /[«“„"]\s*[^«»“”„"]{20,}[»”"]/u;
// A number with its unit: money, percentages, measures, quantities written out ("50 milliards de dollars").
const QUANTITY =
  /(?<![\p{L}\d])\d[\d\s.,]*\s?(?:%|‰|(?:milliards?|millions?|billions?|millions?|tỷ|triệu)\s+(?:de\s+|d['’])?\p{L}+|(?:km|m|cm|mm|ha|km²|m²|kg|g|t|tonnes?|tons?|tấn|MW|GW|kWh|°C|USD|VND|EUR|€|\$|dollars?|euros?|đồng|yuans?|yens?|wons?|barils?|barrels?)(?![\p{L}]))/iu;
const UNIT_FIRST = /(?:US\$|\$|€|USD|VND|EUR)\s?\d/u;

// Text moved to a field of its own (a caption, the section, the dateline, the date): kept, not lost.
const MOVED: ReadonlySet<string> = new Set<ChangeKind>([
  "caption-extracted",
  "caption-guessed",
  "section-label-read",
  "dateline-removed",
  "date-line-removed",
]);
// Text printed twice and kept once: only its size can hide a mistake (half the story taken for a repeat).
const REPEATS: ReadonlySet<string> = new Set<ChangeKind>(["title-repeat-removed", "duplicate-block-removed", "repeat-removed"]);

/** Why removing this text could lose part of the story, or null when it cannot. Any other kind of removal is checked in full. */
export function lossReason(change: Pick<Change, "kind" | "before" | "after">, textLength: number): LossReason | null {
  if (change.after !== undefined || MOVED.has(change.kind)) return null;
  const text = change.before;
  if (textLength > 0 && text.length * 3 > textLength) return "large";
  if (REPEATS.has(change.kind)) return null;
  return storyMark(text);
}

/** What marks a text as part of the story (a dateline, a quotation, a number with a unit), or null. */
export function storyMark(text: string): Exclude<LossReason, "large"> | null {
  if (matchDateline(text)) return "dateline";
  if (QUOTATION.test(text)) return "quotation";
  if (QUANTITY.test(text) || UNIT_FIRST.test(text)) return "quantity";
  return null;
}

/**
 * The applied removals that need the editor's tick. `keptText` is what the article keeps (title,
 * lead, paragraphs, captions): the whole text is taken as that plus everything removed.
 */
export function findLosses(changes: readonly Change[], keptText: string): Loss[] {
  const removed = changes.reduce((sum, change) => sum + (change.after === undefined ? change.before.length : 0), 0);
  const textLength = keptText.length + removed;
  return changes.flatMap((change) => {
    const reason = lossReason(change, textLength);
    return reason ? [{ changeId: change.id, reason }] : [];
  });
}
