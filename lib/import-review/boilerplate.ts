// Boilerplate learnt per source, kept in PostgreSQL: every file staged or imported counts its lines
// once for its source (one statement with all its line keys, on the table's primary key: no scan),
// and a line an editor restored is kept for good for that source.
import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { learntLines, lineKey, lineKeysOf, sourceOf, type LineCount } from "@/lib/import/boilerplate";
import type { Change, ParsedArticle } from "@/lib/import";

type Client = Prisma.TransactionClient | typeof db;

/**
 * Counts a file's lines for its source, once per distinct text (a file sent again, or reviewed
 * again, is not counted twice), and returns the counts of its lines with this file included.
 */
export async function countFileLines(source: string, wireText: string, client: Client = db): Promise<LineCount[]> {
  const keys = lineKeysOf(wireText).sort();
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

/** The learnt lines of a parsed file, after counting it for its source; empty when it names no source. */
export async function learnFromFile(article: Pick<ParsedArticle, "dateline" | "changes" | "rawText">, client: Client = db) {
  const source = sourceOf(article);
  return source ? learntLines(await countFileLines(source, article.rawText, client)) : new Map<string, number>();
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
