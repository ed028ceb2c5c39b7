// Server-side HTML of a stored body, built from the one extension list shared with the editor:
// readers see exactly what the editor can produce. The body is re-validated first, so a row that
// somehow holds an unknown node or an unsafe link is never turned into markup.
import { generateHTML } from "@tiptap/html/server";
import { parseDocument } from "./document";
import { richTextExtensions } from "./extensions";

export function renderDocumentHtml(json: unknown): string {
  const parsed = parseDocument(json);
  if (!parsed.ok) return "";
  return generateHTML(parsed.doc, richTextExtensions);
}
