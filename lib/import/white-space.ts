// White space collapsed for comparing and hashing text: each run becomes one space.

// Runs other than a lone space: text has a space every few letters, and replacing each space by
// itself was most of the cost of the plain /\s+/g.
const WHITE_SPACE_RUN = /\s{2,}|[^\S ]/g;

/** `text.replace(/\s+/g, " ")`, with less work. */
export function collapseWhiteSpace(text: string): string {
  return text.replace(WHITE_SPACE_RUN, " ");
}
