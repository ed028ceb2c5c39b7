// Import records and the draft articles they become: stage a file for review, re-run the pipeline
// with the editor's undos and corrections, accept (one transaction: article, version, first
// revision, record) or reject, and the one-shot path the CLI and the seed take.
import { createHash } from "node:crypto";
import { writeAudit } from "@/lib/audit/log";
import { slugify } from "@/lib/articles/slug";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { importWireText, similarity, type ParsedArticle } from "@/lib/import";
import { signatureBands, signatureForStorage } from "@/lib/import/fingerprint";
import { documentFromParagraphs } from "@/lib/rich-text/document";
import { ARTICLE_LANGUAGES, type ImportOverrides } from "./schema";
import { allocateSlugs } from "./slugs";

export const NEAR_DUPLICATE_THRESHOLD = 0.7;

export type DuplicateMatch = { articleId: string; title: string; language: string; similarity: number; exact: boolean };
export type StoredResult = Omit<ParsedArticle, "rawText">;

export class ImportRefusedError extends Error {}

type Tx = Prisma.TransactionClient;

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function parse(bytes: Uint8Array, fileName: string, revertChanges: readonly string[] = []): ParsedArticle {
  const result = importWireText(bytes, { fileName, revertChanges });
  if (!result.ok) throw new ImportRefusedError(result.error);
  return result.article;
}

function storedResult({ rawText: _rawText, ...rest }: ParsedArticle): StoredResult {
  return rest;
}

/** Articles already in the CMS with the same text, or nearly (MinHash bands, then the estimate). */
export async function findDuplicates(article: Pick<ParsedArticle, "hash" | "nearDuplicateSignature">, client: Tx | typeof db = db): Promise<DuplicateMatch[]> {
  const signature = signatureForStorage(article.nearDuplicateSignature);
  const candidates = await client.importRecord.findMany({
    where: {
      status: "ACCEPTED",
      articleId: { not: null },
      OR: [{ contentHash: article.hash }, { nearDuplicateBands: { hasSome: signatureBands(article.nearDuplicateSignature) } }],
    },
    select: { articleId: true, contentHash: true, nearDuplicateSignature: true, article: { select: { versions: { select: { title: true, language: true }, take: 1 } } } },
    take: 50,
  });
  const matches = new Map<string, DuplicateMatch>();
  for (const candidate of candidates) {
    const exact = candidate.contentHash === article.hash;
    const score = exact ? 1 : similarity(signature, candidate.nearDuplicateSignature);
    if (!candidate.articleId || score < NEAR_DUPLICATE_THRESHOLD) continue;
    const version = candidate.article?.versions[0];
    const previous = matches.get(candidate.articleId);
    if (!previous || previous.similarity < score) {
      matches.set(candidate.articleId, { articleId: candidate.articleId, title: version?.title ?? "", language: version?.language ?? "", similarity: score, exact });
    }
  }
  return [...matches.values()].sort((a, b) => b.similarity - a.similarity);
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

/** Parses a file and keeps it, with its bytes, as a record waiting for review. Nothing is written for a refused file. */
export async function stageImport(file: { name: string; bytes: Uint8Array }, actorId: string | null) {
  const article = parse(file.bytes, file.name);
  const record = await db.importRecord.create({
    data: { ...fileRecordFields(file, article), importedById: actorId },
    select: { id: true },
  });
  return { recordId: record.id, article, duplicates: await findDuplicates(article) };
}

/** Re-runs the pipeline on the kept bytes with the editor's undo list, and stores corrections. */
export async function reviseImport(recordId: string, revertedChanges: string[], overrides: ImportOverrides) {
  const record = await db.importRecord.findUniqueOrThrow({ where: { id: recordId }, select: { rawBytes: true, fileName: true, status: true } });
  if (record.status !== "PENDING_REVIEW") throw new ImportRefusedError("import.alreadyReviewed");
  const article = parse(record.rawBytes, record.fileName, revertedChanges);
  const updated = await db.importRecord.updateMany({
    where: { id: recordId, status: "PENDING_REVIEW" },
    data: {
      result: storedResult(article) as unknown as Prisma.InputJsonValue,
      contentHash: article.hash,
      nearDuplicateSignature: signatureForStorage(article.nearDuplicateSignature),
      nearDuplicateBands: signatureBands(article.nearDuplicateSignature),
      revertedChanges,
      overrides: overrides as Prisma.InputJsonValue,
    },
  });
  if (updated.count === 0) throw new ImportRefusedError("import.alreadyReviewed");
  return article;
}

/** Turns a reviewed record into a draft article; all of it or nothing. */
export async function acceptImport(recordId: string, actorId: string, options: { allowDuplicate?: boolean; ip?: string } = {}) {
  return db.$transaction(async (tx) => {
    // Claim the record first: a second accept of the same record finds nothing to claim.
    const claimed = await tx.importRecord.updateMany({
      where: { id: recordId, status: "PENDING_REVIEW" },
      data: { status: "ACCEPTED", reviewedById: actorId, reviewedAt: new Date() },
    });
    if (claimed.count === 0) throw new ImportRefusedError("import.alreadyReviewed");
    const record = await tx.importRecord.findUniqueOrThrow({ where: { id: recordId } });
    const article = parse(record.rawBytes, record.fileName, record.revertedChanges);
    if (!options.allowDuplicate && (await findDuplicates(article, tx)).length > 0) throw new ImportRefusedError("import.duplicate");
    const articleId = await createDraftArticle(tx, article, (record.overrides ?? {}) as ImportOverrides, actorId, record.fileName);
    await tx.importRecord.update({ where: { id: recordId }, data: { articleId } });
    await writeAudit({ actorId, action: "import.accept", entityType: "article", entityId: articleId, details: { file: record.fileName, importId: recordId }, ip: options.ip }, tx);
    return { articleId };
  });
}

export async function rejectImport(recordId: string, actorId: string, ip?: string) {
  await db.$transaction(async (tx) => {
    const rejected = await tx.importRecord.updateMany({
      where: { id: recordId, status: "PENDING_REVIEW" },
      data: { status: "REJECTED", reviewedById: actorId, reviewedAt: new Date() },
    });
    if (rejected.count === 0) throw new ImportRefusedError("import.alreadyReviewed");
    await writeAudit({ actorId, action: "import.reject", entityType: "import", entityId: recordId, ip }, tx);
  });
}

export type DirectImportOutcome = { status: "created"; articleId: string } | { status: "duplicate"; articleId: string } | { status: "failed"; error: string };

/** The seed's path, one file: parse, skip exact duplicates, create the draft, in one transaction. The CLI imports many files through importMany (batch.ts). */
export async function importDirectly(file: { name: string; bytes: Uint8Array }, actorId: string | null): Promise<DirectImportOutcome> {
  let article: ParsedArticle;
  try {
    article = parse(file.bytes, file.name);
  } catch (error) {
    if (error instanceof ImportRefusedError) return { status: "failed", error: error.message };
    throw error;
  }
  return importParsed(file, article, actorId);
}

/** importDirectly after the pipeline: one transaction; unexpected database errors are thrown. */
export async function importParsed(file: { name: string; bytes: Uint8Array }, article: ParsedArticle, actorId: string | null): Promise<DirectImportOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      await lockContentHashes(tx, [article.hash]);
      const existing = (await findExactDuplicates([article.hash], tx)).get(article.hash);
      if (existing) return { status: "duplicate", articleId: existing } as const;
      const articleId = await createDraftArticle(tx, article, {}, actorId, file.name);
      await tx.importRecord.create({ data: acceptedImportRecord(file, article, articleId, actorId) });
      await writeAudit(cliImportAudit(file.name, articleId, actorId), tx);
      return { status: "created", articleId } as const;
    });
  } catch (error) {
    if (error instanceof ImportRefusedError) return { status: "failed", error: error.message };
    throw error;
  }
}

