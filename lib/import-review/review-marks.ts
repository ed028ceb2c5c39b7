// Marks for the import review's two columns: where each change stands in the cleaned article (the
// text it put there, or the original text an undone change left in place), and the order in which
// the changes are walked (their place in the original).
import { highlightChanges, type Segment } from "./highlight";

type ReviewChange = { id: string; before: string; after?: string };

// Pieces are joined into one text so the n-th identical change marks the n-th occurrence across
// the whole article; NUL cannot occur in an imported text (lib/import/decode.ts refuses it).
const JOIN = "\u0000";

/** One list of segments per piece (title, lead, each paragraph…), in the pieces' order. */
export function markCleanedPieces(pieces: readonly string[], changes: readonly ReviewChange[], reverted: ReadonlySet<string>): Segment[][] {
  const needles = changes.map((change) => ({ id: change.id, before: reverted.has(change.id) ? change.before : (change.after ?? "") }));
  const out: Segment[][] = [[]];
  for (const segment of highlightChanges(pieces.join(JOIN), needles)) {
    segment.text.split(JOIN).forEach((text, index) => {
      if (index > 0) out.push([]);
      if (text) out[out.length - 1]!.push(segment.changeId ? { text, changeId: segment.changeId } : { text });
    });
  }
  while (out.length < pieces.length) out.push([]);
  return out;
}

/** The changes in the order they appear in the original text; those not found there come last. */
export function inTextOrder<T extends { id: string }>(changes: readonly T[], rawSegments: readonly Segment[]): T[] {
  const position = new Map<string, number>();
  rawSegments.forEach((segment, index) => {
    if (segment.changeId && !position.has(segment.changeId)) position.set(segment.changeId, index);
  });
  const rank = (change: T) => position.get(change.id) ?? Number.MAX_SAFE_INTEGER;
  return changes
    .map((change, index) => ({ change, index }))
    .sort((a, b) => rank(a.change) - rank(b.change) || a.index - b.index)
    .map(({ change }) => change);
}
