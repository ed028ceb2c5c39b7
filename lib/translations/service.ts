// Writes of the translation workflow: claim, assign, release, save (with paragraph alignment,
// a revision and translation-memory segments), submit for review, and XLIFF import. Every write
// names the version it read (optimistic concurrency) and carries who may write in its `where`:
// a translator only the translations they hold, nobody the source-language version here.
import "server-only";
import { slugify, firstFreeSlug } from "@/lib/articles/slug";
import { writeAudit } from "@/lib/audit/log";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { PublicChange } from "@/lib/public-change/change";
import { recordPublicChange } from "@/lib/public-change/record";
import { isLanguage } from "@/lib/i18n/languages";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role, VersionStatus } from "@/lib/generated/prisma/enums";
import { parseDocument } from "@/lib/rich-text/document";
import { Refusal } from "@/lib/refusal";
import { transitionVersion } from "@/lib/workflow/service";
import { buildTargetDocument, skeletonDocument, sourceBlocks, type TargetEdits } from "./alignment";
import { inlineText } from "./inline";
import { storeSegments } from "./memory";
import { alignVersions } from "./staleness";
import { parseXliff } from "./xliff";

export type Actor = { id: string; role: Role };
type Tx = Prisma.TransactionClient;

/** Editors and admins may write any translation; translators only those they hold. */
export function writesAnyTranslation(role: Role): boolean {
  return can(role, "translation.assign");
}

/** The states in which a translator may still change a translation (not once it is in review). */
const TRANSLATOR_WRITABLE: VersionStatus[] = ["DRAFT", "UNPUBLISHED"];

function writeScope(actor: Actor): Prisma.ArticleVersionWhereInput {
  return writesAnyTranslation(actor.role) ? { status: { not: "ARCHIVED" } } : { assigneeId: actor.id, status: { in: TRANSLATOR_WRITABLE } };
}

async function loadArticle(tx: Tx, articleId: string) {
  const article = await tx.article.findUnique({ where: { id: articleId }, select: { id: true, sourceLanguage: true } });
  if (!article) throw new Refusal("translations.errors.notFound");
  const source = await tx.articleVersion.findUnique({
    where: { articleId_language: { articleId, language: article.sourceLanguage } },
    select: {
      id: true,
      title: true,
      slug: true,
      bodyJson: true,
      version: true,
      datelinePlace: true,
      sourceAgency: true,
      storyDate: true,
      storyDatePrecision: true,
    },
  });
  if (!source) throw new Refusal("translations.errors.noSource");
  return { article, source };
}

