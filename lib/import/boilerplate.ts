// Boilerplate learnt from the archive (boilerpipe/jusText spirit): a line that many files of one
// source print (its menu, footer, licence line, "back to top", section labels) is the page's, not the
// story's. Pure: the counts come from the caller (lib/import-review/boilerplate.ts keeps them).
import { createHash } from "node:crypto";
import { agencyNamed } from "./agencies";
import { splitIntoBlocks } from "./blocks";
import { isLabel } from "./headline";
import { ChangeLog } from "./change-log";
import { storyMark } from "./losses";
import { splitHeader } from "./structure";
import { isHeadline } from "./title";
import type { WireFile } from "./parse-files";
import type { Change, Dateline, ImportResult } from "./types";

/** A line is chrome once at least this many other files of its source print it. */
export const MIN_OTHER_FILES = 3;
// Longer than this, or a long sentence, a repeated block is a story's paragraph printed again (the
// versions of one story share them): chrome is short lines, labels and the odd short sentence.
const MAX_LINE = 200;
const MAX_SENTENCE_WORDS = 20;
// Learnt lines making up most of a file mean a copy of a story, not its page: nothing goes then.
const MAX_SHARE = 0.5;
// As headline.ts reads the masthead: a story never opens with more than this many short lines.
const MASTHEAD_DEPTH = 6;

/**
 * The key a line is counted under (case, width and spacing normalised, 64 bits of sha1), or null
 * for a line never to count: too long, a sentence of over twenty words, no letter, or one with a
 * dateline, a quotation or a number with a unit (the story's own).
 */
export function lineKey(line: string): string | null {
  const normal = line.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
  if (normal.length < 2 || normal.length > MAX_LINE || !/\p{L}/u.test(normal) || storyMark(line) !== null) return null;
  if (/[.!?…]["”»]?$/u.test(normal) && normal.split(" ").length > MAX_SENTENCE_WORDS) return null;
  return createHash("sha1").update(normal).digest("hex").slice(0, 16);
}

/** The distinct keys of a wire text's lines, read into blocks as the pipeline reads them. */
export function lineKeysOf(wireText: string): string[] {
  const scratch = new ChangeLog();
  const keys = new Set<string>();
  for (const block of splitHeader(splitIntoBlocks(wireText, scratch), scratch).blocks) {
    const key = lineKey(block);
    if (key !== null) keys.add(key);
  }
  return [...keys];
}

/**
 * The source whose files are counted together: the agency of the dateline, else of the sign-off
 * (`- VNA`, `VOV/VNA`), by its registry name (agencies.ts); null when the file names none.
 */
export function sourceOf(article: { dateline: Dateline | null; changes: readonly Change[] }): string | null {
  const named = article.dateline?.source ? agencyNamed(article.dateline.source) : null;
  if (named) return `agency:${named}`;
  for (const change of article.changes) {
    if (change.kind !== "signoff-removed") continue;
    const signed = agencyNamed(change.before);
    if (signed) return `agency:${signed}`;
  }
  return null;
}

export type LineCount = { key: string; files: number; kept: boolean };

/** The lines to remove from counts that include this file: printed by enough other files, never restored. */
export function learntLines(counts: Iterable<LineCount>): Map<string, number> {
  const learnt = new Map<string, number>();
  for (const { key, files, kept } of counts) if (!kept && files - 1 >= MIN_OTHER_FILES) learnt.set(key, files);
  return learnt;
}

/** The index of the last headline-shaped line (not a label) among the page's first lines, or -1. */
function mastheadHeadline(blocks: readonly string[]): number {
  let found = -1;
  for (let index = 0; index < Math.min(blocks.length - 1, MASTHEAD_DEPTH); index++) {
    const line = blocks[index] ?? "";
    if (!isHeadline(line) && !isLabel(line)) break;
    if (!isLabel(line)) found = index;
  }
  return found;
}

/** Removes the learnt lines, each a recorded change saying in how many files its source prints it. */
export function removeLearntBoilerplate(blocks: string[], learnt: ReadonlyMap<string, number> | undefined, log: ChangeLog): string[] {
  if (!learnt || learnt.size === 0) return blocks;
  const files = blocks.map((block) => {
    const key = lineKey(block);
    return key === null ? undefined : learnt.get(key);
  });
  // The headline stays, however often it was printed: the versions of one story (an update, a
  // correction) share it, and it is what the story is found by.
  const headline = mastheadHeadline(blocks);
  if (headline >= 0) files[headline] = undefined;
  const found = files.filter((count) => count !== undefined).length;
  if (found === 0 || found > blocks.length * MAX_SHARE) return blocks;
  return blocks.filter((block, index) => {
    const count = files[index];
    return count === undefined || !log.propose("boilerplate-learnt", block, undefined, { files: count });
  });
}

/** Files that name no source are counted together as the batch's own. */
export const BATCH_SOURCE = "batch";

/**
 * The counts of one batch of files, in memory (a dry run writes nothing): per source, each line's
 * number of distinct files, a file counted once however often it comes.
 */
export class BatchLines {
  private readonly files = new Set<string>();
  private readonly counts = new Map<string, number>();

  /** Counts a file for its source; returns its lines' counts, this file included. */
  add(source: string, wireText: string): LineCount[] {
    const keys = lineKeysOf(wireText);
    const file = `${source}\n${createHash("sha256").update(wireText).digest("hex")}`;
    const fresh = !this.files.has(file);
    this.files.add(file);
    return keys.map((key) => {
      const counted = `${source}\n${key}`;
      const files = (this.counts.get(counted) ?? 0) + (fresh ? 1 : 0);
      this.counts.set(counted, files);
      return { key, files, kept: false };
    });
  }

  /** A counted file's lines with the batch's counts as they are now. */
  countsOf(source: string, wireText: string): LineCount[] {
    return lineKeysOf(wireText).map((key) => ({ key, files: this.counts.get(`${source}\n${key}`) ?? 0, kept: false }));
  }
}

type BatchParser = (files: readonly WireFile[]) => Promise<ImportResult[]>;

/**
 * A dry run of many files: parsed once, their lines counted across the batch, then the files that
 * print lines the batch repeats parsed again with those removed (the others are parsed once).
 */
export async function parseLearningFromBatch(files: readonly WireFile[], parse: BatchParser): Promise<ImportResult[]> {
  const results = await parse(files);
  const batch = new BatchLines();
  const counted = results.map((result) => {
    if (!result.ok) return null;
    const source = sourceOf(result.article) ?? BATCH_SOURCE;
    batch.add(source, result.article.rawText);
    return { source, text: result.article.rawText };
  });
  const again: { index: number; file: WireFile }[] = [];
  counted.forEach((entry, index) => {
    if (!entry) return;
    const learnt = learntLines(batch.countsOf(entry.source, entry.text));
    if (learnt.size > 0) again.push({ index, file: { ...files[index]!, boilerplate: learnt } });
  });
  if (again.length === 0) return results;
  const reparsed = await parse(again.map(({ file }) => file));
  again.forEach(({ index }, position) => (results[index] = reparsed[position]!));
  return results;
}
