// Paragraph-by-paragraph alignment of a translation with its source: the source's blocks in
// order, the target block that translates each (`attrs.sourceBlockId`), and how a translator's
// edits (inline content with its marks, see inline.ts) become the target's body again. Pure.
import type { JSONContent } from "@tiptap/core";
import { newBlockId } from "@/lib/rich-text/block-ids";
import type { RichTextDocument } from "@/lib/rich-text/document";
import { blockFingerprint, blockRawText } from "./fingerprints";
import { blockInline, inlineLines, inlineText, normalizeInline, sameInline, type Inline } from "./inline";
import { fingerprintText } from "./text";

export type SourceBlock = { blockId: string; type: string; text: string; hash: string; node: JSONContent };

const LIST_TYPES = new Set(["bulletList", "orderedList"]);

/** What a person reads and types for a block: list items and quoted paragraphs one a line. */
export function blockDisplayText(block: JSONContent): string {
  if (block.type === "figure") return blockRawText(block);
  if (LIST_TYPES.has(block.type ?? "") || block.type === "blockquote") return (block.content ?? []).map(blockDisplayText).join("\n");
  let text = "";
  const walk = (node: JSONContent) => {
    if (node.type === "text" && typeof node.text === "string") text += node.text;
    else if (node.type === "hardBreak") text += "\n";
    for (const child of node.content ?? []) walk(child);
  };
  walk(block);
  return text;
}

function topBlocks(doc: unknown): JSONContent[] {
  const content = (doc as JSONContent | null)?.content;
  return Array.isArray(content) ? content : [];
}

function attr(block: JSONContent, name: string): string | null {
  const value = block.attrs?.[name];
  return typeof value === "string" && value !== "" ? value : null;
}

/** The source blocks that need translating: those with an id and some text. */
export function sourceBlocks(sourceDoc: unknown): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  for (const node of topBlocks(sourceDoc)) {
    const blockId = attr(node, "blockId");
    if (!blockId || fingerprintText(blockRawText(node)) === "") continue;
    blocks.push({ blockId, type: node.type ?? "paragraph", text: blockDisplayText(node), hash: blockFingerprint(node), node });
  }
  return blocks;
}

export type TargetBlock = {
  blockId: string | null;
  sourceBlockId: string | null;
  sourceHash: string | null;
  sourceText: string | null;
  text: string;
  /** The block as the translator edits it, marks included. */
  inline: Inline;
  node: JSONContent;
};

export function targetBlocks(targetDoc: unknown): TargetBlock[] {
  return topBlocks(targetDoc).map((node) => ({
    blockId: attr(node, "blockId"),
    sourceBlockId: attr(node, "sourceBlockId"),
    sourceHash: attr(node, "sourceHash"),
    sourceText: typeof node.attrs?.sourceText === "string" ? node.attrs.sourceText : null,
    text: blockDisplayText(node),
    inline: blockInline(node),
    node,
  }));
}

/** The first target block translating each source block id. */
export function targetsBySource(targets: TargetBlock[]): Map<string, TargetBlock> {
  const map = new Map<string, TargetBlock>();
  for (const target of targets) if (target.sourceBlockId && !map.has(target.sourceBlockId)) map.set(target.sourceBlockId, target);
  return map;
}

type Alignment = { sourceBlockId: string | null; sourceHash: string | null; sourceText: string | null };

/** A block of the source's type holding the translator's inline content (marks kept). */
export function blockFromInline(source: JSONContent, inline: Inline, blockId: string, alignment: Alignment): JSONContent {
  const attrs = { blockId, ...alignment };
  const content = (value: Inline) => (value.length ? { content: value } : {});
  const paragraph = (value: Inline): JSONContent => ({ type: "paragraph", ...content(value) });
  const lines = inlineLines(inline).filter((line) => inlineText(line).trim() !== "");
  switch (source.type) {
    case "figure":
      return {
        type: "figure",
        attrs: { caption: inlineText(inline).replace(/\s*\n\s*/g, " "), credit: source.attrs?.credit ?? null, ...attrs },
      };
    case "heading": {
      // A heading holds one line: a break becomes a space.
      const flat = inline.map((node) => (node.type === "hardBreak" ? { type: "text" as const, text: " " } : node));
      return { type: "heading", attrs: { level: source.attrs?.level ?? 2, ...attrs }, ...content(flat) };
    }
    case "blockquote":
      return { type: "blockquote", attrs, content: (lines.length ? lines : [[]]).map(paragraph) };
    case "bulletList":
    case "orderedList":
      return {
        type: source.type,
        attrs: { ...(source.type === "orderedList" ? { start: source.attrs?.start ?? 1 } : {}), ...attrs },
        content: (lines.length ? lines : [[]]).map((line) => ({ type: "listItem", content: [paragraph(line)] })),
      };
    default:
      return { type: "paragraph", attrs, ...content(inline) };
  }
}