/** A new translation: a draft whose body is one empty block per source block, aligned to it. */
async function createTranslationVersion(
  tx: Tx,
  articleId: string,
  language: string,
  actor: Actor,
  assignment: { assigneeId: string | null; dueAt: Date | null },
) {
  const { article, source } = await loadArticle(tx, articleId);
  if (language === article.sourceLanguage || !isLanguage(language)) throw new Refusal("translations.errors.notATranslation");
  const body = skeletonDocument(source.bodyJson);
  const slug = await firstFreeSlug(`${slugify(source.title)}-${language}`, async (candidate) =>
    Boolean(await tx.articleVersion.findUnique({ where: { language_slug: { language, slug: candidate } }, select: { id: true } })),
  );
  const created = await tx.articleVersion.create({
    data: {
      articleId,
      language,
      status: "DRAFT",
      title: "",
      slug,
      bodyJson: body as Prisma.InputJsonValue,
      bodyText: "",
      datelinePlace: source.datelinePlace,
      sourceAgency: source.sourceAgency,
      storyDate: source.storyDate,
      storyDatePrecision: source.storyDatePrecision,
      assigneeId: assignment.assigneeId,
      assignedAt: assignment.assigneeId ? new Date() : null,
      dueAt: assignment.dueAt,
      updatedById: actor.id,
    },
    select: { id: true },
  });
  await tx.revision.create({
    data: {
      versionId: created.id,
      number: 1,
      authorId: actor.id,
      snapshot: {
        title: "",
        slug,
        standfirst: null,
        seoDescription: null,
        datelinePlace: source.datelinePlace,
        sourceAgency: source.sourceAgency,
        storyDate: source.storyDate,
        storyDatePrecision: source.storyDatePrecision,
        bodyJson: body,
        bodyText: "",
      } as Prisma.InputJsonValue,
      note: "Translation started",
    },
  });
  return created.id;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** A translator takes a task: creates the draft when missing; refuses one someone else holds. */
export async function claimTranslation(articleId: string, language: string, actor: Actor, ip: string | null = null): Promise<string> {
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.articleVersion.findUnique({
        where: { articleId_language: { articleId, language } },
        select: { id: true, assigneeId: true, article: { select: { sourceLanguage: true } } },
      });
      let versionId: string;
      if (!existing) {
        versionId = await createTranslationVersion(tx, articleId, language, actor, { assigneeId: actor.id, dueAt: null });
      } else {
        if (existing.article.sourceLanguage === language) throw new Refusal("translations.errors.notATranslation");
        if (existing.assigneeId === actor.id) return existing.id;
        const claimed = await tx.articleVersion.updateMany({
          where: { id: existing.id, assigneeId: null, status: { in: TRANSLATOR_WRITABLE } },
          data: { assigneeId: actor.id, assignedAt: new Date(), dueAt: null },
        });
        if (claimed.count === 0)
          throw new Refusal(existing.assigneeId ? "translations.errors.claimedByOther" : "translations.errors.notClaimable");
        versionId = existing.id;
      }
      await writeAudit(
        {
          actorId: actor.id,
          action: "translation.claim",
          entityType: "articleVersion",
          entityId: versionId,
          details: { articleId, language },
          ip,
        },
        tx,
      );
      return versionId;
    });
  } catch (error) {
    // Two translators claiming a missing translation at once: the second sees the first's claim.
    if (isUniqueViolation(error)) throw new Refusal("translations.errors.claimedByOther");
    throw error;
  }
}

/** An editor gives a task to someone (or takes it back with `assigneeId` null) and sets a due date. */
export async function assignTranslation(
  input: { articleId: string; language: string; assigneeId: string | null; dueAt: Date | null },
  actor: Actor,
  ip: string | null = null,
): Promise<string> {
  if (!can(actor.role, "translation.assign")) throw new Refusal("translations.errors.forbidden");
  return db.$transaction(async (tx) => {
    if (input.assigneeId) {
      const assignee = await tx.user.findUnique({ where: { id: input.assigneeId }, select: { active: true, role: true } });
      if (!assignee?.active || !can(assignee.role, "translation.edit"))
        throw new Refusal("translations.errors.assigneeInvalid", { field: "assigneeId" });
    }
    const existing = await tx.articleVersion.findUnique({
      where: { articleId_language: { articleId: input.articleId, language: input.language } },
      select: { id: true, article: { select: { sourceLanguage: true } } },
    });
    let versionId: string;
    if (!existing) {
      versionId = await createTranslationVersion(tx, input.articleId, input.language, actor, {
        assigneeId: input.assigneeId,
        dueAt: input.dueAt,
      });
    } else {
      if (existing.article.sourceLanguage === input.language) throw new Refusal("translations.errors.notATranslation");
      await tx.articleVersion.update({
        where: { id: existing.id },
        data: { assigneeId: input.assigneeId, assignedAt: input.assigneeId ? new Date() : null, dueAt: input.dueAt },
      });
      versionId = existing.id;
    }
    await writeAudit(
      {
        actorId: actor.id,
        action: "translation.assign",
        entityType: "articleVersion",
        entityId: versionId,
        details: { assigneeId: input.assigneeId, dueAt: input.dueAt?.toISOString() ?? null },
        ip,
      },
      tx,
    );
    return versionId;
  });
}

