// Bulk import (the CLI's path): many wire files into draft articles, written in chunks of one
// transaction and one multi-row INSERT per table each. Same guarantees as importDirectly per file:
// exact duplicates skipped (within the batch too), a bad file refused alone, nothing half-written.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ImportResult, ParsedArticle } from "@/lib/import";
import { BATCH_SOURCE, BatchLines, learntLines, probeFile, probeText, type LineProbe } from "@/lib/import/boilerplate";
import type { AgencyForm } from "@/lib/import/agencies";
import { parseFiles } from "@/lib/import/parse-files";
import { Refusal } from "@/lib/refusal";
import {
  acceptedImportRecord,
  cliImportAudit,
  draftVersion,
  findExactDuplicates,
  importParsed,
  lockContentHashes,
  type DirectImportOutcome,
} from "./service";
import { listAgencyForms } from "./agencies";
import { countFilesLines } from "./boilerplate";
import { allocateSlugs, type SearchedSlugs } from "./slugs";

export type ImportFile = {
  name: string;
  bytes: Uint8Array;
  boilerplate?: ReadonlyMap<string, number>;
  agencyForms?: readonly AgencyForm[];
};
/** Runs the pipeline on files, results in the same order (in this thread, or a worker pool's). */
export type Parser = (files: readonly ImportFile[]) => Promise<ImportResult[]>;

export type ImportManyOptions = {
  parse?: Parser;
  /** Files per transaction. */
  chunkSize?: number;
  /** A chunk also closes past this many bytes of files (the original bytes are stored). */
  chunkBytes?: number;
  /** Called once per file, in the files' order, as soon as its outcome is known. */
  onOutcome?: (index: number, outcome: DirectImportOutcome) => void;
};

type Entry = { index: number; file: ImportFile; article: ParsedArticle };
type Draft = Entry & ReturnType<typeof draftVersion>;

export const parseInThisThread: Parser = async (files) => parseFiles(files);

/** Imports the files in order; one outcome per file, in the same order. */
export async function importMany(
  files: readonly ImportFile[],
  actorId: string | null,
  options: ImportManyOptions = {},
): Promise<DirectImportOutcome[]> {
  const { parse = parseInThisThread, chunkSize = 100, chunkBytes = 8 * 1024 * 1024 } = options;
  const outcomes: DirectImportOutcome[] = [];
  const chunks = splitIntoChunks(files, chunkSize, chunkBytes);
  let reported = 0;
  const report = () => {
    for (; reported < files.length && outcomes[reported] !== undefined; reported++) options.onOutcome?.(reported, outcomes[reported]!);
  };
  let deferred: Entry[] = [];
  const searchedSlugs: SearchedSlugs = new Map();
  const batchLines = new BatchLines();
  const agencyForms = await listAgencyForms();
  // Each file's lines are counted before its one parse; the pipeline of the next chunk runs (in
  // the pool) while this one is written.
  const parseChunk = async (chunk: readonly ImportFile[]) => {
    const probes = chunk.map((file) => probeFile({ ...file, agencyForms }));
    const learnt = await learntForEach(probes, batchLines);
    const results = await parse(
      chunk.map((file, offset) => ({ ...file, agencyForms, ...(learnt[offset]?.size ? { boilerplate: learnt[offset] } : {}) })),
    );
    return { results, probed: probes.map((probe) => probe !== null) };
  };
  let parsing = chunks.length > 0 ? parseChunk(chunks[0]!.files) : null;
  for (const [position, chunk] of chunks.entries()) {
    const { results, probed } = await parsing!;
    parsing = position + 1 < chunks.length ? parseChunk(chunks[position + 1]!.files) : null;
    const entries: Entry[] = [...deferred];
    const learnt = await removeLearntLines(
      chunk.files.map((file) => ({ ...file, agencyForms })),
      results,
      probed,
      parse,
      batchLines,
    );
    learnt.forEach((result, offset) => {
      const index = chunk.start + offset;
      if (result.ok) entries.push({ index, file: files[index]!, article: result.article });
      else outcomes[index] = { status: "failed", refusal: result.refusal };
    });
    deferred = await writeChunk(entries, actorId, outcomes, searchedSlugs);
    report();
  }
  while (deferred.length > 0) {
    deferred = await writeChunk(deferred, actorId, outcomes, searchedSlugs);
    report();
  }
  return outcomes;
}

/**
 * Each probed file's learnt lines, in the files' order: counted for its agency in the database
 * (the chunk's files in one statement), else in the batch's own counts.
 */
async function learntForEach(probes: readonly (LineProbe | null)[], batchLines: BatchLines): Promise<(Map<string, number> | null)[]> {
  const sourced = probes.flatMap((probe) => (probe?.source ? [{ source: probe.source, text: probe.text, keys: probe.keys }] : []));
  const counted = sourced.length > 0 ? await countFilesLines(sourced) : [];
  let next = 0;
  return probes.map((probe) => {
    if (!probe) return null;
    if (probe.source) return learntLines(counted[next++]!);
    return learntLines(batchLines.add(BATCH_SOURCE, probe.text, probe.keys));
  });
}

