// Search snippets without trusting database text as markup: ts_headline marks matches with two
// private-use characters, and this turns its output into plain-text segments the page renders as
// text or <mark>, so whatever the article says can never become HTML.
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_STOP = "\uE001";

/** The ts_headline options that produce those markers (fragment delimiter: an ellipsis). */
export function headlineOptions(extra: string): string {
  return `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_STOP}", ${extra}`;
}

export type HighlightSegment = { text: string; match: boolean };

export function parseHighlight(raw: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  const push = (text: string, match: boolean) => {
    if (!text) return;
    const last = segments.at(-1);
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
  };
  const pattern = new RegExp(`${HIGHLIGHT_START}([^${HIGHLIGHT_START}${HIGHLIGHT_STOP}]*)${HIGHLIGHT_STOP}`, "gu");
  const strip = (text: string) => text.replaceAll(HIGHLIGHT_START, "").replaceAll(HIGHLIGHT_STOP, "");
  let from = 0;
  for (const found of raw.matchAll(pattern)) {
    push(strip(raw.slice(from, found.index)), false);
    push(found[1] ?? "", true);
    from = found.index + found[0].length;
  }
  push(strip(raw.slice(from)), false);
  return segments;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** The same snippet as an HTML string (feeds, tests): text escaped, matches in <mark>. */
export function highlightToHtml(raw: string): string {
  return segmentsToHtml(parseHighlight(raw));
}

export function segmentsToHtml(segments: HighlightSegment[]): string {
  return segments
    .map((segment) => {
      const text = segment.text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
      return segment.match ? `<mark>${text}</mark>` : text;
    })
    .join("");
}