export type TargetEdits = {
  /** Content written for a source block (absent: keep what is stored). */
  contents: Map<string, Inline>;
  /** Source blocks whose translation the translator declared still correct. */
  confirmed: Set<string>;
  /** Target blocks without a current source block that the translator keeps (by their blockId). */
  keepOrphans: Set<string>;
};

/**
 * The target body after an edit, in source order. A block whose text changed, or that was
 * confirmed, records the source block's current fingerprint and text; an untouched block keeps
 * what it recorded, so a later change of the source still shows. The alignment attributes are
 * always computed here, never taken from the browser.
 */
export function buildTargetDocument(sourceDoc: unknown, storedTarget: unknown, edits: TargetEdits): RichTextDocument {
  const sources = sourceBlocks(sourceDoc);
  const stored = targetBlocks(storedTarget);
  const bySource = targetsBySource(stored);
  const content: JSONContent[] = [];
  for (const source of sources) {
    const existing = bySource.get(source.blockId);
    const inline = normalizeInline(edits.contents.get(source.blockId) ?? existing?.inline ?? []);
    const blockId = existing?.blockId ?? newBlockId();
    const empty = fingerprintText(inlineText(inline)) === "";
    const unchanged = existing !== undefined && sameInline(existing.inline, inline) && !edits.confirmed.has(source.blockId);
    const alignment: Alignment = empty
      ? { sourceBlockId: source.blockId, sourceHash: null, sourceText: null }
      : unchanged
        ? { sourceBlockId: source.blockId, sourceHash: existing.sourceHash, sourceText: existing.sourceText }
        : { sourceBlockId: source.blockId, sourceHash: source.hash, sourceText: source.text };
    content.push(blockFromInline(source.node, inline, blockId, alignment));
  }
  const current = new Set(sources.map((source) => source.blockId));
  const aligned = new Set(bySource.values());
  for (const target of stored) {
    const orphan = !aligned.has(target) || !current.has(target.sourceBlockId ?? "");
    if (orphan && target.blockId && edits.keepOrphans.has(target.blockId) && target.text.trim() !== "") content.push(target.node);
  }
  return { type: "doc", content: content.length ? content : [{ type: "paragraph", attrs: { blockId: newBlockId() } }] };
}

/** The body of a new translation: one empty block per source block, each aligned to it. */
export function skeletonDocument(sourceDoc: unknown): RichTextDocument {
  return buildTargetDocument(sourceDoc, null, { contents: new Map(), confirmed: new Set(), keepOrphans: new Set() });
}

/**
 * Aligns two originals that arrived separately (pairing): block n of the target translates block
 * n of the source when both have the same number of blocks, otherwise as far as both go.
 */
export function alignByPosition(sourceDoc: unknown, targetDoc: unknown): RichTextDocument {
  const sources = sourceBlocks(sourceDoc);
  const content = topBlocks(targetDoc).filter((node) => fingerprintText(blockRawText(node)) !== "");
  const aligned = content.map((node, index) => {
    const source = sources[index];
    const alignment: Alignment = source
      ? { sourceBlockId: source.blockId, sourceHash: source.hash, sourceText: source.text }
      : { sourceBlockId: null, sourceHash: null, sourceText: null };
    return { ...node, attrs: { ...node.attrs, blockId: attr(node, "blockId") ?? newBlockId(), ...alignment } };
  });
  return { type: "doc", content: aligned.length ? aligned : [{ type: "paragraph", attrs: { blockId: newBlockId() } }] };
}
