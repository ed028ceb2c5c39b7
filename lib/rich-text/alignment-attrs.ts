// Alignment of a translation's blocks to its source: which source block a block translates
// (`sourceBlockId`), and the fingerprint and text of that source block when it was translated
// (`sourceHash`, `sourceText`), so a later change of the source marks exactly that block stale.
// Kept in the JSON only: never rendered to readers' HTML.
import { Extension } from "@tiptap/core";
import { BLOCK_TYPES } from "./block-ids";

const jsonOnly = { default: null, keepOnSplit: false, parseHTML: () => null, renderHTML: () => ({}) };

export const AlignmentAttrs = Extension.create({
  name: "alignmentAttrs",
  addGlobalAttributes() {
    return [{ types: BLOCK_TYPES, attributes: { sourceBlockId: jsonOnly, sourceHash: jsonOnly, sourceText: jsonOnly } }];
  },
});
