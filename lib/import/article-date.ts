// Article date: combines the header's year and month with a day written in the text
// ("le 23 juin", "samedi 10 septembre", "On the morning of September 12", "Hanoï, 6 juillet"),
// and returns null rather than guess a year that is written nowhere.
import type { ArticleDate } from "./types";
import type { DateHeader } from "./header";

const MONTHS: Readonly<Record<string, number>> = {
  janvier: 1,
  février: 2,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  août: 8,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  decembre: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH =
  "(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
const YEAR = "(?:,?\\s+((?:19|20)\\d{2}))?(?!\\d)";
// "23 juin 2022", "1er juillet", "10 September 2023"; English capitalises month names, French does not.
const DAY_MONTH = new RegExp(`(?<![\\p{L}\\p{N}])(1er|\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?![\\p{L}])${YEAR}`, "u");
// "September 12", "February 22, 2024".
const MONTH_DAY = new RegExp(`(?<![\\p{L}])${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{N}])${YEAR}`, "u");

export interface TextDay {
  day: number;
  month: number;
  year: number | null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, "")];
}

/** The first written day and month in `text` (with its year when one follows). */
export function findTextDay(text: string): TextDay | null {
  const dayMonth = DAY_MONTH.exec(text);
  const monthDay = MONTH_DAY.exec(text);
  const candidates: Array<{ index: number; day: string; month: string; year: string | undefined }> = [];
  if (dayMonth) candidates.push({ index: dayMonth.index, day: dayMonth[1] ?? "", month: dayMonth[2] ?? "", year: dayMonth[3] });
  // English month names must be capitalised, or "may 12" would be a verb and a number.
  if (monthDay && /^\p{Lu}/u.test(monthDay[1] ?? "")) {
    candidates.push({ index: monthDay.index, day: monthDay[2] ?? "", month: monthDay[1] ?? "", year: monthDay[3] });
  }
  candidates.sort((a, b) => a.index - b.index);
  for (const candidate of candidates) {
    const month = monthNumber(candidate.month);
    const day = candidate.day === "1er" ? 1 : Number(candidate.day);
    const year = candidate.year === undefined ? null : Number(candidate.year);
    if (month === undefined || day < 1 || day > daysInMonth(year ?? 2024, month)) continue;
    return { day, month, year };
  }
  return null;
}

const pad = (value: number): string => String(value).padStart(2, "0");

export interface ResolvedDate {
  date: ArticleDate | null;
  warnings: string[];
}

/** The text's day when it can belong to the header's month: the same month or the one before. */
function fitsHeaderMonth(header: DateHeader & { month: number }, textDay: TextDay): { year: number } | null {
  const previousMonth = header.month === 1 ? 12 : header.month - 1;
  const year =
    textDay.month === header.month
      ? header.year
      : textDay.month === previousMonth
        ? header.month === 1
          ? header.year - 1
          : header.year
        : null;
  if (year === null || (textDay.year !== null && textDay.year !== year)) return null;
  return textDay.day <= daysInMonth(year, textDay.month) ? { year } : null;
}

/**
 * Header month plus text day when they agree (same month, or the month before: a story filed
 * days after the event). Without a header the text's own full date is used; a day whose year is
 * written nowhere gives null.
 */
export function resolveArticleDate(header: DateHeader | null, textDay: TextDay | null): ResolvedDate {
  const warnings: string[] = [];
  const dayDate = (year: number, month: number, day: number): ArticleDate => ({
    value: `${year}-${pad(month)}-${pad(day)}`,
    precision: "day",
  });

  if (header?.month != null) {
    const month = header.month;
    if (textDay) {
      const fit = fitsHeaderMonth({ ...header, month }, textDay);
      if (fit) return { date: dayDate(fit.year, textDay.month, textDay.day), warnings };
      warnings.push(
        `The date in the text (${textDay.day}/${textDay.month}${textDay.year ? `/${textDay.year}` : ""}) does not fit the header month; the header month is used.`,
      );
    }
    if (header.day !== null) return { date: dayDate(header.year, month, header.day), warnings };
    return { date: { value: `${header.year}-${pad(month)}`, precision: "month" }, warnings };
  }
  if (header) {
    const year = textDay && (textDay.year === null || textDay.year === header.year) ? header.year : null;
    if (textDay && year !== null && textDay.day <= daysInMonth(year, textDay.month))
      return { date: dayDate(year, textDay.month, textDay.day), warnings };
    return { date: { value: String(header.year), precision: "year" }, warnings };
  }
  if (textDay?.year != null) return { date: dayDate(textDay.year, textDay.month, textDay.day), warnings };
  if (textDay) warnings.push(`The text gives a day (${textDay.day}/${textDay.month}) but no year; the date is left empty.`);
  return { date: null, warnings };
}
