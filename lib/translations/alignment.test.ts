// Unit tests of paragraph alignment, fingerprints and staleness (pure, no database).
import { describe, expect, it } from "vitest";
import { parseDocument } from "@/lib/rich-text/document";
import { buildTargetDocument, skeletonDocument, alignByPosition } from "./alignment";
import { blockFingerprint, hashText } from "./fingerprints";
import { inlineFromText, type Inline } from "./inline";
import { alignVersions, isOutdated } from "./staleness";

const paragraph = (blockId: string, text: string) => ({ type: "paragraph", attrs: { blockId }, content: [{ type: "text", text }] });
const source = (...blocks: object[]) => ({ type: "doc", content: blocks });
const noEdits = () => ({ contents: new Map<string, Inline>(), confirmed: new Set<string>(), keepOrphans: new Set<string>() });
/** Plain-text edits, as a translator typing without formatting sends them. */
const texts = (entries: [string, string][]) => new Map(entries.map(([id, text]) => [id, inlineFromText(text)]));

describe("fingerprints", () => {
  it("are sha256 of the normalised text: whitespace runs and NFC do not count, case and accents do", () => {
    expect(hashText("Le  ministre\u00a0a reçu ")).toBe(hashText("Le ministre a reçu"));
    expect(hashText("Hanoi")).not.toBe(hashText("Hanoï"));
    expect(hashText("cafe\u0301")).toBe(hashText("café"));
    expect(hashText("a")).toMatch(/^[0-9a-f]{64}$/);
    expect(blockFingerprint(paragraph("b1", "Texte"))).toBe(hashText("Texte"));
    expect(blockFingerprint({ type: "figure", attrs: { caption: "Légende", credit: "VNA" } })).toBe(hashText("Légende"));
  });
});

describe("alignment and staleness", () => {
  const original = source(paragraph("s1", "Premier paragraphe."), paragraph("s2", "Deuxième paragraphe."), {
    type: "paragraph",
    attrs: { blockId: "blank" },
  });

  it("a skeleton has one empty, aligned block per non-empty source block and is a valid document", () => {
    const skeleton = skeletonDocument(original);
    expect(skeleton.content?.map((block) => block.attrs?.sourceBlockId)).toEqual(["s1", "s2"]);
    expect(parseDocument(skeleton).ok).toBe(true);
    expect(alignVersions(original, skeleton).rows.map((row) => row.state)).toEqual(["untranslated", "untranslated"]);
    expect(isOutdated(alignVersions(original, skeleton))).toBe(false);
  });

  it("marks exactly the translated block whose source changed as stale, with a word diff", () => {
    const translated = buildTargetDocument(original, skeletonDocument(original), {
      ...noEdits(),
      contents: texts([
        ["s1", "First paragraph."],
        ["s2", "Second paragraph."],
      ]),
    });
    expect(alignVersions(original, translated).rows.map((row) => row.state)).toEqual(["current", "current"]);
    const changed = source(paragraph("s1", "Premier paragraphe."), paragraph("s2", "Deuxième paragraphe modifié."));
    const { rows, orphans } = alignVersions(changed, translated);
    expect(rows.map((row) => row.state)).toEqual(["current", "stale"]);
    expect(rows[1]!.diff?.filter((part) => part.change === "added").map((part) => part.value.trim())).toContain("modifié");
    expect(orphans).toEqual([]);
    expect(isOutdated({ rows, orphans })).toBe(true);

    // "Still correct" records the new source fingerprint without changing the text.
    const confirmed = buildTargetDocument(changed, translated, { ...noEdits(), confirmed: new Set(["s2"]) });
    expect(alignVersions(changed, confirmed).rows.map((row) => row.state)).toEqual(["current", "current"]);
    expect(confirmed.content?.[1]?.attrs?.sourceText).toBe("Deuxième paragraphe modifié.");
  });

  it("a deleted source block leaves an orphan; a new source block is 'new'; both make the version outdated", () => {
    const translated = buildTargetDocument(original, null, {
      ...noEdits(),
      contents: texts([
        ["s1", "First."],
        ["s2", "Second."],
      ]),
    });
    const changed = source(paragraph("s1", "Premier paragraphe."), paragraph("s3", "Un ajout."));
    const { rows, orphans } = alignVersions(changed, translated);
    expect(rows.map((row) => [row.sourceBlockId, row.state])).toEqual([
      ["s1", "current"],
      ["s3", "new"],
    ]);
    expect(orphans.map((orphan) => orphan.text)).toEqual(["Second."]);
    const cleaned = buildTargetDocument(changed, translated, { ...noEdits(), contents: texts([["s3", "An addition."]]) });
    expect(isOutdated(alignVersions(changed, cleaned))).toBe(false);
    const kept = buildTargetDocument(changed, translated, { ...noEdits(), keepOrphans: new Set(orphans.map((orphan) => orphan.blockId)) });
    expect(alignVersions(changed, kept).orphans).toHaveLength(1);
  });

  it("never takes alignment attributes from the edits: an untouched stale block stays stale", () => {
    const translated = buildTargetDocument(original, null, {
      ...noEdits(),
      contents: texts([
        ["s1", "First."],
        ["s2", "Second."],
      ]),
    });
    const changed = source(paragraph("s1", "Premier paragraphe changé."), paragraph("s2", "Deuxième paragraphe."));
    const resaved = buildTargetDocument(changed, translated, { ...noEdits(), contents: texts([["s1", "First."]]) });
    expect(alignVersions(changed, resaved).rows[0]!.state).toBe("stale");
  });

  it("keeps block types: headings, lists (one item a line), figures (caption, source credit)", () => {
    const rich = source(
      { type: "heading", attrs: { level: 3, blockId: "h" }, content: [{ type: "text", text: "Titre" }] },
      {
        type: "bulletList",
        attrs: { blockId: "l" },
        content: [
          { type: "listItem", content: [paragraph("x", "un")] },
          { type: "listItem", content: [paragraph("y", "deux")] },
        ],
      },
      { type: "figure", attrs: { blockId: "f", caption: "Le ministre.", credit: "VNA" } },
    );
    const doc = buildTargetDocument(rich, null, {
      ...noEdits(),
      contents: texts([
        ["h", "Heading"],
        ["l", "one\ntwo"],
        ["f", "The minister."],
      ]),
    });
    const parsed = parseDocument(doc);
    expect(parsed.ok).toBe(true);
    expect(doc.content?.map((block) => block.type)).toEqual(["heading", "bulletList", "figure"]);
    expect(doc.content?.[0]?.attrs?.level).toBe(3);
    expect(doc.content?.[1]?.content).toHaveLength(2);
    expect(doc.content?.[2]?.attrs).toMatchObject({ caption: "The minister.", credit: "VNA" });
    expect(alignVersions(rich, doc).rows.every((row) => row.state === "current")).toBe(true);
  });

  it("aligns two originals by position when pairing", () => {
    const english = source(paragraph("e1", "First."), paragraph("e2", "Second."));
    const aligned = alignByPosition(original, english);
    expect(aligned.content?.map((block) => block.attrs?.sourceBlockId)).toEqual(["s1", "s2"]);
    expect(alignVersions(original, aligned).rows.map((row) => row.state)).toEqual(["current", "current"]);
  });
});
