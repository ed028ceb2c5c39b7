// Boilerplate learnt per source, kept in PostgreSQL: every file staged or imported counts its lines
// once for its source (one statement for a file or a CLI chunk of files, on the table's primary
// key: no scan), and a line an editor restored is kept for good for that source.
import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { learntLines, lineKey, lineKeysOf, probeFile, probeText, type LineCount } from "@/lib/import/boilerplate";
import type { Change } from "@/lib/import";
import type { AgencyForm } from "@/lib/import/agencies";

type Client = Prisma.TransactionClient | typeof db;

/** A file to count: its source, its wire text (counted once per distinct text) and its line keys. */
export type FileLines = { source: string; text: string; keys: readonly string[] };

/**
 * Counts files' lines for their sources, in the files' order, in one statement: each file once per
 * distinct text (a file sent again, or reviewed again, is not counted twice); returns each file's
 * counts with the files before it and itself included, as if counted one after the other.
 */
export async function countFilesLines(files: readonly FileLines[], client: Client = db): Promise<LineCount[][]> {
  const counted = files.flatMap((file, order) => (file.keys.length > 0 ? [{ ...file, order }] : []));
  if (counted.length === 0) return files.map(() => []);
  const lines = counted.flatMap((file) => file.keys.map((key) => ({ order: file.order, key })));
  // Every part of one statement reads the table as it was before the statement: `before` is the
  // counts without this chunk, to which each file adds the new files up to itself.
  const rows = await client.$queryRaw<{ file: number; line_hash: string; file_count: number; kept: boolean }[]>`
    WITH input_files AS (
      SELECT * FROM unnest(${counted.map((file) => file.order)}::int[], ${counted.map((file) => file.source)}::text[],
        ${counted.map((file) => createHash("sha256").update(file.text).digest("hex"))}::text[]) AS f(file, source, hash)
    ), new_files AS (
      INSERT INTO import_boilerplate_files (source_key, file_hash) SELECT DISTINCT source, hash FROM input_files
      ON CONFLICT DO NOTHING RETURNING source_key, file_hash
    ), first_copies AS (
      SELECT min(f.file) AS file FROM input_files f JOIN new_files n ON n.source_key = f.source AND n.file_hash = f.hash
      GROUP BY f.source, f.hash
    ), file_lines AS (
      SELECT l.file, f.source, l.key, l.file IN (SELECT file FROM first_copies) AS fresh
      FROM unnest(${lines.map((line) => line.order)}::int[], ${lines.map((line) => line.key)}::text[]) AS l(file, key)
      JOIN input_files f USING (file)
    ), counted AS (
      INSERT INTO import_boilerplate_lines AS line (source_key, line_hash, file_count)
      SELECT source, key, count(*) FROM file_lines WHERE fresh GROUP BY source, key ORDER BY source, key
      ON CONFLICT (source_key, line_hash) DO UPDATE SET file_count = line.file_count + excluded.file_count
      RETURNING 1
    ), running AS (
      SELECT file, source, key, count(*) FILTER (WHERE fresh) OVER (PARTITION BY source, key ORDER BY file) AS added FROM file_lines
    )
    SELECT r.file, r.key AS line_hash, (coalesce(before.file_count, 0) + r.added)::int AS file_count, coalesce(before.kept, false) AS kept
    FROM running r LEFT JOIN import_boilerplate_lines before ON before.source_key = r.source AND before.line_hash = r.key
    WHERE before.line_hash IS NOT NULL OR r.added > 0`;
  const counts: LineCount[][] = files.map(() => []);
  for (const row of rows) counts[row.file]!.push({ key: row.line_hash, files: row.file_count, kept: row.kept });
  return counts;
}

/** countFilesLines of one file: its lines' counts with this file included. */
export async function countFileLines(
  source: string,
  wireText: string,
  client: Client = db,
  lineKeys: readonly string[] = lineKeysOf(wireText),
): Promise<LineCount[]> {
  return (await countFilesLines([{ source, text: wireText, keys: lineKeys }], client))[0]!;
}

const nothingLearnt = (): Map<string, number> => new Map();

/** Counts a wire text's lines for its source; its learnt lines (empty when it names no source). */
export async function learnFromText(
  wireText: string,
  agencyForms?: readonly AgencyForm[],
  client: Client = db,
): Promise<Map<string, number>> {
  const probe = probeText(wireText, agencyForms);
  return probe.source ? learntLines(await countFileLines(probe.source, probe.text, client, probe.keys)) : nothingLearnt();
}

/**
 * A plain-text file's learnt lines, counted before its parse (its source and line keys read from
 * its decoded lines); null for a file whose text a reader extracts in the parse pool.
 */
export async function learnBeforeParse(
  file: { name: string; bytes: Uint8Array; agencyForms?: readonly AgencyForm[] },
  client: Client = db,
): Promise<Map<string, number> | null> {
  const probe = probeFile(file);
  if (!probe) return null;
  return probe.source ? learntLines(await countFileLines(probe.source, probe.text, client, probe.keys)) : nothingLearnt();
}

/**
 * An editor restored these learnt removals: their lines are never removed again for the source
 * (kept, whatever their count).
 */
export async function keepRestoredLines(source: string | null, restored: readonly Change[], client: Client = db): Promise<void> {
  const keys = restored
    .flatMap((change) => (change.kind === "boilerplate-learnt" ? [lineKey(change.before)] : []))
    .filter((key) => key !== null);
  if (!source || keys.length === 0) return;
  await client.$executeRaw`
    INSERT INTO import_boilerplate_lines (source_key, line_hash, file_count, kept)
    SELECT ${source}, key, 0, true FROM unnest(${[...new Set(keys)].sort()}::text[]) AS key
    ON CONFLICT (source_key, line_hash) DO UPDATE SET kept = true`;
}