/** A translator gives a task back (editors may release anyone's). */
export async function releaseTranslation(versionId: string, actor: Actor, ip: string | null = null): Promise<void> {
  await db.$transaction(async (tx) => {
    const released = await tx.articleVersion.updateMany({
      where: { id: versionId, ...(writesAnyTranslation(actor.role) ? {} : { assigneeId: actor.id }) },
      data: { assigneeId: null, assignedAt: null, dueAt: null },
    });
    if (released.count === 0) throw new Refusal("translations.errors.notYours");
    await writeAudit({ actorId: actor.id, action: "translation.release", entityType: "articleVersion", entityId: versionId, ip }, tx);
  });
}

export type TranslationSave = {
  versionId: string;
  version: number;
  title: string;
  standfirst: string | null;
  seoDescription: string | null;
  edits: TargetEdits;
  note?: string;
};

/** Loads a translation for writing, refusing the source version, other people's tasks and stale reads. */
async function loadWritable(tx: Tx, versionId: string, version: number, actor: Actor) {
  const target = await tx.articleVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true,
      articleId: true,
      language: true,
      status: true,
      version: true,
      assigneeId: true,
      bodyJson: true,
      slug: true,
      firstPublishedAt: true,
      datelinePlace: true,
      sourceAgency: true,
      storyDate: true,
      storyDatePrecision: true,
      article: { select: { sourceLanguage: true } },
    },
  });
  if (!target) throw new Refusal("translations.errors.notFound");
  if (target.language === target.article.sourceLanguage) throw new Refusal("translations.errors.sourceReadOnly");
  if (!writesAnyTranslation(actor.role) && target.assigneeId !== actor.id) throw new Refusal("translations.errors.notYours");
  if (!writesAnyTranslation(actor.role) && !TRANSLATOR_WRITABLE.includes(target.status))
    throw new Refusal("translations.errors.notEditable");
  if (target.status === "ARCHIVED") throw new Refusal("translations.errors.notEditable");
  if (target.version !== version) throw new Refusal("translations.errors.staleVersion");
  const { source } = await loadArticle(tx, target.articleId);
  return { target, source };
}

export async function saveTranslation(
  input: TranslationSave,
  actor: Actor,
  ip: string | null = null,
): Promise<{ version: number; published: boolean; articleId: string; language: string; publicChange: PublicChange | null }> {
  return db.$transaction(async (tx) => {
    const { target, source } = await loadWritable(tx, input.versionId, input.version, actor);
    const body = buildTargetDocument(source.bodyJson, target.bodyJson, input.edits);
    const parsed = parseDocument(body);
    if (!parsed.ok) throw new Refusal("translations.errors.invalidBody");
    const title = input.title.trim();
    // The slug follows the translated title until the version is first published.
    const slug =
      !target.firstPublishedAt && title
        ? await firstFreeSlug(slugify(title), async (candidate) => {
            const owner = await tx.articleVersion.findUnique({
              where: { language_slug: { language: target.language, slug: candidate } },
              select: { id: true },
            });
            return Boolean(owner && owner.id !== target.id);
          })
        : target.slug;
    const fields = {
      title,
      slug,
      standfirst: input.standfirst,
      seoDescription: input.seoDescription,
      bodyJson: parsed.doc as Prisma.InputJsonValue,
      bodyText: parsed.text,
    };
    const updated = await tx.articleVersion.updateMany({
      where: { id: target.id, version: input.version, language: { not: target.article.sourceLanguage }, ...writeScope(actor) },
      data: { ...fields, version: { increment: 1 }, updatedById: actor.id },
    });
    if (updated.count === 0) throw new Refusal("translations.errors.staleVersion");
    const last = await tx.revision.aggregate({ where: { versionId: target.id }, _max: { number: true } });
    const snapshot = {
      ...fields,
      datelinePlace: target.datelinePlace,
      sourceAgency: target.sourceAgency,
      storyDate: target.storyDate,
      storyDatePrecision: target.storyDatePrecision,
    };
    await tx.revision.create({
      data: {
        versionId: target.id,
        number: (last._max.number ?? 0) + 1,
        authorId: actor.id,
        snapshot: snapshot as Prisma.InputJsonValue,
        note: input.note ?? null,
      },
    });
    const alignment = alignVersions(source.bodyJson, parsed.doc);
    await storeSegments(tx, {
      versionId: target.id,
      sourceLanguage: target.article.sourceLanguage,
      targetLanguage: target.language,
      actorId: actor.id,
      paragraphs: alignment.rows
        .filter((row) => row.state === "current")
        .map((row) => ({ source: row.sourceText, target: row.targetText })),
    });
    await writeAudit(
      {
        actorId: actor.id,
        action: "translation.save",
        entityType: "articleVersion",
        entityId: target.id,
        details: { version: input.version + 1, confirmed: [...input.edits.confirmed] },
        ip,
      },
      tx,
    );
    const published = target.status === "PUBLISHED";
    // A live translation's edit is a change readers see, recorded with the write.
    const publicChange = published ? await recordPublicChange(tx, { articleIds: [target.articleId], languages: [target.language] }) : null;
    return { version: input.version + 1, published, articleId: target.articleId, language: target.language, publicChange };
  });
}

