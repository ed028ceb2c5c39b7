// Link lines: a page's pointers to other stories, anywhere in the body (">> headline",
// "Read more: headline", "Xem thêm: headline"): one line, a marker, then a headline, never a sentence.
import type { ChangeLog } from "./change-log";

// Arrows pointing at a link, or the words that announce one, in the desk's languages.
const LINK_MARKER =
  /^(?:(?:>>|»|►|▶|→|⇒)\s*|(?:à lire aussi|lire aussi|voir aussi|lire la suite|read more|read also|see also|related|xem thêm|đọc thêm|tin liên quan)\s*[:»>–—-]\s*)(\S.*)$/iu;
const MAX_LINK_TEXT = 200;
// A full sentence inside ("… pays. Le ministre …") means a paragraph that opens with a quote mark.
const TWO_SENTENCES = /[.!?]\s+\p{Lu}/u;

/** The headline a link line points at, or null when the line is not a link line. */
export function linkedHeadline(line: string): string | null {
  const match = LINK_MARKER.exec(line);
  const text = match?.[1]?.trim() ?? "";
  if (text === "" || text.length > MAX_LINK_TEXT || TWO_SENTENCES.test(text)) return null;
  return text;
}

export interface LinkResult {
  blocks: string[];
  removed: number;
}

/** Drops every link line, each as its own recorded change (undoing one restores that line). */
export function removeLinkLines(blocks: readonly string[], log: ChangeLog): LinkResult {
  const kept: string[] = [];
  let removed = 0;
  for (const block of blocks) {
    if (linkedHeadline(block) !== null && log.propose("link-removed", block)) removed++;
    else kept.push(block);
  }
  return { blocks: kept, removed };
}
