// Endings: "Voir plus" / "TIN LIÊN QUAN" / "Lire aussi" trailers with their related-article
// teasers, agency sign-offs ("./.", "- VNA", a lone "VNA") and headline lists after the sign-off.
import type { ChangeLog } from "./change-log";
import { isHeadline } from "./title";
import { agencies } from "./agencies";

// Markers after which the page shows other articles, never more of this one.
const END_MARKER =
  /^(?:voir plus|tin liên quan|tin cùng chuyên mục|tin khác|bài liên quan|xem thêm|read more|see more|related news|related articles?|related stories|more news|other news|autres articles|dans la même rubrique|sur le même sujet)\s*[:.…»>]*$/iu;
// Markers that may also sit inside the body, pointing at one related story.
// Text may follow on the same line only after a separator: "Lire aussi : <headline>".
const INLINE_MARKER = /^(?:à lire aussi|lire aussi|voir aussi|read also|see also|related)\s*(?:[:»>–—-]\s*(.+)|[:.…»>]*)$/iu;

// Agency sign-offs from the registry (agencies.ts), alone or combined ("-VOV/VNA", "- VNA/VI"):
// after a dash that follows a space or punctuation ("- VNA", ".-VNA", "–VNA"); glued by a dash
// to a lower-case last word ("régions-AVI": an upper-case one, "ASEAN-VNA", is a compound);
// right after the closing punctuation without a dash (". VNA/CVN", "quarter.VNA"); or "/.", "./.".
// Built from the registry in force (the desk may add forms), once per registry.
const signoffs = () =>
  agencies().derive("signoff", (combination) => ({
    forms: agencies().forms,
    suffix: new RegExp(
      `(?:(?:(?:\\s+|(?<=[.…)»”"!?]))[-–—]\\s*|(?<=\\p{Ll})[-–—]|(?<=[.…!?»”"])\\s*)(?:${combination})\\.?|\\s*\\/\\.)\\s*$`,
      "u",
    ),
    lone: new RegExp(`^(?:(?:[-–—]\\s*)?\\(?(?:${combination})\\)?\\.?|\\.?\\/\\.)$`, "u"),
  }));
const ENDS_CLEANLY = /[.!?…"»”’)\]]$/u;

// A headline list or teaser may be long, but never as long as the article it follows.
const SHORT_BLOCK = 300;
const MAX_TRAILER_SHARE = 0.6;

function totalLength(blocks: readonly string[]): number {
  return blocks.reduce((sum, block) => sum + block.length, 0);
}

/**
 * The sign-off suffix of a block, or null. A suffix ends in an agency's form (and perhaps a full
 * stop) or in "/.": a block ending otherwise is not scanned, for the expression, anchored at the
 * end only, is tried from every position of the block.
 */
function signoffSuffix(block: string): RegExpExecArray | null {
  const { forms, suffix } = signoffs();
  const end = block.trimEnd();
  const beforeStop = end.endsWith(".") ? end.slice(0, -1) : end;
  const couldEndInOne = end.endsWith("/.") || forms.some((form) => beforeStop.endsWith(form) || end.endsWith(form));
  return couldEndInOne ? suffix.exec(block) : null;
}

function hasSignoff(block: string): boolean {
  return signoffs().lone.test(block) || signoffSuffix(block) !== null;
}

/** The sign-off a block ends with ("- VOV/VNA", a lone "VNA"), as written; null when none. */
export function signoffOf(block: string): string | null {
  if (signoffs().lone.test(block)) return block;
  return signoffSuffix(block)?.[0] ?? null;
}

export interface TrailerResult {
  blocks: string[];
  /** True when a trailer was found (tells "only a trailer" apart from "empty"). */
  foundTrailer: boolean;
}

/** Cuts at the first end marker; an inline "Lire aussi" only takes its headlines with it. */
export function removeMarkedTrailers(blocks: readonly string[], log: ChangeLog): TrailerResult {
  let result = [...blocks];
  let foundTrailer = false;
  for (let index = 0; index < result.length; index++) {
    const block = result[index] ?? "";
    const inline = INLINE_MARKER.exec(block);
    // Only asked for an inline marker: asking for every block made the loop quadratic.
    if (inline && result.slice(index + 1).some(hasSignoff)) {
      let end = index + 1;
      if ((inline[1] ?? "") === "") {
        while (end < result.length && isHeadline(result[end] ?? "")) end++;
      }
      foundTrailer = true;
      if (log.propose("trailer-removed", result.slice(index, end).join("\n"))) {
        result = [...result.slice(0, index), ...result.slice(end)];
        index--;
      }
      continue;
    }
    if (END_MARKER.test(block) || inline) {
      foundTrailer = true;
      if (log.propose("trailer-removed", result.slice(index).join("\n"))) return { blocks: result.slice(0, index), foundTrailer };
    }
  }
  return { blocks: result, foundTrailer };
}

/** Strips sign-offs, then drops what follows the last one when it reads as a related-links list. */
export function removeSignoffs(blocks: readonly string[], log: ChangeLog): TrailerResult {
  const { lone } = signoffs();
  const result: string[] = [];
  let lastSignoff = -1;
  for (const block of blocks) {
    if (lone.test(block)) {
      if (!log.propose("signoff-removed", block)) result.push(block);
      lastSignoff = result.length - 1;
      continue;
    }
    const suffix = signoffSuffix(block);
    if (suffix) {
      let cleaned = block.slice(0, suffix.index).trimEnd();
      if (cleaned !== "" && !ENDS_CLEANLY.test(cleaned)) cleaned += ".";
      const applied = log.propose("signoff-removed", block, cleaned);
      if (!applied || cleaned !== "") result.push(applied ? cleaned : block);
      lastSignoff = result.length - 1;
      continue;
    }
    result.push(block);
  }

  const after = result.slice(lastSignoff + 1);
  if (lastSignoff < 0 || after.length === 0) return { blocks: result, foundTrailer: false };
  const allShort = after.every((block) => block.length <= SHORT_BLOCK);
  const smallerThanArticle = totalLength(after) < MAX_TRAILER_SHARE * totalLength(result.slice(0, lastSignoff + 1));
  if (!allShort && !smallerThanArticle) return { blocks: result, foundTrailer: false };
  if (!log.propose("trailer-removed", after.join("\n"))) return { blocks: result, foundTrailer: true };
  return { blocks: result.slice(0, lastSignoff + 1), foundTrailer: true };
}