/** Serialises imports of the same texts so two parallel runs cannot both create one (sorted: no deadlock). */
export async function lockContentHashes(tx: Tx, hashes: readonly string[]): Promise<void> {
  const sorted = [...new Set(hashes)].sort();
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(hash)) FROM unnest(${sorted}::text[]) AS hash`;
}

/** What every import record keeps of its file: the bytes, their hashes and the pipeline's result. */
function fileRecordFields(file: { name: string; bytes: Uint8Array }, article: ParsedArticle) {
  return {
    fileName: file.name,
    byteSize: file.bytes.byteLength,
    rawBytes: new Uint8Array(file.bytes),
    sourceHash: sha256(file.bytes),
    contentHash: article.hash,
    nearDuplicateSignature: signatureForStorage(article.nearDuplicateSignature),
    nearDuplicateBands: signatureBands(article.nearDuplicateSignature),
    result: storedResult(article) as unknown as Prisma.InputJsonValue,
  };
}

/** The import record of a file the CLI imported straight into a draft (accepted, bytes kept). */
export function acceptedImportRecord(file: { name: string; bytes: Uint8Array }, article: ParsedArticle, articleId: string, actorId: string | null) {
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
export function draftVersion(article: ParsedArticle, overrides: ImportOverrides) {
  const language = overrides.language ?? article.language;
  if (!(ARTICLE_LANGUAGES as readonly string[]).includes(language)) throw new ImportRefusedError("import.languageUnknown");
  const title = overrides.title ?? article.title;
  const date = overrides.date === undefined ? article.date : overrides.date === null ? null : { value: overrides.date, precision: overrides.date.length === 4 ? "year" : overrides.date.length === 7 ? "month" : "day" };
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

async function createDraftArticle(tx: Tx, article: ParsedArticle, overrides: ImportOverrides, actorId: string | null, fileName: string): Promise<string> {
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
    data: { versionId: created.versions[0]!.id, number: 1, authorId: actorId, snapshot: snapshot as unknown as Prisma.InputJsonValue, note: `Imported from ${fileName}` },
  });
  return created.id;
}
