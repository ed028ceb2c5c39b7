// Workflow writes without Next's request context (the actions wrap them; tests call them directly):
// state transitions, scheduling, reviewer comments and correction notes. Each write is guarded in
// its `where` (id + the version the user saw + allowed states + role rules) and audited in the same
// transaction, with what readers can see changing (lib/public-change); callers take the fast path
// with the returned `publicChange`.
import "server-only";
import { writeAudit } from "@/lib/audit/log";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { Refusal } from "@/lib/refusal";
import { assertImagesHaveAlt } from "@/lib/media/service";
import type { PublicChange } from "@/lib/public-change/change";
import { recordPublicChange } from "@/lib/public-change/record";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role, VersionStatus } from "@/lib/generated/prisma/enums";
import {
  changesPublicSite,
  checkCancelSchedule,
  checkSchedule,
  checkTransition,
  TRANSITIONS,
  type TransitionKind,
  type WorkflowSubject,
} from "@/lib/workflow/transitions";

export type Actor = { id: string; role: Role; ip?: string | null };

const subjectSelect = {
  id: true,
  articleId: true,
  language: true,
  status: true,
  version: true,
  submittedById: true,
  scheduledAt: true,
  firstPublishedAt: true,
  article: { select: { sourceLanguage: true } },
} satisfies Prisma.ArticleVersionSelect;

async function loadSubject(versionId: string) {
  const row = await db.articleVersion.findUnique({ where: { id: versionId }, select: subjectSelect });
  if (!row) throw new Refusal("workflow.errors.notFound");
  const subject: WorkflowSubject = {
    status: row.status,
    language: row.language,
    sourceLanguage: row.article.sourceLanguage,
    submittedById: row.submittedById,
    scheduledAt: row.scheduledAt,
  };
  return { row, subject };
}

export type TransitionInput = { versionId: string; version: number; transition: TransitionKind; note?: string | null };
export type TransitionOutcome = { status: VersionStatus; version: number; publicChange: PublicChange | null };

export async function transitionVersion(actor: Actor, input: TransitionInput, now = new Date()): Promise<TransitionOutcome> {
  const rule = TRANSITIONS[input.transition];
  const { row, subject } = await loadSubject(input.versionId);
  const check = checkTransition(input.transition, subject, actor);
  if (!check.ok) throw new Refusal(`workflow.errors.${check.reason}`);
  if (row.version !== input.version) throw new Refusal("workflow.errors.staleVersion");
  const note = input.note?.trim() || null;
  if ("needsNote" in rule && rule.needsNote && !note) throw new Refusal("workflow.errors.noteRequired");

  // The rules again, in the write itself: what was read above may have changed since.
  const where: Prisma.ArticleVersionWhereInput = { id: row.id, version: input.version, status: { in: [...rule.from] } };
  if (input.transition === "approve" && !can(actor.role, "workflow.skipFourEyes"))
    where.OR = [{ submittedById: null }, { submittedById: { not: actor.id } }];
  if (input.transition === "submit" && actor.role === "TRANSLATOR") where.article = { sourceLanguage: { not: row.language } };

  const data: Prisma.ArticleVersionUpdateManyMutationInput & { submittedById?: string | null; approvedById?: string | null } = {
    status: rule.to,
    version: { increment: 1 },
  };
  if (input.transition === "submit") Object.assign(data, { submittedById: actor.id, approvedById: null });
  if (input.transition === "approve") data.approvedById = actor.id;
  if (input.transition === "publish")
    Object.assign(data, { publishedAt: now, firstPublishedAt: row.firstPublishedAt ?? now, scheduledAt: null });
  if (input.transition === "archive") data.scheduledAt = null;
  if (input.transition === "returnToDraft") Object.assign(data, { approvedById: null, scheduledAt: null });

  const publicChange = await db.$transaction(async (tx) => {
    const { count } = await tx.articleVersion.updateMany({ where, data });
    if (count === 0) throw new Refusal("workflow.errors.staleVersion");
    if (input.transition === "publish") await assertImagesHaveAlt(row.id, tx);
    await writeAudit(
      {
        actorId: actor.id,
        action: `workflow.${input.transition}`,
        entityType: "articleVersion",
        entityId: row.id,
        details: { articleId: row.articleId, language: row.language, from: row.status, to: rule.to, ...(note ? { note } : {}) },
        ip: actor.ip,
      },
      tx,
    );
    // The reason for sending work back is kept where the author will look: the comments.
    if (note) await tx.comment.create({ data: { versionId: row.id, authorId: actor.id, body: note } });
    return changesPublicSite(row.status, rule.to)
      ? recordPublicChange(tx, { articleIds: [row.articleId], languages: [row.language] })
      : null;
  });
  return { status: rule.to, version: input.version + 1, publicChange };
}

