// The one list of Tiptap extensions: the editor, the server-side validation and the HTML rendering
// all use it, so what can be stored is exactly what can be edited and shown.
import { mergeAttributes, Node } from "@tiptap/core";
import Link from "@tiptap/extension-link";
import StarterKit from "@tiptap/starter-kit";
import { AlignmentAttrs } from "./alignment-attrs";
import { BlockIds } from "./block-ids";
import { isSafeLinkHref } from "./links";

/** A photo caption with its credit (`… Photo : VNA`); the picture itself comes with the media library. */
export const Figure = Node.create({
  name: "figure",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      // Read from and written to the figcaption only, never as attributes of <figure>.
      caption: { default: "", parseHTML: () => null, renderHTML: () => ({}) },
      credit: { default: null, parseHTML: () => null, renderHTML: () => ({}) },
      // The library photo shown with the caption (lib/media); null for a caption without a picture.
      assetId: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-asset-id"),
        renderHTML: (attributes) =>
          typeof attributes.assetId === "string" && attributes.assetId ? { "data-asset-id": attributes.assetId } : {},
      },
    };
  },
  parseHTML() {
    return [
      {
        tag: "figure",
        getAttrs: (element) => ({
          caption: element.querySelector("figcaption .caption")?.textContent ?? element.textContent ?? "",
          credit: element.querySelector("figcaption .credit")?.textContent ?? null,
        }),
      },
    ];
  },
  renderHTML({ node, HTMLAttributes }) {
    const credit = node.attrs.credit ? [["span", { class: "credit" }, String(node.attrs.credit)]] : [];
    return [
      "figure",
      mergeAttributes(HTMLAttributes, { class: "wire-figure" }),
      ["figcaption", {}, ["span", { class: "caption" }, String(node.attrs.caption)], ...credit],
    ];
  },
});

const LINK_REL = "noopener noreferrer nofollow";
const fixedAttribute = (value: string | null, rendered: Record<string, string> = {}) => ({
  default: value,
  parseHTML: () => value,
  renderHTML: () => rendered,
});

/**
 * A link is its address and nothing else: target, rel, class and title pasted from a web page or
 * sent by a browser are neither kept nor rendered.
 */
const SafeLink = Link.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      target: fixedAttribute(null),
      rel: fixedAttribute(LINK_REL, { rel: LINK_REL }),
      class: fixedAttribute(null),
      title: fixedAttribute(null),
    };
  },
}).configure({
  openOnClick: false,
  autolink: true,
  protocols: ["http", "https", "mailto"],
  isAllowedUri: (url) => isSafeLinkHref(url),
  HTMLAttributes: { rel: LINK_REL, target: null },
});

export const richTextExtensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    code: false,
    codeBlock: false,
    horizontalRule: false,
    underline: false,
    link: false,
    // The trailing node appends an empty paragraph to any document ending in a caption as soon as
    // the editor runs a transaction: merely opening such an article changed it and autosaved a
    // revision. The gap cursor (kept) already lets the cursor go after a final caption.
    trailingNode: false,
  }),
  SafeLink,
  Figure,
  BlockIds,
  AlignmentAttrs,
];

/** A document of exactly one paragraph: Enter cannot split it, Shift+Enter breaks the line. */
const SingleParagraphDocument = Node.create({ name: "doc", topNode: true, content: "paragraph" });

/**
 * The translation editor's field per source block: one paragraph with the article's own marks
 * (the same bold, italic and SafeLink definitions) and hard breaks, nothing a paragraph of the
 * article could not hold.
 */
export const paragraphEditorExtensions = [
  StarterKit.configure({
    document: false,
    heading: false,
    blockquote: false,
    bulletList: false,
    orderedList: false,
    listItem: false,
    listKeymap: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: false,
    trailingNode: false,
  }),
  SingleParagraphDocument,
  SafeLink,
];
