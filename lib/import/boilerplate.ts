// Boilerplate learnt from the archive (boilerpipe/jusText spirit): a line that many files of one
// source print (its menu, footer, licence line, "back to top", section labels) is the page's, not the
// story's. Pure: the counts come from the caller (lib/import-review/boilerplate.ts keeps them).
import { createHash } from "node:crypto";
import { agencyNamed, withAgencyForms, type AgencyForm } from "./agencies";
import { splitIntoBlocks } from "./blocks";
import { matchDateline } from "./dateline";
import { decodeWireBytes } from "./decode";
import { sniffInput } from "./readers";
import { signoffOf } from "./trailers";
import { isLabel } from "./headline";
import { ChangeLog } from "./change-log";
import { storyMark } from "./losses";
import { splitHeader } from "./structure";
import { isHeadline } from "./title";
import type { WireFile } from "./parse-files";
import type { ImportResult } from "./types";

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

/** What the model needs of a file before its one parse: the source it is counted for, its lines' keys. */
export type LineProbe = { source: string | null; keys: string[]; text: string };

// A dateline opens the story within the page's first lines (after a menu, a label, a headline).
const DATELINE_DEPTH = 12;

/**
 * A wire text's source and distinct line keys, from its lines read into blocks as the pipeline
 * reads them: one pass, no cleaning, so the learnt lines can be looked up before the one parse.
 */
export function probeText(wireText: string, agencyForms?: readonly AgencyForm[]): LineProbe {
  return withAgencyForms(agencyForms, () => probeLines(wireText));
}

function probeLines(wireText: string): LineProbe {
  const scratch = new ChangeLog();
  const blocks = splitHeader(splitIntoBlocks(wireText, scratch), scratch).blocks;
  const keys = new Set<string>();
  for (const block of blocks) {
    const key = lineKey(block);
    if (key !== null) keys.add(key);
  }
  return { source: sourceOfBlocks(blocks), keys: [...keys], text: wireText };
}

/**
 * probeText of a plain-text file's decoded bytes; null for a Word file, saved page or mail (their
 * text is read in the parse pool, so they are counted from it after their parse) or bytes the
 * pipeline refuses.
 */
export function probeFile(file: { name: string; bytes: Uint8Array; agencyForms?: readonly AgencyForm[] }): LineProbe | null {
  if (sniffInput(file) !== "text") return null;
  const decoded = decodeWireBytes(file.bytes);
  return decoded.ok ? probeText(decoded.text, file.agencyForms) : null;
}

/** The distinct keys of a wire text's lines, read into blocks as the pipeline reads them. */
export function lineKeysOf(wireText: string): string[] {
  return probeText(wireText).keys;
}

/**
 * The source whose files are counted together: the agency of the dateline, else of the first
 * sign-off (`- VNA`, `VOV/VNA`), by its registry name (agencies.ts); null when the file names none.
 * Read from the raw lines, so it is known before the parse and the same at upload and on review.
 */
function sourceOfBlocks(blocks: readonly string[]): string | null {
  for (const block of blocks.slice(0, DATELINE_DEPTH)) {
    const source = matchDateline(block)?.source;
    if (!source) continue;
    const named = agencyNamed(source);
    if (named) return `agency:${named}`;
    break;
  }
  for (const block of blocks) {
    const signoff = signoffOf(block);
    const signed = signoff === null ? null : agencyNamed(signoff);
    if (signed) return `agency:${signed}`;
  }
  return null;
}

/** The source of a wire text (probeText's): what its lines are counted and kept for. */
export function sourceOfText(wireText: string, agencyForms?: readonly AgencyForm[]): string | null {
  return probeText(wireText, agencyForms).source;
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
  add(source: string, wireText: string, keys: readonly string[] = lineKeysOf(wireText)): LineCount[] {
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
  countsOf(source: string, wireText: string, keys: readonly string[] = lineKeysOf(wireText)): LineCount[] {
    return keys.map((key) => ({ key, files: this.counts.get(`${source}\n${key}`) ?? 0, kept: false }));
  }
}

type BatchParser = (files: readonly WireFile[]) => Promise<ImportResult[]>;

/**
 * A dry run of many files, each parsed once: the plain-text files' lines are counted across the
 * batch first (a lookup per line), so each is parsed with what the batch repeats already removed.
 * Word files, saved pages and mails are counted once their text is read, and parsed again only
 * when the batch repeats their lines.
 */
export async function parseLearningFromBatch(files: readonly WireFile[], parse: BatchParser): Promise<ImportResult[]> {
  const batch = new BatchLines();
  const probes = files.map((file) => probeFile(file));
  for (const probe of probes) if (probe) batch.add(probe.source ?? BATCH_SOURCE, probe.text, probe.keys);
  const results = await parse(
    files.map((file, index) => {
      const probe = probes[index];
      if (!probe) return file;
      const learnt = learntLines(batch.countsOf(probe.source ?? BATCH_SOURCE, probe.text, probe.keys));
      return learnt.size > 0 ? { ...file, boilerplate: learnt } : file;
    }),
  );
  const read: { index: number; probe: LineProbe }[] = [];
  results.forEach((result, index) => {
    if (probes[index] || !result.ok) return;
    const probe = probeText(result.article.rawText, files[index]!.agencyForms);
    batch.add(probe.source ?? BATCH_SOURCE, probe.text, probe.keys);
    read.push({ index, probe });
  });
  const again = read.flatMap(({ index, probe }) => {
    const learnt = learntLines(batch.countsOf(probe.source ?? BATCH_SOURCE, probe.text, probe.keys));
    return learnt.size > 0 ? [{ index, file: { ...files[index]!, boilerplate: learnt } }] : [];
  });
  if (again.length === 0) return results;
  const reparsed = await parse(again.map(({ file }) => file));
  again.forEach(({ index }, position) => (results[index] = reparsed[position]!));
  return results;
}