export async function scheduleVersion(actor: Actor, input: { versionId: string; version: number; scheduledAt: Date }, now = new Date()) {
  const { row, subject } = await loadSubject(input.versionId);
  const check = checkSchedule(subject, actor);
  if (!check.ok) throw new Refusal(`workflow.errors.${check.reason}`);
  if (row.version !== input.version) throw new Refusal("workflow.errors.staleVersion");
  if (input.scheduledAt.getTime() <= now.getTime()) throw new Refusal("workflow.errors.scheduleInPast");
  // What could not be published now is not scheduled either (the promotion itself is one SQL statement).
  await assertImagesHaveAlt(row.id);
  await db.$transaction(async (tx) => {
    const { count } = await tx.articleVersion.updateMany({
      where: { id: row.id, version: input.version, status: "APPROVED" },
      data: { scheduledAt: input.scheduledAt, version: { increment: 1 } },
    });
    if (count === 0) throw new Refusal("workflow.errors.staleVersion");
    await writeAudit(
      {
        actorId: actor.id,
        action: "workflow.schedule",
        entityType: "articleVersion",
        entityId: row.id,
        details: { articleId: row.articleId, language: row.language, scheduledAt: input.scheduledAt.toISOString() },
        ip: actor.ip,
      },
      tx,
    );
  });
  return { version: input.version + 1 };
}

export async function cancelSchedule(actor: Actor, input: { versionId: string; version: number }) {
  const { row, subject } = await loadSubject(input.versionId);
  const check = checkCancelSchedule(subject, actor);
  if (!check.ok) throw new Refusal(`workflow.errors.${check.reason}`);
  if (row.version !== input.version) throw new Refusal("workflow.errors.staleVersion");
  await db.$transaction(async (tx) => {
    const { count } = await tx.articleVersion.updateMany({
      where: { id: row.id, version: input.version, status: "APPROVED", scheduledAt: { not: null } },
      data: { scheduledAt: null, version: { increment: 1 } },
    });
    if (count === 0) throw new Refusal("workflow.errors.staleVersion");
    await writeAudit(
      {
        actorId: actor.id,
        action: "workflow.cancelSchedule",
        entityType: "articleVersion",
        entityId: row.id,
        details: { articleId: row.articleId, language: row.language, was: row.scheduledAt?.toISOString() ?? null },
        ip: actor.ip,
      },
      tx,
    );
  });
  return { version: input.version + 1 };
}

export type CommentInput = {
  versionId: string;
  body: string;
  /** A reply joins the thread of this comment (its first comment), without a passage of its own. */
  parentId?: string | null;
  anchorBlockId?: string | null;
  anchorFrom?: number | null;
  anchorTo?: number | null;
  anchorQuote?: string | null;
};