/**
 * The files whose text a reader extracted in the pool (Word, saved page, mail part) are counted
 * from it after their parse, and parsed again when some of their lines are learnt.
 */
async function removeLearntLines(
  files: readonly ImportFile[],
  results: ImportResult[],
  probed: readonly boolean[],
  parse: Parser,
  batchLines: BatchLines,
): Promise<ImportResult[]> {
  const again: { offset: number; file: ImportFile & { boilerplate: Map<string, number> } }[] = [];
  const unprobed = results.map((result, offset) =>
    result.ok && !probed[offset] ? probeText(result.article.rawText, files[offset]!.agencyForms) : null,
  );
  (await learntForEach(unprobed, batchLines)).forEach((learnt, offset) => {
    if (learnt && learnt.size > 0) again.push({ offset, file: { ...files[offset]!, boilerplate: learnt } });
  });
  if (again.length === 0) return results;
  const reparsed = await parse(again.map(({ file }) => file));
  const merged = [...results];
  again.forEach(({ offset }, position) => (merged[offset] = reparsed[position]!));
  return merged;
}

function splitIntoChunks(files: readonly ImportFile[], size: number, maxBytes: number): { start: number; files: ImportFile[] }[] {
  const chunks: { start: number; files: ImportFile[] }[] = [];
  let bytes = Infinity;
  files.forEach((file, index) => {
    const last = chunks.at(-1);
    if (!last || last.files.length >= size || bytes + file.bytes.byteLength > maxBytes) {
      chunks.push({ start: index, files: [file] });
      bytes = file.bytes.byteLength;
    } else {
      last.files.push(file);
      bytes += file.bytes.byteLength;
    }
  });
  return chunks;
}

/**
 * Writes one chunk in one transaction. A second copy of a text already in this chunk waits for
 * the next one (returned), where the first copy's committed record makes it a duplicate. When the
 * transaction fails, the chunk is redone file by file, so only the bad file is refused.
 */
async function writeChunk(
  entries: readonly Entry[],
  actorId: string | null,
  outcomes: DirectImportOutcome[],
  searchedSlugs: SearchedSlugs,
): Promise<Entry[]> {
  const hashes = new Set<string>();
  const later: Entry[] = [];
  const drafts: Draft[] = [];
  for (const entry of entries) {
    if (hashes.has(entry.article.hash)) {
      later.push(entry);
      continue;
    }
    hashes.add(entry.article.hash);
    try {
      drafts.push({ ...entry, ...draftVersion(entry.article, {}) });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      outcomes[entry.index] = { status: "failed", refusal: error.reason };
    }
  }
  if (drafts.length === 0) return later;
  try {
    const written = await db.$transaction((tx) => insertDrafts(tx, drafts, actorId, searchedSlugs), { timeout: 120_000, maxWait: 30_000 });
    drafts.forEach((draft, position) => (outcomes[draft.index] = written[position]!));
  } catch {
    for (const draft of drafts) {
      outcomes[draft.index] = await importParsed(draft.file, draft.article, actorId).catch((error: unknown) => ({
        status: "failed" as const,
        refusal: {
          code: "import.refused.notSaved" as const,
          params: { cause: (error instanceof Error ? error.message : String(error)).trim().split("\n").at(-1) ?? "" },
        },
      }));
    }
  }
  return later;
}

async function insertDrafts(
  tx: Prisma.TransactionClient,
  drafts: readonly Draft[],
  actorId: string | null,
  searchedSlugs: SearchedSlugs,
): Promise<DirectImportOutcome[]> {
  await lockContentHashes(
    tx,
    drafts.map((draft) => draft.article.hash),
  );
  const existing = await findExactDuplicates(
    drafts.map((draft) => draft.article.hash),
    tx,
  );
  const fresh = drafts.filter((draft) => !existing.has(draft.article.hash));
  const slugs = await allocateSlugs(
    tx,
    fresh.map((draft) => ({ language: draft.language, base: draft.slugBase })),
    searchedSlugs,
  );
  const rows = fresh.map((draft, position) => ({
    draft,
    articleId: newId(),
    versionId: newId(),
    version: { ...draft.fields, slug: slugs[position]! },
  }));
  if (rows.length > 0) await insertRows(tx, rows, actorId);
  const created = new Map(rows.map(({ draft, articleId }) => [draft.index, articleId]));
  return drafts.map((draft) => {
    const duplicateOf = existing.get(draft.article.hash);
    return duplicateOf ? { status: "duplicate", articleId: duplicateOf } : { status: "created", articleId: created.get(draft.index)! };
  });
}

type Row = { draft: Draft; articleId: string; versionId: string; version: Draft["fields"] & { slug: string } };

