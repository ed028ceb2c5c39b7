// Bringing a published translation up to date while it stays live: a pending update
// (translation_updates) starts as a copy of the live text, is edited by whoever holds the task,
// and moves through the workflow's own rules (lib/workflow/transitions: submit, four-eyes approve,
// publish, send back). Publishing copies it into the live version in one transaction, so the
// paragraphs' new source fingerprints, and with them the end of the staleness mark, go live then.
import "server-only";
import { writeAudit } from "@/lib/audit/log";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { VersionStatus } from "@/lib/generated/prisma/enums";
import type { PublicChange } from "@/lib/public-change/change";
import { recordPublicChange } from "@/lib/public-change/record";
import { Refusal } from "@/lib/refusal";
import { parseDocument } from "@/lib/rich-text/document";
import { checkTransition, TRANSITIONS, type TransitionKind } from "@/lib/workflow/transitions";
import { buildTargetDocument, type TargetEdits } from "./alignment";
import { storeSegments } from "./memory";
import { writesAnyTranslation, type Actor } from "./service";
import { alignVersions } from "./staleness";

type Tx = Prisma.TransactionClient;

/** The workflow steps an update goes through; unpublish, archive and schedule belong to the live version. */
export const UPDATE_TRANSITIONS = ["submit", "approve", "publish", "returnToDraft"] as const satisfies readonly TransitionKind[];
export type UpdateTransition = (typeof UPDATE_TRANSITIONS)[number];

const liveSelect = {
  id: true,
  articleId: true,
  language: true,
  status: true,
  assigneeId: true,
  title: true,
  standfirst: true,
  seoDescription: true,
  bodyJson: true,
  bodyText: true,
  article: { select: { sourceLanguage: true } },
} satisfies Prisma.ArticleVersionSelect;

/** Translators write only the updates of translations they hold; editors any. */
function holds(actor: Actor, live: { assigneeId: string | null }): boolean {
  return writesAnyTranslation(actor.role) || live.assigneeId === actor.id;
}

/**
 * Opens (or reopens) the pending update of a published translation. A translator takes a task
 * nobody holds on the way; someone else's is refused. The live version is not written.
 */
