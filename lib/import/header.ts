// Date header: the wire system's first line " date YYYY-MM" (publication month), which may carry
// the rest of a line (lead-photo caption, or dateline and first paragraph) after it.

export interface DateHeader {
  year: number;
  month: number | null;
  day: number | null;
  /** Whatever followed the date on the same line, trimmed ('' when nothing). */
  rest: string;
}

const DATE_HEADER = /^\s*date\s*[:=]?\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?=\s|$)\s*(.*)$/i;

function validPart(value: string | undefined, max: number): number | null {
  if (value === undefined) return null;
  const number = Number(value);
  return number >= 1 && number <= max ? number : null;
}

export function parseDateHeader(line: string): DateHeader | null {
  const match = DATE_HEADER.exec(line);
  if (!match) return null;
  const [, year, month, day, rest] = match;
  const monthNumber = validPart(month, 12);
  return {
    year: Number(year),
    month: monthNumber,
    day: monthNumber === null ? null : validPart(day, 31),
    rest: (rest ?? "").trim(),
  };
}
