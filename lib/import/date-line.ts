// Date lines: a line of a web page that is only the story's date and time ("Aug 31, 2024 / 16:19",
// "08/03/2024 14:30", "Mis à jour le 01/07/2024 à 10h20"). It gives the date and leaves the body.
import type { ChangeLog } from "./change-log";
import { findTextDay, type TextDay } from "./article-date";

const MAX_DATE_LINE = 80;
// Only the top of a page carries its date line; a line of the story is never this short and bare.
const SEARCH_DEPTH = 8;
const NUMERIC_DATE = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})(?!\d)/u;
const TIME = /(?<!\d)\d{1,2}\s*[:hH]\s*\d{2}(?:\s*(?:[aApP]\.?[mM]\.?|GMT[+-]?\d*|ICT))?/gu;
// Words that may stand around a date on such a line, in the desk's languages.
const LABEL_WORDS =
  /(?<!\p{L})(?:mis à jour|publié|updated?|published|posted|last|modified|cập nhật|ngày|le|à|at|on|lúc|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|thứ \p{L}+|chủ nhật)(?!\p{L})/giu;

/** The date of a date-and-time line, or null when the line says anything more than that. */
export function readDateLine(line: string): TextDay | null {
  if (line.length > MAX_DATE_LINE) return null;
  let day: TextDay | null = null;
  let rest = line;
  const numeric = NUMERIC_DATE.exec(line);
  if (numeric) {
    const [whole, first = "", second = "", year = ""] = numeric;
    const [a, b] = [Number(first), Number(second)];
    // Day first, as the desk's sources write it, unless the first number cannot be a month day pair.
    const [dayNumber, month] = b > 12 ? [b, a] : [a, b];
    if (month < 1 || month > 12 || dayNumber < 1 || dayNumber > 31) return null;
    day = { day: dayNumber, month, year: Number(year) };
    rest = line.replace(whole, " ");
  } else {
    day = findTextDay(line);
    if (!day || day.year === null) return null;
    rest = line.replace(/\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:er)?\s+\p{L}+\.?\s+\d{4}/u, " ");
  }
  const leftover = rest
    .replace(TIME, " ")
    .replace(LABEL_WORDS, " ")
    .replace(/[\s,/|()\-–—:.]+/gu, "");
  return leftover === "" ? day : null;
}

export interface DateLineResult {
  blocks: string[];
  day: TextDay | null;
}

/** Takes the first date line near the top as the date; every such line leaves the body, recorded. */
export function removeDateLines(blocks: readonly string[], log: ChangeLog): DateLineResult {
  const kept: string[] = [];
  let day: TextDay | null = null;
  blocks.forEach((block, index) => {
    const found = index < SEARCH_DEPTH ? readDateLine(block) : null;
    if (found && log.propose("date-line-removed", block)) {
      day ??= found;
      return;
    }
    kept.push(block);
  });
  return { blocks: kept, day };
}