/**
 * Articles, versions, first revisions, import records and audit entries, one INSERT … SELECT FROM
 * jsonb_to_recordset each, the chunk's rows one JSON parameter: Prisma's createMany walked every
 * JSON body value by value in this thread (~2 ms an article) and compiled a plan holding every row
 * (a tenth of the writing thread's time for articles and audit entries alone), and a parameter per
 * column had Prisma and pg copy and escape every value of every array again.
 */
async function insertRows(tx: Prisma.TransactionClient, rows: readonly Row[], actorId: string | null): Promise<void> {
  const articles = rows.map(({ draft, articleId }) => ({ id: articleId, source_language: draft.language }));
  const audit = rows.map(({ draft, articleId }) => {
    const entry = cliImportAudit(draft.file.name, articleId, actorId);
    return { action: entry.action, entity_type: entry.entityType, entity_id: entry.entityId, details: entry.details };
  });
  const versions = rows.map(({ draft, articleId, versionId, version }) => ({
    id: versionId,
    article_id: articleId,
    language: draft.language,
    title: version.title,
    slug: version.slug,
    standfirst: version.standfirst,
    dateline_place: version.datelinePlace,
    source_agency: version.sourceAgency,
    story_date: version.storyDate,
    story_date_precision: version.storyDatePrecision,
    body_json: version.bodyJson,
    body_text: version.bodyText,
  }));
  const revisions = rows.map(({ draft, versionId, version }) => ({
    id: newId(),
    version_id: versionId,
    snapshot: version,
    note: `Imported from ${draft.file.name}`,
  }));
  const records = rows.map(({ draft, articleId }) => {
    const record = acceptedImportRecord(draft.file, draft.article, articleId, actorId);
    return {
      id: newId(),
      article_id: record.articleId,
      file_name: record.fileName,
      byte_size: record.byteSize,
      raw_bytes: Buffer.from(record.rawBytes).toString("base64"),
      wire_text: record.wireText,
      source_hash: record.sourceHash,
      content_hash: record.contentHash,
      signature: record.nearDuplicateSignature,
      bands: record.nearDuplicateBands,
      result: record.result,
    };
  });
  await tx.$executeRaw`
    INSERT INTO articles (id, source_language, created_by_id, updated_at)
    SELECT id, source_language, ${actorId}, now() FROM jsonb_to_recordset(${JSON.stringify(articles)}::jsonb) AS r(id text, source_language text)`;
  await tx.$executeRaw`
    INSERT INTO article_versions (id, article_id, language, status, title, slug, standfirst, dateline_place, source_agency, story_date, story_date_precision, body_json, body_text, updated_by_id, updated_at)
    SELECT id, article_id, language, 'DRAFT', title, slug, standfirst, dateline_place, source_agency, story_date, story_date_precision::"DatePrecision", body_json, body_text, ${actorId}, now()
    FROM jsonb_to_recordset(${JSON.stringify(versions)}::jsonb)
      AS r(id text, article_id text, language text, title text, slug text, standfirst text, dateline_place text, source_agency text, story_date text, story_date_precision text, body_json jsonb, body_text text)`;
  await tx.$executeRaw`
    INSERT INTO revisions (id, version_id, number, author_id, snapshot, note)
    SELECT id, version_id, 1, ${actorId}, snapshot, note
    FROM jsonb_to_recordset(${JSON.stringify(revisions)}::jsonb) AS r(id text, version_id text, snapshot jsonb, note text)`;
  await tx.$executeRaw`
    INSERT INTO import_records (id, article_id, file_name, byte_size, raw_bytes, wire_text, source_hash, content_hash, near_duplicate_signature, near_duplicate_bands, result, status, imported_by_id, reviewed_by_id, reviewed_at)
    SELECT id, article_id, file_name, byte_size, decode(raw_bytes, 'base64'), wire_text, source_hash, content_hash, signature, bands, result, 'ACCEPTED', ${actorId}, ${actorId}, now()
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
      AS r(id text, article_id text, file_name text, byte_size int, raw_bytes text, wire_text text, source_hash text, content_hash text, signature int[], bands int[], result jsonb)`;
  await tx.$executeRaw`
    INSERT INTO audit_log (actor_id, action, entity_type, entity_id, details)
    SELECT ${actorId}, action, entity_type, entity_id, details
    FROM jsonb_to_recordset(${JSON.stringify(audit)}::jsonb) AS r(action text, entity_type text, entity_id text, details jsonb)`;
}

let sequence = 0;

/** cuid-shaped ids made here, as createMany returns none and the rows of a chunk refer to each other. */
function newId(): string {
  sequence = (sequence + 1) % 36 ** 4;
  return `c${Date.now().toString(36)}${sequence.toString(36).padStart(4, "0")}${BigInt(`0x${randomBytes(8).toString("hex")}`)
    .toString(36)
    .padStart(12, "0")
    .slice(-12)}`;
}