/**
 * Sends a translation to review: the translation's own checks (the translator holds it, the title
 * and every paragraph are translated and current), then the workflow's generic `submit`
 * transition, which does the guarded write. Approve and publish are the workflow's alone.
 */
export async function submitTranslation(versionId: string, version: number, actor: Actor, ip: string | null = null): Promise<void> {
  await db.$transaction(async (tx) => {
    const { target, source } = await loadWritable(tx, versionId, version, actor);
    if (target.status !== "DRAFT") throw new Refusal("translations.errors.notSubmittable");
    const current = await tx.articleVersion.findUniqueOrThrow({ where: { id: versionId }, select: { title: true } });
    if (!current.title.trim()) throw new Refusal("translations.errors.titleRequired");
    if (alignVersions(source.bodyJson, target.bodyJson).rows.some((row) => row.state !== "current"))
      throw new Refusal("translations.errors.unfinished");
  });
  await transitionVersion({ ...actor, ip }, { versionId, version, transition: "submit" });
}

/** Applies a re-imported XLIFF file as one save, after checking it matches the source as it is now. */
export async function importXliff(versionId: string, version: number, xml: string, actor: Actor, ip: string | null = null) {
  const parsed = parseXliff(xml);
  if (!parsed.ok) throw new Refusal(`translations.errors.${parsed.error}`);
  const file = parsed.document;
  const target = await db.articleVersion.findUnique({
    where: { id: versionId },
    select: {
      articleId: true,
      language: true,
      title: true,
      standfirst: true,
      seoDescription: true,
      bodyJson: true,
      article: { select: { sourceLanguage: true } },
    },
  });
  if (!target) throw new Refusal("translations.errors.notFound");
  if (file.articleId !== target.articleId) throw new Refusal("translations.errors.xliff.otherArticle");
  if (file.sourceLanguage !== target.article.sourceLanguage || file.targetLanguage !== target.language)
    throw new Refusal("translations.errors.xliff.otherLanguages");
  const source = await db.articleVersion.findUniqueOrThrow({
    where: { articleId_language: { articleId: target.articleId, language: target.article.sourceLanguage } },
    select: { version: true, bodyJson: true },
  });
  if (file.sourceVersion !== source.version) throw new Refusal("translations.errors.xliff.otherSourceVersion");
  const blocks = new Map(sourceBlocks(source.bodyJson).map((block) => [block.blockId, block]));
  for (const unit of file.units) {
    const block = blocks.get(unit.id);
    if (!block || block.hash !== unit.sourceHash) throw new Refusal("translations.errors.xliff.unitMismatch");
  }
  const contents = new Map(file.units.filter((unit) => inlineText(unit.target).trim() !== "").map((unit) => [unit.id, unit.target]));
  const keepOrphans = new Set(alignVersions(source.bodyJson, target.bodyJson).orphans.map((orphan) => orphan.blockId));
  return saveTranslation(
    {
      versionId,
      version,
      title: target.title,
      standfirst: target.standfirst,
      seoDescription: target.seoDescription,
      edits: { contents, confirmed: new Set(), keepOrphans },
      note: "XLIFF import",
    },
    actor,
    ip,
  );
}
