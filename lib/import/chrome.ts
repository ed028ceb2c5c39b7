// Page chrome by shape: what a web page prints around a story and a paste brings along: a line
// of keywords, a navigation bar of topics, the publication's footer (editor, licence, telephone,
// e-mail, "back to top"). Each goes as one recorded change; the story's own lines never match.
import type { ChangeLog } from "./change-log";

const KEYWORD_LINE = /^(?:tags?|keywords?|mots[- ]cl[ée]s?|mots[- ]clefs?|từ khóa|thẻ|topics?)\s*:\s*\S/iu;
// Separators of a menu; at least four short items, none a sentence.
const MENU_SEPARATOR = /\s*[|·•›]\s*/u;
// Contact, legal and page-navigation lines of a footer.
const FOOTER_LINE =
  /[\w.-]+@[\w-]+\.\w|\b(?:tel|tél|phone|fax|hotline|điện thoại)\b\s*[.:]|\blicen[cs]e\b|giấy phép|©|copyright|editor-in-chief|rédact(?:eur|rice) en chef|directeur de la publication|tổng biên tập|back to top|haut de page|về đầu trang|all rights reserved|tous droits réservés/iu;
const SHORT_LINE = 160;
const MAX_KEYWORD_LINE = 300;
// A publication's name above its footer: short, no sentence end.
const NAME_LINE = 60;

export function isKeywordLine(line: string): boolean {
  return line.length <= MAX_KEYWORD_LINE && KEYWORD_LINE.test(line);
}

export function isNavigationBar(line: string): boolean {
  if (line.length > SHORT_LINE || /[.,;:!?]$/u.test(line)) return false;
  const items = line.split(MENU_SEPARATOR).filter((item) => item !== "");
  return items.length >= 4 && items.every((item) => item.split(" ").length <= 3 && /^[\p{Lu}\p{N}]/u.test(item));
}

/** Where a footer starts in the trailing run of short lines (two footer lines at least), or -1. */
function footerStart(blocks: readonly string[]): number {
  let start = blocks.length;
  while (start > 0 && (blocks[start - 1] ?? "").length <= SHORT_LINE) start--;
  const footerLines: number[] = [];
  for (let index = start; index < blocks.length; index++) if (FOOTER_LINE.test(blocks[index] ?? "")) footerLines.push(index);
  const first = footerLines[0];
  if (first === undefined || footerLines.length < 2) return -1;
  const above = blocks[first - 1];
  return first > start && above !== undefined && above.length <= NAME_LINE && !/[.!?]$/u.test(above) ? first - 1 : first;
}

export interface ChromeResult {
  blocks: string[];
}

/** Drops navigation bars and keyword lines anywhere, and the footer with what follows it. */
export function removePageChrome(blocks: readonly string[], log: ChangeLog): ChromeResult {
  let kept: string[] = [];
  // shortFrom[i]: every block from i to the end is short (one pass, so many keyword lines stay linear).
  const shortFrom = new Array<boolean>(blocks.length + 1).fill(true);
  for (let index = blocks.length - 1; index >= 0; index--)
    shortFrom[index] = (shortFrom[index + 1] ?? true) && (blocks[index] ?? "").length <= SHORT_LINE;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index] ?? "";
    if (isNavigationBar(block)) {
      if (!log.propose("page-chrome-removed", block)) kept.push(block);
      continue;
    }
    if (isKeywordLine(block)) {
      // The keywords close the story: what follows them, when short, is the page's too.
      const takesRest = shortFrom[index + 1] ?? true;
      const removed = takesRest ? blocks.slice(index) : [block];
      if (log.propose("page-chrome-removed", removed.join("\n"))) {
        if (takesRest) return { blocks: kept };
        continue;
      }
    }
    kept.push(block);
  }
  const start = footerStart(kept);
  if (start > 0 && log.propose("page-chrome-removed", kept.slice(start).join("\n"))) kept = kept.slice(0, start);
  return { blocks: kept };
}
