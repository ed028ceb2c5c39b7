// Import records and the draft articles they become: stage a file for review, re-run the pipeline
// with the editor's undos and corrections, accept (one transaction: article, version, first
// revision, record, and the tag scan it owes) or reject, and the one-shot path the CLI and the seed
// take. Every path that writes a text takes the same lock on its hash, so duplicates are seen.
import "server-only";
import { createHash } from "node:crypto";
import { writeAudit } from "@/lib/audit/log";
import { slugify } from "@/lib/articles/slug";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { importWireText, similarity, type Change, type ParsedArticle } from "@/lib/import";
import type { AgencyForm } from "@/lib/import/agencies";
import { sourceOfText } from "@/lib/import/boilerplate";
import { decodeWireBytes } from "@/lib/import/decode";
import { signatureBands, signatureForStorage } from "@/lib/import/fingerprint";
import { findLosses } from "@/lib/import/losses";
import { parseInPool } from "@/lib/import/parse-pool";
import { documentFromParagraphs } from "@/lib/rich-text/document";
import { ARTICLE_LANGUAGES } from "@/lib/i18n/languages";
import { applySourceDefaults } from "@/lib/ingest/defaults";
import { Refusal, type RefusalReason } from "@/lib/refusal";
import type { ImportOverrides } from "./schema";
import { listAgencyForms } from "./agencies";
import { keepRestoredLines, learnBeforeParse, learnFromText } from "./boilerplate";
import { allocateSlugs } from "./slugs";

export const NEAR_DUPLICATE_THRESHOLD = 0.7;

/** An article with the same or a similar text, or (waiting) another upload not yet reviewed. */
export type DuplicateMatch =
  { articleId: string; title: string; language: string; similarity: number; exact: boolean; waiting?: false } | WaitingDuplicate;
export type WaitingDuplicate = {
  recordId: string;
  fileName: string;
  title: string;
  language: string;
  similarity: number;
  exact: boolean;
  waiting: true;
};
export type StoredResult = Omit<ParsedArticle, "rawText">;
/** What duplicates are looked up by: the hash and MinHash a record stores. */
type Fingerprint = { contentHash: string; nearDuplicateSignature: number[]; nearDuplicateBands: number[] };

/** Why an accept was refused when the text became an article meanwhile: that article, to link to. */
export type AcceptRefusal = { duplicateOf?: { articleId: string; title: string; language: string } };

type Tx = Prisma.TransactionClient;

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function parse(bytes: Uint8Array, revertChanges: readonly string[] = []): ParsedArticle {
  const result = importWireText(bytes, { revertChanges });
  if (!result.ok) throw Refusal.from(result.refusal);
  return result.article;
}

/**
 * The pipeline in the server's worker pool (never on a thread that serves requests), within its
 * time budget; a file over it is refused with import.refused.tooSlow, the others go on.
 */
async function parseOffThread(
  bytes: Uint8Array,
  fileName: string,
  revertChanges: readonly string[] = [],
  boilerplate?: ReadonlyMap<string, number>,
  agencyForms?: readonly AgencyForm[],
): Promise<ParsedArticle> {
  const result = await parseInPool({ name: fileName, bytes, revertChanges, boilerplate, agencyForms });
  if (result.ok) return result.article;
  throw Refusal.from(result.refusal);
}

function storedResult({ rawText: _rawText, ...rest }: ParsedArticle): StoredResult {
  return rest;
}

type DuplicateSearch = { client?: Tx | typeof db; waiting?: boolean; exceptRecordId?: string };

/** findDuplicatesOf for a pipeline result. */
export async function findDuplicates(
  article: Pick<ParsedArticle, "hash" | "nearDuplicateSignature">,
  search: DuplicateSearch = {},
): Promise<DuplicateMatch[]> {
  return findDuplicatesOf(fingerprintOf(article), search);
}

