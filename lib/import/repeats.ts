// Repeats a page prints twice: the same caption under two photos or twice in a row, a standfirst
// that is also the first paragraph. Each is kept once; dropping the copy is a recorded change.
import type { ChangeLog } from "./change-log";
import type { Caption } from "./types";
import { normaliseForComparison } from "./title";

/** Captions in order, each text once: a later identical caption is a recorded repeat. */
export function keepCaptionsOnce(captions: readonly Caption[], log: ChangeLog): Caption[] {
  const seen = new Set<string>();
  const kept: Caption[] = [];
  for (const caption of captions) {
    const key = normaliseForComparison(caption.text);
    if (key !== "" && seen.has(key) && log.propose("repeat-removed", caption.text)) continue;
    seen.add(key);
    kept.push(caption);
  }
  return kept;
}

/** Paragraphs without those repeating the standfirst (the lead stays where the page put it). */
export function removeLeadRepeats(lead: string | null, paragraphs: readonly string[], log: ChangeLog): string[] {
  if (lead === null) return [...paragraphs];
  const leadKey = normaliseForComparison(lead);
  return paragraphs.filter((paragraph) => normaliseForComparison(paragraph) !== leadKey || !log.propose("repeat-removed", paragraph));
}
