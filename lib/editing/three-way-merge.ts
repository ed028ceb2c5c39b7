// Three-way merge of a language version after a refused (stale) save: base = what this editor
// loaded or last saved, mine = what it holds now, theirs = the newer stored version. Pure (no
// database, no React): the editor runs it in the browser, the tests run it directly.
import type { JSONContent } from "@tiptap/core";
import { canonicalJson, METADATA_FIELDS, type MetadataField, type VersionMetadata } from "./fields";

export type Block = JSONContent;
export type MergeSide = { metadata: VersionMetadata; body: JSONContent };

/** A field both sides changed, differently. */
export type FieldConflict = { kind: "field"; field: MetadataField; base: string | null; mine: string | null; theirs: string | null };
/**
 * A body block both sides changed differently (or one changed and the other deleted: an empty
 * list). `key` is the block id; several blocks only when the documents carry no ids to go by.
 */
export type BlockConflict = { kind: "block"; key: string; base: Block[]; mine: Block[]; theirs: Block[] };
export type MergeConflict = FieldConflict | BlockConflict;

/** The merged body in order: settled blocks, and the places where a conflict must be resolved. */
type Slot = { block: Block } | { conflict: BlockConflict };

export type MergeResult = { metadata: VersionMetadata; slots: Slot[]; conflicts: MergeConflict[] };

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

function blocksOf(doc: JSONContent): Block[] {
  return doc.content ?? [];
}

function blockId(block: Block): string | null {
  const id: unknown = block.attrs?.blockId;
  return typeof id === "string" && id !== "" ? id : null;
}

/** Every block carries an id, none twice: the condition for merging block by block. */
function keyed(blocks: Block[]): Map<string, Block> | null {
  const byId = new Map<string, Block>();
  for (const block of blocks) {
    const id = blockId(block);
    if (id === null || byId.has(id)) return null;
    byId.set(id, block);
  }
  return byId;
}

function mergeField(field: MetadataField, base: string | null, mine: string | null, theirs: string | null) {
  if (same(mine, theirs) || same(base, theirs)) return { value: mine };
  if (same(base, mine)) return { value: theirs };
  return { value: mine, conflict: { kind: "field", field, base, mine, theirs } satisfies FieldConflict };
}

/**
 * Ids in the order of `skeleton`, with the surviving ids only `other` holds placed after their
 * nearest predecessor in the base (a block the skeleton deleted but the other side changed) or
 * else in `other` (a block the other side inserted): each side's insertions keep their place.
 */
function order(skeleton: string[], other: string[], base: string[], survives: (id: string) => boolean): string[] {
  const result = skeleton.filter(survives);
  const after = (list: string[], id: string): number | null => {
    for (let index = list.indexOf(id) - 1; index >= 0; index--) {
      const found = result.indexOf(list[index]!);
      if (found >= 0) return found + 1;
    }
    return null;
  };
  for (const id of other) {
    if (result.includes(id) || !survives(id)) continue;
    result.splice(after(base, id) ?? after(other, id) ?? 0, 0, id);
  }
  return result;
}

function mergeBody(base: Block[], mine: Block[], theirs: Block[]): Slot[] {
  const [baseById, mineById, theirsById] = [keyed(base), keyed(mine), keyed(theirs)];
  if (!baseById || !mineById || !theirsById) {
    // No ids to go by (an old document): the body merges as one value.
    if (same(mine, theirs) || same(base, theirs)) return mine.map((block) => ({ block }));
    if (same(base, mine)) return theirs.map((block) => ({ block }));
    return [{ conflict: { kind: "block", key: "body", base, mine, theirs } }];
  }

  const settled = new Map<string, Slot | null>();
  for (const id of new Set([...baseById.keys(), ...mineById.keys(), ...theirsById.keys()])) {
    const [b, m, t] = [baseById.get(id), mineById.get(id), theirsById.get(id)];
    const mineChanged = !same(b, m);
    const theirsChanged = !same(b, t);
    if (!mineChanged || same(m, t)) settled.set(id, t ? { block: t } : null);
    else if (!theirsChanged) settled.set(id, m ? { block: m } : null);
    else settled.set(id, { conflict: { kind: "block", key: id, base: b ? [b] : [], mine: m ? [m] : [], theirs: t ? [t] : [] } });
  }

  const ids = (blocks: Block[]) => blocks.map((block) => blockId(block)!);
  const [baseIds, mineIds, theirIds] = [ids(base), ids(mine), ids(theirs)];
  const survives = (id: string) => settled.get(id) != null;
  // The side that reordered the blocks both kept gives the order; mine when both or neither did.
  const kept = (list: string[]) => list.filter((id) => mineById.has(id) && theirsById.has(id) && baseById.has(id));
  const theirsReordered = !same(kept(theirIds), kept(baseIds)) && same(kept(mineIds), kept(baseIds));
  const ordered = theirsReordered ? order(theirIds, mineIds, baseIds, survives) : order(mineIds, theirIds, baseIds, survives);
  return ordered.map((id) => settled.get(id)!);
}

export function mergeVersions(base: MergeSide, mine: MergeSide, theirs: MergeSide): MergeResult {
  const conflicts: MergeConflict[] = [];
  const metadata = { ...mine.metadata };
  for (const field of METADATA_FIELDS) {
    const merged = mergeField(field, base.metadata[field], mine.metadata[field], theirs.metadata[field]);
    (metadata as Record<MetadataField, string | null>)[field] = merged.value;
    if (merged.conflict) conflicts.push(merged.conflict);
  }
  const slots = mergeBody(blocksOf(base.body), blocksOf(mine.body), blocksOf(theirs.body));
  for (const slot of slots) if ("conflict" in slot) conflicts.push(slot.conflict);
  return { metadata, slots, conflicts };
}

/** How each conflict was settled: a field's value, or the blocks that stand for a conflicting block. */
export type Resolutions = { fields: Partial<Record<MetadataField, string | null>>; blocks: Record<string, Block[]> };

/** The merged version with every conflict settled; an unresolved conflict keeps mine (nothing typed is dropped). */
export function resolveMerge(result: MergeResult, resolutions: Resolutions = { fields: {}, blocks: {} }): MergeSide {
  const metadata = { ...result.metadata };
  for (const conflict of result.conflicts) {
    if (conflict.kind !== "field") continue;
    const chosen = resolutions.fields[conflict.field];
    (metadata as Record<MetadataField, string | null>)[conflict.field] = chosen === undefined ? conflict.mine : chosen;
  }
  const content = result.slots.flatMap((slot) =>
    "block" in slot ? [slot.block] : (resolutions.blocks[slot.conflict.key] ?? slot.conflict.mine),
  );
  // A document holds at least one block: everything deleted leaves one empty paragraph.
  return { metadata, body: { type: "doc", content: content.length ? content : [{ type: "paragraph" }] } };
}