function fingerprintOf(article: Pick<ParsedArticle, "hash" | "nearDuplicateSignature">): Fingerprint {
  return {
    contentHash: article.hash,
    nearDuplicateSignature: signatureForStorage(article.nearDuplicateSignature),
    nearDuplicateBands: signatureBands(article.nearDuplicateSignature),
  };
}

/**
 * Accepted articles with the same or a similar text, best first; with `waiting`, also the other
 * uploads still waiting for review (a warning only: accepting one of them makes the others duplicates).
 */
export async function findDuplicatesOf(
  fingerprint: Fingerprint,
  { client = db, waiting = false, exceptRecordId }: DuplicateSearch = {},
): Promise<DuplicateMatch[]> {
  const candidates = await client.importRecord.findMany({
    where: {
      OR: [{ status: "ACCEPTED", articleId: { not: null } }, ...(waiting ? [{ status: "PENDING_REVIEW" as const }] : [])],
      ...(exceptRecordId ? { id: { not: exceptRecordId } } : {}),
      AND: { OR: [{ contentHash: fingerprint.contentHash }, { nearDuplicateBands: { hasSome: fingerprint.nearDuplicateBands } }] },
    },
    select: {
      id: true,
      fileName: true,
      status: true,
      articleId: true,
      contentHash: true,
      nearDuplicateSignature: true,
      overrides: true,
      result: true,
      article: { select: { versions: { select: { title: true, language: true }, take: 1 } } },
    },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  const matches = new Map<string, DuplicateMatch>();
  for (const candidate of candidates) {
    const exact = candidate.contentHash === fingerprint.contentHash;
    const score = exact ? 1 : similarity(fingerprint.nearDuplicateSignature, candidate.nearDuplicateSignature);
    if (score < NEAR_DUPLICATE_THRESHOLD) continue;
    const match: DuplicateMatch | null =
      candidate.status === "ACCEPTED" && candidate.articleId
        ? {
            articleId: candidate.articleId,
            title: candidate.article?.versions[0]?.title ?? "",
            language: candidate.article?.versions[0]?.language ?? "",
            similarity: score,
            exact,
          }
        : candidate.status === "PENDING_REVIEW"
          ? { recordId: candidate.id, fileName: candidate.fileName, ...waitingTitle(candidate), similarity: score, exact, waiting: true }
          : null;
    if (!match) continue;
    const key = match.waiting ? `record:${match.recordId}` : match.articleId;
    const previous = matches.get(key);
    if (!previous || previous.similarity < score) matches.set(key, match);
  }
  // Articles first (they block an accept), then waiting uploads; each by similarity.
  return [...matches.values()].sort((a, b) => Number(a.waiting ?? false) - Number(b.waiting ?? false) || b.similarity - a.similarity);
}

/** A waiting record's title and language as the editor corrected them, else as the pipeline read them. */
function waitingTitle(record: { overrides: Prisma.JsonValue; result: Prisma.JsonValue }): { title: string; language: string } {
  const overrides = (record.overrides ?? {}) as ImportOverrides;
  const result = (record.result ?? {}) as Partial<StoredResult>;
  return { title: overrides.title ?? result.title ?? "", language: overrides.language ?? result.language ?? "" };
}

/** Exact copies already in the CMS: content hash -> article id. One indexed lookup for many hashes. */
export async function findExactDuplicates(hashes: readonly string[], client: Tx | typeof db = db): Promise<Map<string, string>> {
  const records = await client.importRecord.findMany({
    where: { status: "ACCEPTED", articleId: { not: null }, contentHash: { in: [...new Set(hashes)] } },
    select: { contentHash: true, articleId: true },
    orderBy: { createdAt: "asc" },
  });
  const found = new Map<string, string>();
  for (const record of records) if (record.articleId && !found.has(record.contentHash)) found.set(record.contentHash, record.articleId);
  return found;
}

export type StagedRecord = { recordId: string; article: StoredResult; duplicates: DuplicateMatch[]; alreadyStored: boolean };

/**
 * Parses a file and keeps it, with its bytes, as a record waiting for review; nothing is written for
 * a refused file. Duplicates include the uploads still waiting for review, earlier ones of the same
 * batch too (the hash lock orders two copies sent at once). With an upload key, the same upload sent
 * again (a retry after a lost answer) gets its stored record back instead of a second one.
 */
export async function stageImport(
  file: { name: string; bytes: Uint8Array },
  actorId: string | null,
  uploadKey?: string,
): Promise<StagedRecord> {
  const article = await parseWithLearntBoilerplate(file);
  const fields = fileRecordFields(file, article);
  return db.$transaction(
    async (tx) => {
      await lockContentHashes(tx, [article.hash]);
      if (uploadKey) {
        const stored = await findStagedUpload(uploadKey, actorId, tx);
        if (stored) return stored;
      }
      const duplicates = await findDuplicatesOf(fields, { client: tx, waiting: true });
      const record = await tx.importRecord.create({ data: { ...fields, uploadKey, importedById: actorId }, select: { id: true } });
      return { recordId: record.id, article: storedResult(article), duplicates, alreadyStored: false };
    },
    // Uploads of one text wait for each other's lock: give them time rather than fail. A 2 MB
    // file's record holds up to ~15 MB of JSON (its result and proposed changes): twenty such
    // uploads at once on a 2-core server took over 30 s to write (the bench's hostile row), and
    // were refused with a generic error although nothing was wrong with them.
    { maxWait: 15_000, timeout: 120_000 },
  );
}

/**
 * The file's lines counted for its source first (a lookup per line), then one parse with the lines
 * its source prints in many files removed. A Word file, saved page or mail part is read in the
 * pool: counted from its text after, and parsed again only when some of its lines are learnt.
 */
async function parseWithLearntBoilerplate(file: { name: string; bytes: Uint8Array }): Promise<ParsedArticle> {
  const agencyForms = await listAgencyForms();
  const learntFirst = await learnBeforeParse({ ...file, agencyForms });
  if (learntFirst) return parseOffThread(file.bytes, file.name, [], learntFirst, agencyForms);
  const article = await parseOffThread(file.bytes, file.name, [], undefined, agencyForms);
  const learnt = await learnFromText(article.rawText, agencyForms);
  return learnt.size > 0 ? parseOffThread(file.bytes, file.name, [], learnt, agencyForms) : article;
}

/** A record stored before its wire text was kept was plain text: its bytes decoded, as the pipeline did. */
function storedWireText(bytes: Uint8Array): string | null {
  const decoded = decodeWireBytes(bytes);
  return decoded.ok ? decoded.text : null;
}

/** The record an upload key made for this person, with its duplicates as they are now; null when none. */
export async function findStagedUpload(
  uploadKey: string,
  actorId: string | null,
  client: Tx | typeof db = db,
): Promise<StagedRecord | null> {
  const record = await client.importRecord.findFirst({
    where: { uploadKey, importedById: actorId },
    select: { id: true, status: true, result: true, contentHash: true, nearDuplicateSignature: true, nearDuplicateBands: true },
  });
  if (!record) return null;
  const duplicates =
    record.status === "PENDING_REVIEW" ? await findDuplicatesOf(record, { client, waiting: true, exceptRecordId: record.id }) : [];
  return { recordId: record.id, article: record.result as unknown as StoredResult, duplicates, alreadyStored: true };
}

/**
 * Re-runs the pipeline on the kept bytes with the editor's undo list and what the source's files
 * teach now (a line that became boilerplate since the upload goes too, added to the proposed
 * changes), and stores corrections. A learnt removal undone is kept for good for the source.
 */
export async function reviseImport(recordId: string, revertedChanges: string[], overrides: ImportOverrides) {
  const record = await db.importRecord.findUniqueOrThrow({
    where: { id: recordId },
    select: { rawBytes: true, fileName: true, status: true, wireText: true, result: true, proposedChanges: true },
  });
  if (record.status !== "PENDING_REVIEW") throw new Refusal("errors.import.alreadyReviewed");
  const stored = record.result as unknown as StoredResult;
  const proposed = (record.proposedChanges ?? stored.changes) as Change[];
  const wireText = record.wireText ?? storedWireText(record.rawBytes);
  const agencyForms = await listAgencyForms();
  const undone = new Set(revertedChanges);
  await keepRestoredLines(
    wireText === null ? null : sourceOfText(wireText, agencyForms),
    proposed.filter((change) => undone.has(change.id)),
  );
  const learnt = wireText === null ? new Map<string, number>() : await learnFromText(wireText, agencyForms);
  const article = await parseOffThread(record.rawBytes, record.fileName, revertedChanges, learnt, agencyForms);
  const known = new Set(proposed.map((change) => change.id));
  const updated = await db.importRecord.updateMany({
    where: { id: recordId, status: "PENDING_REVIEW" },
    data: {
      proposedChanges: [...proposed, ...article.changes.filter((change) => !known.has(change.id))] as unknown as Prisma.InputJsonValue,
      result: storedResult(article) as unknown as Prisma.InputJsonValue,
      contentHash: article.hash,
      nearDuplicateSignature: signatureForStorage(article.nearDuplicateSignature),
      nearDuplicateBands: signatureBands(article.nearDuplicateSignature),
      revertedChanges,
      overrides: overrides as Prisma.InputJsonValue,
    },
  });
  if (updated.count === 0) throw new Refusal("errors.import.alreadyReviewed");
  return article;
}

/** Reads a waiting record again as it stands (its undos and corrections kept): after the registry grew. */
export async function rereadImport(recordId: string) {
  const record = await db.importRecord.findUnique({ where: { id: recordId }, select: { revertedChanges: true, overrides: true } });
  if (!record) throw new Refusal("errors.import.notFound");
  return reviseImport(recordId, record.revertedChanges, (record.overrides ?? {}) as ImportOverrides);
}

/**
 * Turns a reviewed record into a draft article; all of it or nothing, the tag scan it owes included
 * (pending_tag_scans, done by runPendingTagScans). Two accepts of one text, or of a text the CLI is
 * importing, take the same lock on its hash, so the second sees the first's article and is refused
 * with it (errors.import.duplicate, the article as data) unless the editor ticked "import anyway".
 */
/**
 * `confirmedLosses`: the ids of flagged removals (lib/import/losses.ts) the editor ticked as checked;
 * an applied one left unticked refuses the accept, whatever the screen sent.
 */
export async function acceptImport(
  recordId: string,
  actorId: string,
  options: { allowDuplicate?: boolean; ip?: string; confirmedLosses?: readonly string[] } = {},
) {
  return retryOnSlugClash(() =>
    db.$transaction(
      async (tx) => {
        // Claim the record first: a second accept of the same record finds nothing to claim.
        const claimed = await tx.importRecord.updateMany({
          where: { id: recordId, status: "PENDING_REVIEW" },
          data: { status: "ACCEPTED", reviewedById: actorId, reviewedAt: new Date() },
        });
        if (claimed.count === 0) throw new Refusal("errors.import.alreadyReviewed");
        const record = await tx.importRecord.findUniqueOrThrow({ where: { id: recordId } });
        const unconfirmed = findLosses(...keptAndChanges(record.result as unknown as StoredResult)).filter(
          (loss) => !options.confirmedLosses?.includes(loss.changeId),
        );
        if (unconfirmed.length > 0) throw new Refusal("errors.import.unconfirmedLoss", { params: { count: unconfirmed.length } });
        await lockContentHashes(tx, [record.contentHash]);
        if (!options.allowDuplicate) {
          const [duplicate] = await findDuplicatesOf(record, { client: tx });
          if (duplicate && !duplicate.waiting) {
            const { articleId, title, language } = duplicate;
            throw new Refusal("errors.import.duplicate", { data: { duplicateOf: { articleId, title, language } } satisfies AcceptRefusal });
          }
        }
        // The stored result is the pipeline's run with this record's undo list (reviseImport keeps
        // them together): no parsing inside the transaction or on the request's thread.
        const article = record.result as unknown as StoredResult;
        const articleId = await createDraftArticle(tx, article, (record.overrides ?? {}) as ImportOverrides, actorId, record.fileName);
        await tx.importRecord.update({ where: { id: recordId }, data: { articleId } });
        await applySourceDefaults(tx, recordId, articleId);
        await tx.pendingTagScan.create({ data: { articleId } });
        await writeAudit(
          {
            actorId,
            action: "import.accept",
            entityType: "article",
            entityId: articleId,
            details: { file: record.fileName, importId: recordId },
            ip: options.ip,
          },
          tx,
        );
        return { articleId };
      },
      // Accepts of one text wait for each other's lock: give them time rather than fail.
      { maxWait: 15_000, timeout: 30_000 },
    ),
  );
}

/** A stored result's applied changes and the text it keeps, as findLosses reads them. */
export function keptAndChanges(result: StoredResult): [StoredResult["changes"], string] {
  const kept = [result.title, result.lead ?? "", ...result.paragraphs, ...result.captions.map((caption) => caption.text)];
  return [result.changes, kept.join("\n")];
}

/**
 * Runs a write again when it lost a slug to a concurrent write that allocateSlugs could not see
 * (an editor renaming a draft meanwhile); the next try sees the committed slug and takes another.
 */
async function retryOnSlugClash<T>(write: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts || !isSlugClash(error)) throw error;
    }
  }
}

