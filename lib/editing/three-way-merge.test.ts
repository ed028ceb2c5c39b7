// The three-way merge by block and by field: properties over generated edit sequences (fast-check)
// and the cases the editor relies on (reorders, deletions against edits, documents without ids).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { VersionMetadata } from "./fields";
import { mergeVersions, resolveMerge, type Block, type MergeSide } from "./three-way-merge";

const METADATA: VersionMetadata = {
  title: "Titre",
  slug: "titre",
  standfirst: null,
  datelinePlace: "Paris",
  storyDate: "2026-12-01",
  sourceAgency: null,
  seoDescription: null,
};

const paragraph = (id: string, text: string): Block => ({
  type: "paragraph",
  attrs: { blockId: id, textAlign: null },
  content: [{ type: "text", text }],
});
const side = (blocks: Block[], metadata: Partial<VersionMetadata> = {}): MergeSide => ({
  metadata: { ...METADATA, ...metadata },
  body: { type: "doc", content: blocks },
});
const ids = (doc: MergeSide) => (doc.body.content ?? []).flatMap((block) => (block.attrs ? [block.attrs.blockId as string] : []));
const texts = (doc: MergeSide) => (doc.body.content ?? []).map((block) => block.content?.[0]?.text);

type Edit = { kind: "modify"; text: string } | { kind: "delete" } | { kind: "insertAfter"; text: string };
const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("modify" as const), text: fc.string({ minLength: 1, maxLength: 12 }) }),
  fc.constant({ kind: "delete" as const }),
  fc.record({ kind: fc.constant("insertAfter" as const), text: fc.string({ minLength: 1, maxLength: 12 }) }),
);

/** Applies edits to the base's paragraphs (at most one edit a paragraph); inserted blocks get ids prefixed by `who`. */
function edited(base: Block[], edits: Map<number, Edit>, who: string): Block[] {
  return base.flatMap((block, index) => {
    const edit = edits.get(index);
    const id = block.attrs!.blockId as string;
    if (!edit) return [block];
    if (edit.kind === "delete") return [];
    if (edit.kind === "modify") return [paragraph(id, `${who}:${edit.text}`)];
    return [block, paragraph(`${who}-new-${index}`, `${who}:${edit.text}`)];
  });
}

const baseBlocks = (count: number) => Array.from({ length: count }, (_, index) => paragraph(`b${index}`, `base ${index}`));

/** A base of 1-12 paragraphs and two edit maps on disjoint paragraphs. */
const disjointEdits = fc.integer({ min: 1, max: 12 }).chain((count) =>
  fc
    .tuple(
      fc.array(fc.tuple(fc.boolean(), fc.option(editArbitrary, { nil: undefined })), { minLength: count, maxLength: count }),
      fc.constant(count),
    )
    .map(([choices, size]) => {
      const mine = new Map<number, Edit>();
      const theirs = new Map<number, Edit>();
      choices.forEach(([toMine, edit], index) => {
        if (edit) (toMine ? mine : theirs).set(index, edit);
      });
      return { count: size, mine, theirs };
    }),
);

/** `list` with only the ids `keep` holds, in its own order. */
const only = (list: string[], keep: string[]) => list.filter((id) => keep.includes(id));

