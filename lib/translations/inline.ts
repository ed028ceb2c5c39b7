// The inline content a translator writes for one source block: text runs carrying the article
// schema's bold, italic and link marks, and hard breaks (a list's or quote's lines). Pure: the
// editor, the save, the alignment and the XLIFF codes all speak this one shape.
import type { JSONContent } from "@tiptap/core";

export type InlineMark = { type: "bold" } | { type: "italic" } | { type: "link"; attrs: { href: string } };
export type InlineNode = { type: "text"; text: string; marks?: InlineMark[] } | { type: "hardBreak" };
export type Inline = InlineNode[];

const MARK_ORDER = ["link", "bold", "italic"] as const;

function normalizeMarks(marks: JSONContent["marks"]): InlineMark[] {
  const kept: InlineMark[] = [];
  for (const type of MARK_ORDER) {
    const mark = marks?.find((candidate) => candidate.type === type);
    if (!mark) continue;
    if (type !== "link") kept.push({ type });
    else if (typeof mark.attrs?.href === "string") kept.push({ type: "link", attrs: { href: mark.attrs.href } });
  }
  return kept;
}

const marksKey = (marks: InlineMark[] | undefined) => JSON.stringify(marks ?? []);

/**
 * Only what a translation may carry: text with bold, italic and link (its address alone) and
 * hard breaks; anything else (other nodes, other attributes) is dropped, adjacent runs with the
 * same marks are joined, so two equal contents are equal as JSON.
 */
export function normalizeInline(nodes: readonly JSONContent[] | undefined): Inline {
  const result: Inline = [];
  for (const node of nodes ?? []) {
    if (node.type === "hardBreak") {
      result.push({ type: "hardBreak" });
      continue;
    }
    if (node.type !== "text" || typeof node.text !== "string" || node.text === "") continue;
    const marks = normalizeMarks(node.marks);
    const last = result.at(-1);
    if (last?.type === "text" && marksKey(last.marks) === marksKey(marks)) last.text += node.text;
    else result.push(marks.length ? { type: "text", text: node.text, marks } : { type: "text", text: node.text });
  }
  return result;
}

export function inlineFromText(text: string): Inline {
  const nodes: JSONContent[] = text
    .split("\n")
    .flatMap((line, index) => [...(index > 0 ? [{ type: "hardBreak" }] : []), { type: "text", text: line }]);
  return normalizeInline(nodes);
}

/** What a person reads: hard breaks as new lines. */
export function inlineText(inline: Inline): string {
  return inline.map((node) => (node.type === "text" ? node.text : "\n")).join("");
}

/** The lines of an inline content, split at its hard breaks (a list's items, a quote's paragraphs). */
export function inlineLines(inline: Inline): Inline[] {
  const lines: Inline[] = [[]];
  for (const node of inline) {
    if (node.type === "hardBreak") lines.push([]);
    else lines.at(-1)!.push(node);
  }
  return lines;
}

const LINE_BLOCKS = new Set(["bulletList", "orderedList", "blockquote"]);

/** A block as one editable inline content: a list's items and a quote's paragraphs one a line. */
export function blockInline(block: JSONContent): Inline {
  if (block.type === "figure") return inlineFromText(typeof block.attrs?.caption === "string" ? block.attrs.caption : "");
  if (LINE_BLOCKS.has(block.type ?? "")) {
    const lines = (block.content ?? []).map(blockInline);
    return lines.flatMap((line, index) => (index > 0 ? [{ type: "hardBreak" } as const, ...line] : line));
  }
  if (block.type === "listItem") return blockInline((block.content ?? [])[0] ?? {});
  return normalizeInline(block.content);
}

export function sameInline(a: Inline, b: Inline): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