function isSlugClash(error: unknown): boolean {
  return (
    error instanceof Error &&
    "code" in error &&
    error.code === "P2002" &&
    /slug/.test(`${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}`)
  );
}

export async function rejectImport(recordId: string, actorId: string, ip?: string) {
  await db.$transaction(async (tx) => {
    const rejected = await tx.importRecord.updateMany({
      where: { id: recordId, status: "PENDING_REVIEW" },
      data: { status: "REJECTED", reviewedById: actorId, reviewedAt: new Date() },
    });
    if (rejected.count === 0) throw new Refusal("errors.import.alreadyReviewed");
    await writeAudit({ actorId, action: "import.reject", entityType: "import", entityId: recordId, ip }, tx);
  });
}

export type DirectImportOutcome =
  { status: "created"; articleId: string } | { status: "duplicate"; articleId: string } | { status: "failed"; refusal: RefusalReason };

/** The seed's path, one file: parse, skip exact duplicates, create the draft, in one transaction. The CLI imports many files through importMany (batch.ts). */
export async function importDirectly(file: { name: string; bytes: Uint8Array }, actorId: string | null): Promise<DirectImportOutcome> {
  let article: ParsedArticle;
  try {
    article = parse(file.bytes);
  } catch (error) {
    if (error instanceof Refusal) return { status: "failed", refusal: error.reason };
    throw error;
  }
  return importParsed(file, article, actorId);
}

