// Blocks: splits decoded text into paragraph blocks (one per line, or re-joined when the file
// is hard-wrapped), normalising spaces inside lines and recording collapsed blank-line runs.
import type { ChangeLog } from "./change-log";

// No-break, narrow no-break, figure, thin and other Unicode spaces become plain spaces.
const UNICODE_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\v\f]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060]/g;

export function normaliseLine(line: string): string {
  return line.replace(ZERO_WIDTH, "").replace(UNICODE_SPACES, " ").replace(/ {2,}/g, " ").trim();
}

const WRAP_MIN = 50;
const WRAP_MAX = 90;

/**
 * Hard-wrapped copy (e-mail style, every line 60-80 columns) loses its paragraph = line rule:
 * then paragraphs are the blank-line separated groups.
 */
export function looksHardWrapped(lines: readonly string[]): boolean {
  const nonBlank = lines.filter((line) => line !== "");
  if (nonBlank.length < 6) return false;
  if (nonBlank.some((line) => line.length > WRAP_MAX + 10)) return false;
  const wrapped = nonBlank.filter((line) => line.length >= WRAP_MIN && line.length <= WRAP_MAX).length;
  return wrapped / nonBlank.length >= 0.6;
}

function joinWrappedGroup(group: readonly string[], log: ChangeLog): string[] {
  const joined: string[] = [];
  for (const line of group) {
    const previous = joined[joined.length - 1];
    // A short line (a headline) ends its paragraph even inside a group.
    if (previous !== undefined && previous.length >= WRAP_MIN) {
      const merged = previous.endsWith("-") ? previous + line : `${previous} ${line}`;
      if (log.propose("line-breaks-joined", `${previous}\n${line}`, merged)) {
        joined[joined.length - 1] = merged;
        continue;
      }
    }
    joined.push(line);
  }
  return joined;
}

/** Non-empty paragraph blocks of the text, in order. */
export function splitIntoBlocks(text: string, log: ChangeLog): string[] {
  const lines = text.split("\n").map(normaliseLine);
  recordBlankRuns(lines, log);
  if (!looksHardWrapped(lines)) return lines.filter((line) => line !== "");

  const blocks: string[] = [];
  let group: string[] = [];
  for (const line of [...lines, ""]) {
    if (line !== "") {
      group.push(line);
      continue;
    }
    blocks.push(...joinWrappedGroup(group, log));
    group = [];
  }
  return blocks;
}

/**
 * Paragraph blocks never contain blank lines, so a run of several blank lines is already
 * collapsed; it is still recorded so the editor sees the file had layout gaps.
 */
function recordBlankRuns(lines: readonly string[], log: ChangeLog): void {
  let run = 0;
  lines.forEach((line, index) => {
    const isBlank = line === "";
    if (isBlank) run++;
    const runEnds = !isBlank || index === lines.length - 1;
    if (runEnds && run >= 2) log.propose("blank-lines-collapsed", "\n".repeat(run + 1), "\n\n");
    if (!isBlank) run = 0;
  });
}
