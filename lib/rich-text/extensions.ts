// The one list of Tiptap extensions: the editor, the server-side validation and the HTML rendering
// all use it, so what can be stored is exactly what can be edited and shown.
import { mergeAttributes, Node } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
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
      caption: { default: "" },
      credit: { default: null },
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
    return ["figure", mergeAttributes(HTMLAttributes, { class: "wire-figure" }), ["figcaption", {}, ["span", { class: "caption" }, String(node.attrs.caption)], ...credit]];
  },
});

export const richTextExtensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    code: false,
    codeBlock: false,
    horizontalRule: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      protocols: ["http", "https", "mailto"],
      isAllowedUri: (url) => isSafeLinkHref(url),
      HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
    },
  }),
  Figure,
  BlockIds,
];
