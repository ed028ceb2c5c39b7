// Server-side HTML of a stored body, built from the one schema shared with the editor: readers see
// exactly what the editor can produce. The body is re-validated first, so a row that somehow holds
// an unknown node or an unsafe link is never turned into markup. ProseMirror's own serializer
// writes into one happy-dom document kept for the process (Tiptap's generateHTML builds the schema
// and a whole browser window on every call: 4.7 ms of the content API's 8.4 ms per story).
import { DOMSerializer } from "@tiptap/pm/model";
import { Window } from "happy-dom";
import { checkedNode, richTextSchema } from "./document";

let html: { document: Window["document"]; serializer: DOMSerializer } | null = null;

function htmlWriter() {
  html ??= {
    document: new Window({
      settings: {
        disableJavaScriptEvaluation: true,
        disableJavaScriptFileLoading: true,
        disableCSSFileLoading: true,
        disableIframePageLoading: true,
        disableComputedStyleRendering: true,
      },
    }).document,
    serializer: DOMSerializer.fromSchema(richTextSchema),
  };
  return html;
}

export function renderDocumentHtml(json: unknown): string {
  const checked = checkedNode(json);
  if (!checked.ok) return "";
  const { document, serializer } = htmlWriter();
  const wrap = document.createElement("div");
  serializer.serializeFragment(checked.node.content, { document: document as unknown as Document }, wrap as unknown as HTMLElement);
  return wrap.innerHTML;
}
