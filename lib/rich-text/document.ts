// Rich-text documents on the server: build one from imported paragraphs, validate one sent by a
// browser against the editor's schema, and derive its plain text.
import { getSchema, type JSONContent } from "@tiptap/core";
import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { newBlockId } from "./block-ids";
import { richTextExtensions } from "./extensions";
import { isSafeLinkHref } from "./links";

/** The editor's schema, built once from the shared extension list. */
export const richTextSchema = getSchema(richTextExtensions);

export type RichTextDocument = JSONContent & { type: "doc" };

export function documentFromParagraphs(paragraphs: string[], captions: { text: string; credit: string | null }[] = []): RichTextDocument {
  const figures = captions.map((caption) => ({
    type: "figure",
    attrs: { caption: caption.text, credit: caption.credit, blockId: newBlockId() },
  }));
  const blocks = paragraphs
    .filter((text) => text.trim() !== "")
    .map((text) => ({ type: "paragraph", attrs: { blockId: newBlockId() }, content: [{ type: "text", text }] }));
  // The lead photo's caption opens the article; the pipeline does not know where the others stood.
  const content = [...figures.slice(0, 1), ...blocks, ...figures.slice(1)];
  return editorForm({ type: "doc", content: content.length ? content : [{ type: "paragraph", attrs: { blockId: newBlockId() } }] });
}

/**
 * A document exactly as the editor holds it once loaded (every attribute present, defaults
 * included) and as every save stores it: what the import writes, so opening it changes nothing.
 */
export function editorForm(json: JSONContent): RichTextDocument {
  return JSON.parse(JSON.stringify(ProseMirrorNode.fromJSON(richTextSchema, json).toJSON())) as RichTextDocument;
}

export type ParsedDocument = { ok: true; doc: RichTextDocument; text: string } | { ok: false; error: string };

/** Accepts only what the editor itself could have produced; links must be http(s) or mailto. */
export function parseDocument(json: unknown): ParsedDocument {
  const checked = checkedNode(json);
  if (!checked.ok) return checked;
  return { ok: true, doc: checked.node.toJSON() as RichTextDocument, text: plainText(checked.node) };
}

/** The same check, keeping the schema's own node (for rendering it without reading it twice). */
export function checkedNode(json: unknown): { ok: true; node: ProseMirrorNode } | { ok: false; error: string } {
  try {
    const node = ProseMirrorNode.fromJSON(richTextSchema, json);
    node.check();
    if (node.type.name !== "doc") return { ok: false, error: "The body is not a document." };
    let unsafeLink = false;
    node.descendants((child) => {
      for (const mark of child.marks) if (mark.type.name === "link" && !isSafeLinkHref(mark.attrs.href)) unsafeLink = true;
    });
    if (unsafeLink) return { ok: false, error: "A link in the body is not an http(s) or mailto address." };
    return { ok: true, node };
  } catch (error) {
    return { ok: false, error: `The body does not match the editor's format (${error instanceof Error ? error.message : "invalid"}).` };
  }
}

/** Paragraphs and captions as plain text, one block a line: feeds search and change tracking. */
function plainText(doc: ProseMirrorNode): string {
  const lines: string[] = [];
  doc.forEach((block) => {
    if (block.type.name === "figure") lines.push([block.attrs.caption, block.attrs.credit].filter(Boolean).join(" "));
    else lines.push(block.textBetween(0, block.content.size, "\n", " "));
  });
  return lines.filter(Boolean).join("\n");
}
