// Staleness at paragraph level: for each source block, whether its translation is current,
// stale (the source changed since: with a word diff of the change), untranslated (empty), or new
// (added to the source after the translation was made); and orphans (translations of deleted
// source blocks). Pure; the queue computes the same verdict in SQL (see fingerprints.ts).
import { diffWords } from "diff";
import { sourceBlocks, targetBlocks, targetsBySource } from "./alignment";
import { blockInline, type Inline } from "./inline";
import { fingerprintText } from "./text";

export type BlockState = "current" | "stale" | "untranslated" | "new";
export type DiffPart = { value: string; change: "added" | "removed" | "same" };

export type AlignedRow = {
  sourceBlockId: string;
  sourceType: string;
  sourceText: string;
  targetText: string;
  /** Both sides with their marks, as the editor shows and edits them. */
  sourceInline: Inline;
  targetInline: Inline;
  state: BlockState;
  /** For a stale block: what changed in the source since it was translated. */
  diff: DiffPart[] | null;
};

export type OrphanBlock = { blockId: string; text: string; wasAligned: boolean };

export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((part) => ({ value: part.value, change: part.added ? "added" : part.removed ? "removed" : "same" }));
}

export function alignVersions(sourceDoc: unknown, targetDoc: unknown): { rows: AlignedRow[]; orphans: OrphanBlock[] } {
  const sources = sourceBlocks(sourceDoc);
  const targets = targetBlocks(targetDoc);
  const bySource = targetsBySource(targets);
  const rows = sources.map((source): AlignedRow => {
    const target = bySource.get(source.blockId);
    const base = {
      sourceBlockId: source.blockId,
      sourceType: source.type,
      sourceText: source.text,
      targetText: target?.text ?? "",
      sourceInline: blockInline(source.node),
      targetInline: target?.inline ?? [],
      diff: null,
    };
    if (!target) return { ...base, state: "new" };
    if (fingerprintText(target.text) === "") return { ...base, state: "untranslated" };
    if (target.sourceHash === source.hash) return { ...base, state: "current" };
    return { ...base, state: "stale", diff: wordDiff(target.sourceText ?? "", source.text) };
  });
  const current = new Set(sources.map((source) => source.blockId));
  const aligned = new Set(bySource.values());
  const orphans = targets
    .filter((target) => target.blockId && target.text.trim() !== "" && (!aligned.has(target) || !current.has(target.sourceBlockId ?? "")))
    .map((target) => ({ blockId: target.blockId!, text: target.text, wasAligned: target.sourceBlockId !== null }));
  return { rows, orphans };
}

/** Outdated: the source changed after translation (a stale block, a new source block, or a
 *  translated block whose source block was deleted). Untranslated blocks are work in progress. */
export function isOutdated(alignment: { rows: AlignedRow[]; orphans: OrphanBlock[] }): boolean {
  return (
    alignment.rows.some((row) => row.state === "stale" || row.state === "new") || alignment.orphans.some((orphan) => orphan.wasAligned)
  );
}