export async function addComment(actor: Actor, input: CommentInput) {
  if (!can(actor.role, "article.comment")) throw new Refusal("workflow.errors.forbidden");
  const exists = await db.articleVersion.findUnique({ where: { id: input.versionId }, select: { id: true } });
  if (!exists) throw new Refusal("workflow.errors.notFound");
  let threadId: string | null = null;
  if (input.parentId) {
    const parent = await db.comment.findUnique({ where: { id: input.parentId }, select: { versionId: true, parentId: true } });
    // A reply names its thread's version: a comment of another version is not found from here.
    if (!parent || parent.versionId !== input.versionId) throw new Refusal("workflow.errors.notFound");
    threadId = parent.parentId ?? input.parentId;
  }
  const quote = threadId ? null : input.anchorQuote || null;
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: {
        versionId: input.versionId,
        authorId: actor.id,
        body: input.body,
        parentId: threadId,
        anchorBlockId: quote ? input.anchorBlockId || null : null,
        anchorFrom: quote ? (input.anchorFrom ?? null) : null,
        anchorTo: quote ? (input.anchorTo ?? null) : null,
        anchorQuote: quote,
      },
      select: { id: true },
    });
    await writeAudit(
      {
        actorId: actor.id,
        action: threadId ? "comment.reply" : "comment.add",
        entityType: "articleVersion",
        entityId: input.versionId,
        details: threadId ? { commentId: comment.id, threadId } : { commentId: comment.id },
        ip: actor.ip,
      },
      tx,
    );
    return comment;
  });
}

/** Resolves a thread (hidden by default) or reopens it; a reply's id stands for its thread. */
async function setThreadResolved(actor: Actor, commentId: string, resolved: boolean, now: Date) {
  if (!can(actor.role, "article.comment")) throw new Refusal("workflow.errors.forbidden");
  const comment = await db.comment.findUnique({ where: { id: commentId }, select: { versionId: true, parentId: true } });
  if (!comment) throw new Refusal("workflow.errors.notFound");
  const threadId = comment.parentId ?? commentId;
  await db.$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({
      where: { id: threadId, resolvedAt: resolved ? null : { not: null } },
      data: { resolvedAt: resolved ? now : null },
    });
    if (count === 0) throw new Refusal(resolved ? "workflow.errors.alreadyResolved" : "workflow.errors.notResolved");
    await writeAudit(
      {
        actorId: actor.id,
        action: resolved ? "comment.resolve" : "comment.reopen",
        entityType: "articleVersion",
        entityId: comment.versionId,
        details: { commentId: threadId },
        ip: actor.ip,
      },
      tx,
    );
  });
  return { versionId: comment.versionId };
}

export function resolveComment(actor: Actor, input: { commentId: string }, now = new Date()) {
  return setThreadResolved(actor, input.commentId, true, now);
}

export function reopenComment(actor: Actor, input: { commentId: string }) {
  return setThreadResolved(actor, input.commentId, false, new Date());
}

export async function addCorrectionNote(
  actor: Actor,
  input: { versionId: string; body: string; correctedAt?: Date | null },
  now = new Date(),
) {
  if (!can(actor.role, "article.correct")) throw new Refusal("workflow.errors.forbidden");
  const row = await db.articleVersion.findUnique({
    where: { id: input.versionId },
    select: { id: true, articleId: true, language: true, status: true },
  });
  if (!row) throw new Refusal("workflow.errors.notFound");
  if (row.status !== "PUBLISHED") throw new Refusal("workflow.errors.notPublished");
  const correctedAt = input.correctedAt ?? now;
  return db.$transaction(async (tx) => {
    // Checked again inside the transaction with a row lock, so a concurrent unpublish cannot slip between.
    const locked = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status::text AS status FROM article_versions WHERE id = ${row.id} FOR UPDATE`;
    if (locked[0]?.status !== "PUBLISHED") throw new Refusal("workflow.errors.notPublished");
    const created = await tx.correctionNote.create({
      data: { versionId: row.id, authorId: actor.id, body: input.body, correctedAt },
      select: { id: true },
    });
    await writeAudit(
      {
        actorId: actor.id,
        action: "correction.add",
        entityType: "articleVersion",
        entityId: row.id,
        details: { articleId: row.articleId, language: row.language, correctionId: created.id },
        ip: actor.ip,
      },
      tx,
    );
    return { id: created.id, publicChange: await recordPublicChange(tx, { articleIds: [row.articleId], languages: [row.language] }) };
  });
}
