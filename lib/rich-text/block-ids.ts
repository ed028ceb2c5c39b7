// Gives every top-level block of a body a stable `blockId`, kept across edits: comments anchor to
// it, and a translation's paragraph names the source block it translates. New or duplicated
// blocks (split, paste) get a fresh id.
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";

export const BLOCK_TYPES = ["paragraph", "heading", "blockquote", "bulletList", "orderedList", "figure"];

export function newBlockId(): string {
  return `b${crypto.randomUUID().replace(/-/g, "").slice(0, 10)}`;
}

export const BlockIds = Extension.create({
  name: "blockIds",
  addGlobalAttributes() {
    return [
      {
        types: BLOCK_TYPES,
        attributes: {
          blockId: {
            default: null,
            keepOnSplit: false,
            parseHTML: (element) => element.getAttribute("data-block-id"),
            renderHTML: (attributes) => (attributes.blockId ? { "data-block-id": attributes.blockId } : {}),
          },
        },
      },
    ];
  },
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("blockIds"),
        appendTransaction: (transactions, _oldState, newState) => {
          if (!transactions.some((transaction) => transaction.docChanged)) return null;
          const seen = new Set<string>();
          const transaction = newState.tr;
          newState.doc.forEach((node, offset) => {
            if (!BLOCK_TYPES.includes(node.type.name)) return;
            const id = node.attrs.blockId as string | null;
            if (id && !seen.has(id)) {
              seen.add(id);
              return;
            }
            const fresh = newBlockId();
            seen.add(fresh);
            transaction.setNodeMarkup(offset, undefined, { ...node.attrs, blockId: fresh });
          });
          return transaction.steps.length ? transaction : null;
        },
      }),
    ];
  },
});