/** importDirectly after the pipeline: one transaction; unexpected database errors are thrown. */
export async function importParsed(
  file: { name: string; bytes: Uint8Array },
  article: ParsedArticle,
  actorId: string | null,
): Promise<DirectImportOutcome> {
  try {
    return await retryOnSlugClash(() =>
      db.$transaction(async (tx) => {
        await lockContentHashes(tx, [article.hash]);
        const existing = (await findExactDuplicates([article.hash], tx)).get(article.hash);
        if (existing) return { status: "duplicate", articleId: existing } as const;
        const articleId = await createDraftArticle(tx, article, {}, actorId, file.name);
        await tx.importRecord.create({ data: acceptedImportRecord(file, article, articleId, actorId) });
        await writeAudit(cliImportAudit(file.name, articleId, actorId), tx);
        return { status: "created", articleId } as const;
      }),
    );
  } catch (error) {
    if (error instanceof Refusal) return { status: "failed", refusal: error.reason };
    throw error;
  }
}

/** Serialises imports of the same texts so two parallel runs cannot both create one (sorted: no deadlock). */
export async function lockContentHashes(tx: Tx, hashes: readonly string[]): Promise<void> {
  const sorted = [...new Set(hashes)].sort();
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(hash)) FROM unnest(${sorted}::text[]) AS hash`;
}

/** What every import record keeps of its file: the bytes, the text read from them, their hashes and the pipeline's result. */
function fileRecordFields(file: { name: string; bytes: Uint8Array }, article: ParsedArticle) {
  return {
    fileName: file.name,
    byteSize: file.bytes.byteLength,
    rawBytes: new Uint8Array(file.bytes),
    // What the reader made of the bytes (a Word file's paragraphs): the review shows it as it is.
    wireText: article.rawText,
    sourceHash: sha256(file.bytes),
    contentHash: article.hash,
    nearDuplicateSignature: signatureForStorage(article.nearDuplicateSignature),
    nearDuplicateBands: signatureBands(article.nearDuplicateSignature),
    result: storedResult(article) as unknown as Prisma.InputJsonValue,
    // Staged and CLI files are parsed with nothing undone: their changes are the full list.
    proposedChanges: article.changes as unknown as Prisma.InputJsonValue,
  };
}

/** The import record of a file the CLI imported straight into a draft (accepted, bytes kept). */
export function acceptedImportRecord(
  file: { name: string; bytes: Uint8Array },
  article: ParsedArticle,
  articleId: string,
  actorId: string | null,
) {
  return {
    articleId,
    ...fileRecordFields(file, article),
    status: "ACCEPTED" as const,
    importedById: actorId,
    reviewedById: actorId,
    reviewedAt: new Date(),
  } satisfies Prisma.ImportRecordUncheckedCreateInput;
}

export function cliImportAudit(fileName: string, articleId: string, actorId: string | null) {
  return { actorId, action: "import.accept", entityType: "article", entityId: articleId, details: { file: fileName, via: "cli" } };
}

/** A draft version's fields for a parsed article with the editor's corrections, before its slug is chosen. */
export function draftVersion(article: StoredResult, overrides: ImportOverrides) {
  const language = overrides.language ?? article.language;
  if (!(ARTICLE_LANGUAGES as readonly string[]).includes(language)) throw new Refusal("errors.import.languageUnknown");
  const title = overrides.title ?? article.title;
  const date =
    overrides.date === undefined
      ? article.date
      : overrides.date === null
        ? null
        : { value: overrides.date, precision: overrides.date.length === 4 ? "year" : overrides.date.length === 7 ? "month" : "day" };
  const fields = {
    title,
    standfirst: article.lead,
    datelinePlace: article.dateline?.place || null,
    sourceAgency: article.dateline?.source ?? null,
    storyDate: date?.value ?? null,
    storyDatePrecision: date ? (date.precision.toUpperCase() as "DAY" | "MONTH" | "YEAR") : null,
    bodyJson: documentFromParagraphs(article.paragraphs, article.captions),
    bodyText: [article.lead ?? "", ...article.paragraphs].filter(Boolean).join("\n"),
  };
  return { language, slugBase: slugify(title), fields };
}

async function createDraftArticle(
  tx: Tx,
  article: StoredResult,
  overrides: ImportOverrides,
  actorId: string | null,
  fileName: string,
): Promise<string> {
  const { language, slugBase, fields } = draftVersion(article, overrides);
  const [slug] = await allocateSlugs(tx, [{ language, base: slugBase }]);
  const snapshot = { ...fields, slug: slug! };
  const created = await tx.article.create({
    data: {
      sourceLanguage: language,
      createdById: actorId,
      versions: { create: { language, status: "DRAFT", updatedById: actorId, ...snapshot } },
    },
    select: { id: true, versions: { select: { id: true } } },
  });
  await tx.revision.create({
    data: {
      versionId: created.versions[0]!.id,
      number: 1,
      authorId: actorId,
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
      note: `Imported from ${fileName}`,
    },
  });
  return created.id;
}
