// Where a comment's passage is now: its quote re-found in its block after edits (nearest to where it
// was), then anywhere in the text; gone, the comment is orphaned. Pure: both editors and tests use it.

/** What a comment stores about its passage: the block's id, offsets in the block's text, the quote. */
export type CommentAnchor = { blockId: string | null; from: number | null; to: number | null; quote: string | null };

/** A top-level block of a body as the editors see it: its stable id and its text. */
export type AnchorBlock = { blockId: string; text: string };

/** The passage found: its block and offsets in that block's text now. */
export type LocatedPassage = { blockId: string; from: number; to: number };

/** The occurrence of `quote` in `text` that starts nearest to `hint`, or -1. */
function nearestOccurrence(text: string, quote: string, hint: number): number {
  let best = -1;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (best < 0 || Math.abs(at - hint) < Math.abs(best - hint)) best = at;
    if (at > hint) break; // later occurrences are only farther away
  }
  return best;
}

/**
 * Re-finds a passage: where it was, when the text there is still the quote; else the quote's
 * occurrence in its own block nearest to where it was; else its first occurrence in another block.
 * Null for a comment on the whole article (no quote) and for an orphan (the quote is gone).
 */
export function locatePassage(blocks: readonly AnchorBlock[], anchor: CommentAnchor): LocatedPassage | null {
  const quote = anchor.quote;
  if (!quote) return null;
  const home = anchor.blockId ? blocks.find((block) => block.blockId === anchor.blockId) : undefined;
  if (home) {
    const hint = anchor.from ?? 0;
    const at = home.text.startsWith(quote, hint) ? hint : nearestOccurrence(home.text, quote, hint);
    if (at >= 0) return { blockId: home.blockId, from: at, to: at + quote.length };
  }
  for (const block of blocks) {
    if (block === home) continue;
    const at = block.text.indexOf(quote);
    if (at >= 0) return { blockId: block.blockId, from: at, to: at + quote.length };
  }
  return null;
}