describe("three-way merge", () => {
  it("merges any two edit sequences on disjoint paragraphs into a document holding both sides' edits, in both sides' order", () => {
    fc.assert(
      fc.property(disjointEdits, ({ count, mine, theirs }) => {
        const base = baseBlocks(count);
        const [mineDoc, theirDoc] = [side(edited(base, mine, "mine")), side(edited(base, theirs, "theirs"))];
        const result = mergeVersions(side(base), mineDoc, theirDoc);
        expect(result.conflicts).toEqual([]);
        const merged = resolveMerge(result);
        const mergedBlocks = merged.body.content!;
        // Every block each side changed or added is there as that side wrote it; every deleted one is gone.
        for (const [edits, doc] of [
          [mine, mineDoc],
          [theirs, theirDoc],
        ] as const) {
          for (const [index, edit] of edits) {
            if (edit.kind === "delete") expect(ids(merged)).not.toContain(`b${index}`);
          }
          for (const block of doc.body.content!) {
            const id = block.attrs!.blockId as string;
            const index = Number(id.replace(/\D+/g, ""));
            if (id.includes("-new-") || edits.has(index)) expect(mergedBlocks).toContainEqual(block);
          }
          // Each side's order survives.
          expect(only(ids(merged), ids(doc))).toEqual(only(ids(doc), ids(merged)));
        }
        // Untouched paragraphs stay as they were.
        base.forEach((block, index) => {
          if (!mine.has(index) && !theirs.has(index)) expect(mergedBlocks).toContainEqual(block);
        });
      }),
    );
  });

  it("with theirs unchanged returns mine, and with mine unchanged returns theirs", () => {
    fc.assert(
      fc.property(disjointEdits, fc.string({ maxLength: 20 }), ({ count, mine }, title) => {
        const base = side(baseBlocks(count));
        const changed = side(edited(baseBlocks(count), mine, "edit"), { title: title || "t", standfirst: title || null });
        const keptMine = mergeVersions(base, changed, base);
        expect(keptMine.conflicts).toEqual([]);
        expect(resolveMerge(keptMine)).toEqual(
          changed.body.content!.length ? changed : { ...changed, body: { type: "doc", content: [{ type: "paragraph" }] } },
        );
        const tookTheirs = mergeVersions(base, base, changed);
        expect(tookTheirs.conflicts).toEqual([]);
        expect(resolveMerge(tookTheirs)).toEqual(
          changed.body.content!.length ? changed : { ...changed, body: { type: "doc", content: [{ type: "paragraph" }] } },
        );
      }),
    );
  });

  it("reports conflicts only for paragraphs both sides changed, differently", () => {
    const anyEdits = fc.integer({ min: 1, max: 10 }).chain((count) =>
      fc.tuple(
        fc.constant(count),
        fc.array(
          fc.option(fc.constantFrom<Edit>({ kind: "modify", text: "x" }, { kind: "modify", text: "y" }, { kind: "delete" }), {
            nil: undefined,
          }),
          {
            minLength: count,
            maxLength: count,
          },
        ),
        fc.array(
          fc.option(fc.constantFrom<Edit>({ kind: "modify", text: "x" }, { kind: "modify", text: "z" }, { kind: "delete" }), {
            nil: undefined,
          }),
          {
            minLength: count,
            maxLength: count,
          },
        ),
      ),
    );
    fc.assert(
      fc.property(anyEdits, ([count, mineList, theirList]) => {
        const toMap = (list: (Edit | undefined)[]) => new Map(list.flatMap((edit, index) => (edit ? [[index, edit] as const] : [])));
        // Same who-prefix on both sides: the same edit made twice is no conflict.
        const base = baseBlocks(count);
        const [mineDoc, theirDoc] = [side(edited(base, toMap(mineList), "w")), side(edited(base, toMap(theirList), "w"))];
        const result = mergeVersions(side(base), mineDoc, theirDoc);
        const expected = base.flatMap((_, index) => {
          const [m, t] = [mineList[index], theirList[index]];
          return m && t && JSON.stringify(m) !== JSON.stringify(t) ? [`b${index}`] : [];
        });
        expect(result.conflicts.map((conflict) => (conflict.kind === "block" ? conflict.key : conflict.field))).toEqual(expected);
      }),
    );
  });

  it("a field changed on both sides is a conflict; changed on one side takes that side", () => {
    const base = side([paragraph("a", "un")]);
    const result = mergeVersions(
      base,
      side([paragraph("a", "un")], { title: "Mien", datelinePlace: "Kyiv" }),
      side([paragraph("a", "un")], { title: "Leur", standfirst: "Chapô" }),
    );
    expect(result.conflicts).toEqual([{ kind: "field", field: "title", base: "Titre", mine: "Mien", theirs: "Leur" }]);
    const merged = resolveMerge(result, { fields: { title: "Leur" }, blocks: {} });
    expect(merged.metadata).toMatchObject({ title: "Leur", datelinePlace: "Kyiv", standfirst: "Chapô" });
  });

  it("a paragraph edited on one side and deleted on the other is a conflict; its resolution stands in its place", () => {
    const base = [paragraph("a", "un"), paragraph("b", "deux"), paragraph("c", "trois")];
    const result = mergeVersions(side(base), side([base[0]!, paragraph("b", "deux bis"), base[2]!]), side([base[0]!, base[2]!]));
    expect(result.conflicts).toEqual([{ kind: "block", key: "b", base: [base[1]], mine: [paragraph("b", "deux bis")], theirs: [] }]);
    expect(texts(resolveMerge(result))).toEqual(["un", "deux bis", "trois"]);
    expect(texts(resolveMerge(result, { fields: {}, blocks: { b: [] } }))).toEqual(["un", "trois"]);
  });

  it("follows theirs' new order when only they moved paragraphs, and keeps my edit of a moved one", () => {
    const base = [paragraph("a", "un"), paragraph("b", "deux"), paragraph("c", "trois")];
    const result = mergeVersions(side(base), side([base[0]!, base[1]!, paragraph("c", "trois bis")]), side([base[2]!, base[0]!, base[1]!]));
    expect(result.conflicts).toEqual([]);
    expect(texts(resolveMerge(result))).toEqual(["trois bis", "un", "deux"]);
  });

  it("documents without block ids merge the body as one value", () => {
    const plain = (text: string): Block => ({ type: "paragraph", content: [{ type: "text", text }] });
    const base = side([plain("un")]);
    expect(resolveMerge(mergeVersions(base, base, side([plain("deux")]))).body.content).toEqual([plain("deux")]);
    const both = mergeVersions(base, side([plain("mien")]), side([plain("leur")]));
    expect(both.conflicts).toEqual([{ kind: "block", key: "body", base: [plain("un")], mine: [plain("mien")], theirs: [plain("leur")] }]);
  });
});
