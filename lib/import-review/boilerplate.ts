// Boilerplate learnt per source, kept in PostgreSQL: every file staged or imported counts its lines
// once for its source (one statement with all its line keys, on the table's primary key: no scan),
// and a line an editor restored is kept for good for that source.
import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { learntLines, lineKey, lineKeysOf, probeFile, probeText, type LineCount } from "@/lib/import/boilerplate";
import type { Change } from "@/lib/import";
import type { AgencyForm } from "@/lib/import/agencies";

type Client = Prisma.TransactionClient | typeof db;

/**
 * Counts a file's lines for its source, once per distinct text (a file sent again, or reviewed
 * again, is not counted twice), and returns the counts of its lines with this file included.
 */
export async function countFileLines(
  source: string,
  wireText: string,
  client: Client = db,
  lineKeys: readonly string[] = lineKeysOf(wireText),
): Promise<LineCount[]> {
  const keys = [...lineKeys].sort();
  if (keys.length === 0) return [];
  const fileHash = createHash("sha256").update(wireText).digest("hex");
  // A data-modifying WITH is not seen by its own statement's SELECT: the new counts come from
  // RETURNING, the counts of a file already counted from the table.
  const rows = await client.$queryRaw<{ line_hash: string; file_count: number; kept: boolean }[]>`
    WITH new_file AS (
      INSERT INTO import_boilerplate_files (source_key, file_hash) VALUES (${source}, ${fileHash})
      ON CONFLICT DO NOTHING RETURNING 1
    ), counted AS (
      INSERT INTO import_boilerplate_lines AS line (source_key, line_hash, file_count)
      SELECT ${source}, key, 1 FROM unnest(${keys}::text[]) AS key WHERE EXISTS (SELECT 1 FROM new_file) ORDER BY key
      ON CONFLICT (source_key, line_hash) DO UPDATE SET file_count = line.file_count + 1
      RETURNING line_hash, file_count, kept
    )
    SELECT line_hash, file_count, kept FROM counted
    UNION ALL
    SELECT line_hash, file_count, kept FROM import_boilerplate_lines
    WHERE source_key = ${source} AND line_hash = ANY(${keys}::text[]) AND NOT EXISTS (SELECT 1 FROM new_file)`;
  return rows.map((row) => ({ key: row.line_hash, files: row.file_count, kept: row.kept }));
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