export async function startTranslationUpdate(versionId: string, actor: Actor, ip: string | null = null): Promise<string> {
  return db.$transaction(async (tx) => {
    const live = await tx.articleVersion.findUnique({
      where: { id: versionId },
      select: { ...liveSelect, liveUpdate: { select: { id: true } } },
    });
    if (!live) throw new Refusal("translations.errors.notFound");
    if (live.language === live.article.sourceLanguage) throw new Refusal("translations.errors.notATranslation");
    if (live.status !== "PUBLISHED") throw new Refusal("translations.errors.notEditable");
    if (!holds(actor, live)) {
      // Taking the task is part of starting: only when nobody holds it (the claim's own rule).
      const claimed = await tx.articleVersion.updateMany({
        where: { id: live.id, assigneeId: null },
        data: { assigneeId: actor.id, assignedAt: new Date(), dueAt: null },
      });
      if (claimed.count === 0) throw new Refusal("translations.errors.notYours");
    }
    if (live.liveUpdate) return live.liveUpdate.id;
    const created = await tx.translationUpdate.create({
      data: {
        versionId: live.id,
        title: live.title,
        standfirst: live.standfirst,
        seoDescription: live.seoDescription,
        bodyJson: live.bodyJson as Prisma.InputJsonValue,
        bodyText: live.bodyText,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await writeAudit(
      {
        actorId: actor.id,
        action: "translation.updateStart",
        entityType: "articleVersion",
        entityId: live.id,
        details: { updateId: created.id },
        ip,
      },
      tx,
    );
    return created.id;
  });
}

async function loadUpdate(tx: Tx, updateId: string) {
  const update = await tx.translationUpdate.findUnique({
    where: { id: updateId },
    select: {
      id: true,
      status: true,
      version: true,
      title: true,
      bodyJson: true,
      submittedById: true,
      articleVersion: { select: liveSelect },
    },
  });
  if (!update) throw new Refusal("translations.errors.notFound");
  const live = update.articleVersion;
  const source = await tx.articleVersion.findUnique({
    where: { articleId_language: { articleId: live.articleId, language: live.article.sourceLanguage } },
    select: { bodyJson: true },
  });
  if (!source) throw new Refusal("translations.errors.noSource");
  return { update, live, source };
}

export type TranslationUpdateSave = {
  updateId: string;
  version: number;
  title: string;
  standfirst: string | null;
  seoDescription: string | null;
  edits: TargetEdits;
};

/** Saves the pending update's text (a draft only); the live version and its staleness are untouched. */
export async function saveTranslationUpdate(
  input: TranslationUpdateSave,
  actor: Actor,
  ip: string | null = null,
): Promise<{ version: number }> {
  return db.$transaction(async (tx) => {
    const { update, live, source } = await loadUpdate(tx, input.updateId);
    if (!holds(actor, live)) throw new Refusal("translations.errors.notYours");
    if (update.status !== "DRAFT") throw new Refusal("translations.errors.notEditable");
    if (update.version !== input.version) throw new Refusal("translations.errors.staleVersion");
    const parsed = parseDocument(buildTargetDocument(source.bodyJson, update.bodyJson, input.edits));
    if (!parsed.ok) throw new Refusal("translations.errors.invalidBody");
    const written = await tx.translationUpdate.updateMany({
      where: { id: update.id, version: input.version, status: "DRAFT" },
      data: {
        title: input.title.trim(),
        standfirst: input.standfirst,
        seoDescription: input.seoDescription,
        bodyJson: parsed.doc as Prisma.InputJsonValue,
        bodyText: parsed.text,
        version: { increment: 1 },
      },
    });
    if (written.count === 0) throw new Refusal("translations.errors.staleVersion");
    await storeSegments(tx, {
      versionId: live.id,
      sourceLanguage: live.article.sourceLanguage,
      targetLanguage: live.language,
      actorId: actor.id,
      paragraphs: alignVersions(source.bodyJson, parsed.doc)
        .rows.filter((row) => row.state === "current")
        .map((row) => ({ source: row.sourceText, target: row.targetText })),
    });
    await writeAudit(
      {
        actorId: actor.id,
        action: "translation.updateSave",
        entityType: "articleVersion",
        entityId: live.id,
        details: { updateId: update.id, version: input.version + 1 },
        ip,
      },
      tx,
    );
    return { version: input.version + 1 };
  });
}

/** `publicChange`: what readers see changing (recorded in the write's transaction) when the update was published. */
export type UpdateTransitionOutcome = { status: string; version: number; publicChange: PublicChange | null };

/**
 * One workflow step of a pending update, under the same rules as any version's (permission table,
 * four eyes, translators send only translations). Submitting also needs a title and every
 * paragraph current; publishing replaces the live text and removes the update.
 */
export async function transitionTranslationUpdate(
  actor: Actor,
  input: { updateId: string; version: number; transition: UpdateTransition; note?: string | null },
  ip: string | null = null,
  now = new Date(),
): Promise<UpdateTransitionOutcome> {
  const rule = TRANSITIONS[input.transition];
  return db.$transaction(async (tx) => {
    const { update, live, source } = await loadUpdate(tx, input.updateId);
    const subject = {
      status: update.status,
      language: live.language,
      sourceLanguage: live.article.sourceLanguage,
      submittedById: update.submittedById,
    };
    const check = checkTransition(input.transition, subject, actor);
    if (!check.ok) throw new Refusal(`workflow.errors.${check.reason}`);
    if (update.version !== input.version) throw new Refusal("workflow.errors.staleVersion");
    const note = input.note?.trim() || null;
    if ("needsNote" in rule && rule.needsNote && !note) throw new Refusal("workflow.errors.noteRequired");
    if (input.transition === "submit") {
      if (!holds(actor, live)) throw new Refusal("translations.errors.notYours");
      if (!update.title.trim()) throw new Refusal("translations.errors.titleRequired");
      if (alignVersions(source.bodyJson, update.bodyJson).rows.some((row) => row.state !== "current"))
        throw new Refusal("translations.errors.unfinished");
    }
    // The rules again in the write itself: what was read above may have changed since.
    const where: Prisma.TranslationUpdateWhereInput = { id: update.id, version: input.version, status: { in: [...rule.from] } };
    if (input.transition === "approve" && !can(actor.role, "workflow.skipFourEyes"))
      where.OR = [{ submittedById: null }, { submittedById: { not: actor.id } }];
    let publicChange: PublicChange | null = null;
    if (input.transition === "publish") {
      // Claims the update's row first (a concurrent save or step now waits, then finds it gone).
      const { count } = await tx.translationUpdate.updateMany({ where, data: { version: { increment: 1 } } });
      if (count === 0) throw new Refusal("workflow.errors.staleVersion");
      const fresh = await tx.translationUpdate.findUniqueOrThrow({
        where: { id: update.id },
        select: { title: true, standfirst: true, seoDescription: true, bodyJson: true, bodyText: true },
      });
      const replaced = await tx.articleVersion.updateMany({
        where: { id: live.id, status: "PUBLISHED" },
        data: {
          ...fresh,
          bodyJson: fresh.bodyJson as Prisma.InputJsonValue,
          version: { increment: 1 },
          updatedById: actor.id,
          publishedAt: now,
        },
      });
      if (replaced.count === 0) throw new Refusal("workflow.errors.wrongState");
      const last = await tx.revision.aggregate({ where: { versionId: live.id }, _max: { number: true } });
      const current = await tx.articleVersion.findUniqueOrThrow({
        where: { id: live.id },
        select: { slug: true, datelinePlace: true, sourceAgency: true, storyDate: true, storyDatePrecision: true },
      });
      await tx.revision.create({
        data: {
          versionId: live.id,
          number: (last._max.number ?? 0) + 1,
          authorId: actor.id,
          snapshot: { ...fresh, ...current } as Prisma.InputJsonValue,
          note: "Update published",
        },
      });
      await tx.translationUpdate.delete({ where: { id: update.id } });
      publicChange = await recordPublicChange(tx, { articleIds: [live.articleId], languages: [live.language] });
    } else {
      const data: Prisma.TranslationUpdateUpdateManyMutationInput & { submittedById?: string | null } = {
        status: rule.to,
        version: { increment: 1 },
      };
      if (input.transition === "submit") data.submittedById = actor.id;
      const { count } = await tx.translationUpdate.updateMany({ where, data });
      if (count === 0) throw new Refusal("workflow.errors.staleVersion");
      // The reason for sending work back is kept where the translator will look: the comments.
      if (note) await tx.comment.create({ data: { versionId: live.id, authorId: actor.id, body: note } });
    }
    await writeAudit(
      {
        actorId: actor.id,
        action: `translation.update.${input.transition}`,
        entityType: "articleVersion",
        entityId: live.id,
        details: { updateId: update.id, from: update.status, to: rule.to, ...(note ? { note } : {}) },
        ip,
      },
      tx,
    );
    return { status: rule.to, version: input.version + 1, publicChange };
  });
}

/** The steps this actor may take on a pending update now, in the workflow panel's order. */
export function availableUpdateTransitions(
  update: { status: VersionStatus; submittedById: string | null },
  live: { language: string; sourceLanguage: string },
  actor: Actor,
): UpdateTransition[] {
  const subject = {
    status: update.status,
    language: live.language,
    sourceLanguage: live.sourceLanguage,
    submittedById: update.submittedById,
  };
  return UPDATE_TRANSITIONS.filter((kind) => checkTransition(kind, subject, actor).ok);
}
