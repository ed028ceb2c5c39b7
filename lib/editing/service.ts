// Writes of the article editor: save a version's fields and body (optimistic concurrency, one
// revision per save or folded autosaves), restore a revision, and editing presence. No Next here:
// a save of a live version records what readers see changing (lib/public-change) in its transaction;
// the actions take the fast path with the returned `publicChange`.
import "server-only";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { parseDocument } from "@/lib/rich-text/document";
import { mayEditVersion } from "./access";
import { AUTOSAVE_NOTE, revisionPlan } from "./coalesce";
import { diffSnapshots, type SnapshotDiff } from "./diff";
import { readSnapshot, sameContent, SNAPSHOT_COLUMNS, storyDatePrecision, type VersionSnapshot } from "./fields";
import type { VersionSaveInput } from "./schema";
import { listOthersPresent } from "./queries";
import { checkSlug } from "./slug-check";
import { syncInlineUsages } from "@/lib/media/service";
import { Refusal } from "@/lib/refusal";
import type { PublicChange } from "@/lib/public-change/change";
import { recordPublicChange } from "@/lib/public-change/record";

export type Actor = { id: string; role: Role };

export type CurrentVersion = { version: number; snapshot: VersionSnapshot; updatedBy: string | null; updatedAt: string };

export type SaveOutcome =
  | {
      status: "saved";
      version: number;
      revisionNumber: number;
      revisionCreated: boolean;
      savedAt: string;
      snapshot: VersionSnapshot;
      /** Set when the saved version is live: readers see the change. */
      publicChange: PublicChange | null;
    }
  /** Someone saved in between: nothing was written; their text and what they changed since `base`. */
  | { status: "conflict"; current: CurrentVersion; theirChanges: SnapshotDiff | null };

const targetSelect = {
  id: true,
  articleId: true,
  language: true,
  status: true,
  assigneeId: true,
  article: { select: { sourceLanguage: true } },
} satisfies Prisma.ArticleVersionSelect;

type Target = Prisma.ArticleVersionGetPayload<{ select: typeof targetSelect }>;

async function loadTarget(versionId: string, actor: Actor): Promise<Target> {
  const target = await db.articleVersion.findUnique({ where: { id: versionId }, select: targetSelect });
  if (!target) throw new Refusal("editor.errors.notFound");
  if (!mayEditVersion(actor, { language: target.language, sourceLanguage: target.article.sourceLanguage, assigneeId: target.assigneeId })) {
    throw new Refusal("errors.forbidden");
  }
  return target;
}

async function assertSlugFree(target: Target, slug: string, code?: "editor.errors.restoreSlugTaken"): Promise<void> {
  const check = await checkSlug(slug, async (candidate) =>
    Boolean(
      await db.articleVersion.findFirst({
        where: { language: target.language, slug: candidate, id: { not: target.id } },
        select: { id: true },
      }),
    ),
  );
  if (!check.ok)
    throw new Refusal(code ?? check.key, { field: "slug", data: "suggestion" in check ? { slugSuggestion: check.suggestion } : undefined });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * ProseMirror builds attrs as null-prototype objects; React cannot send those from a server action
 * to the browser, so validated bodies are copied into plain JSON.
 */
function plainJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A snapshot with its body validated and its plain text derived on the server, never taken from a browser. */
function validatedSnapshot(raw: unknown): VersionSnapshot | null {
  const snapshot = readSnapshot(raw);
  const body = parseDocument(snapshot.bodyJson);
  if (!body.ok) return null;
  return { ...snapshot, bodyJson: plainJson(body.doc), bodyText: body.text };
}

function revisionNote(mode: VersionSaveInput["mode"]): string | null {
  return mode === "autosave" ? AUTOSAVE_NOTE : mode === "overwrite" ? "overwrite" : null;
}

type Written = { version: number; revisionNumber: number; revisionCreated: boolean; at: Date; publicChange: PublicChange | null };

/** The update and its revision in one transaction; null when `baseVersion` is no longer current. */
async function writeSnapshot(
  target: Target,
  baseVersion: number,
  snapshot: VersionSnapshot,
  revision: { explicit: boolean; note: string | null },
  actor: Actor,
  audit: { action: string; details: Prisma.InputJsonObject; ip?: string | null },
): Promise<Written | null> {
  try {
    return await db.$transaction(async (tx) => {
      const { storyDatePrecision: precision, bodyJson, ...fields } = snapshot;
      const { count } = await tx.articleVersion.updateMany({
        where: { id: target.id, version: baseVersion },
        data: {
          ...fields,
          storyDatePrecision: precision,
          bodyJson: bodyJson as Prisma.InputJsonValue,
          version: { increment: 1 },
          updatedById: actor.id,
        },
      });
      if (count === 0) return null;
      // Photos in body figures are recorded as usages, so the library knows what may be deleted.
      await syncInlineUsages(target.id, bodyJson, tx);
      // The row is locked by the update above until commit, so revision numbers cannot race.
      const last = await tx.revision.findFirst({
        where: { versionId: target.id },
        orderBy: { number: "desc" },
        select: { id: true, number: true, authorId: true, createdAt: true, note: true },
      });
      const at = new Date();
      const plan = revisionPlan(last, { authorId: actor.id, explicit: revision.explicit, at });
      const stored = snapshot as unknown as Prisma.InputJsonValue;
      let revisionNumber: number;
      if (plan === "update" && last) {
        await tx.revision.update({ where: { id: last.id }, data: { snapshot: stored } });
        revisionNumber = last.number;
      } else {
        revisionNumber = (last?.number ?? 0) + 1;
        await tx.revision.create({
          data: { versionId: target.id, number: revisionNumber, authorId: actor.id, snapshot: stored, note: revision.note },
        });
      }
      const version = baseVersion + 1;
      await writeAudit(
        {
          actorId: actor.id,
          action: audit.action,
          entityType: "articleVersion",
          entityId: target.id,
          details: { articleId: target.articleId, language: target.language, version, revision: revisionNumber, ...audit.details },
          ip: audit.ip,
        },
        tx,
      );
      const publicChange =
        target.status === "PUBLISHED"
          ? await recordPublicChange(tx, { articleIds: [target.articleId], languages: [target.language] })
          : null;
      return { version, revisionNumber, revisionCreated: plan === "create", at, publicChange };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Refusal("editor.errors.slugTaken", { field: "slug" });
    throw error;
  }
}

async function loadCurrent(versionId: string): Promise<CurrentVersion> {
  const row = await db.articleVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: {
      version: true,
      ...SNAPSHOT_COLUMNS,
      updatedAt: true,
      updatedBy: { select: { name: true } },
    },
  });
  const { version, updatedAt, updatedBy, ...fields } = row;
  return {
    version,
    snapshot: validatedSnapshot(fields) ?? readSnapshot(fields),
    updatedBy: updatedBy?.name ?? null,
    updatedAt: updatedAt.toISOString(),
  };
}

export async function saveVersionEdits(input: VersionSaveInput, actor: Actor, ip?: string | null): Promise<SaveOutcome> {
  const body = parseDocument(input.body);
  if (!body.ok) throw new Refusal("editor.errors.bodyInvalid", { field: "body" });
  const target = await loadTarget(input.versionId, actor);
  await assertSlugFree(target, input.slug);
  const storyDate = input.storyDate;
  const snapshot: VersionSnapshot = {
    title: input.title,
    slug: input.slug,
    standfirst: input.standfirst,
    datelinePlace: input.datelinePlace,
    storyDate,
    sourceAgency: input.sourceAgency,
    seoDescription: input.seoDescription,
    storyDatePrecision: storyDate ? storyDatePrecision(storyDate) : null,
    bodyJson: plainJson(body.doc),
    bodyText: body.text,
  };
  const revision = { explicit: input.mode !== "autosave", note: revisionNote(input.mode) };
  const audit = { action: "article.save", details: { mode: input.mode }, ip };

  let written = await writeSnapshot(target, input.baseVersion, snapshot, revision, actor, audit);
  if (!written) {
    const current = await loadCurrent(target.id);
    const base = input.base === undefined ? null : validatedSnapshot(input.base);
    // A newer version whose text equals what this editor started from was a workflow step
    // (submit, assign, schedule): nothing of anyone's text is lost by saving on top of it.
    if (base && sameContent(base, current.snapshot))
      written = await writeSnapshot(target, current.version, snapshot, revision, actor, audit);
    if (!written) return { status: "conflict", current, theirChanges: base ? diffSnapshots(base, current.snapshot) : null };
  }
  return {
    status: "saved",
    version: written.version,
    revisionNumber: written.revisionNumber,
    revisionCreated: written.revisionCreated,
    savedAt: written.at.toISOString(),
    snapshot,
    publicChange: written.publicChange,
  };
}

export type RestoreOutcome = { version: number; revisionNumber: number; publicChange: PublicChange | null };

/** Writes an old revision's fields as a new revision on top of the current one; history is kept whole. */
export async function restoreRevisionEdits(
  input: { revisionId: string; baseVersion: number },
  actor: Actor,
  ip?: string | null,
): Promise<RestoreOutcome> {
  const revision = await db.revision.findUnique({
    where: { id: input.revisionId },
    select: { versionId: true, number: true, snapshot: true },
  });
  if (!revision) throw new Refusal("editor.errors.revisionNotFound");
  const target = await loadTarget(revision.versionId, actor);
  const snapshot = validatedSnapshot(revision.snapshot);
  if (!snapshot) throw new Refusal("editor.errors.revisionUnreadable");
  const restored: VersionSnapshot = { ...snapshot, storyDatePrecision: snapshot.storyDate ? storyDatePrecision(snapshot.storyDate) : null };
  await assertSlugFree(target, restored.slug, "editor.errors.restoreSlugTaken");
  const written = await writeSnapshot(target, input.baseVersion, restored, { explicit: true, note: `restore:${revision.number}` }, actor, {
    action: "article.restoreRevision",
    details: { restoredRevision: revision.number },
    ip,
  });
  if (!written) throw new Refusal("editor.errors.staleRestore");
  return {
    version: written.version,
    revisionNumber: written.revisionNumber,
    publicChange: written.publicChange,
  };
}

/** Records that `userId` has the version open now and returns the others seen within the last minute. */
export async function touchPresence(versionId: string, userId: string, now = new Date()): Promise<{ id: string; name: string }[]> {
  await db.editingPresence.upsert({
    where: { versionId_userId: { versionId, userId } },
    create: { versionId, userId, lastSeenAt: now },
    update: { lastSeenAt: now },
  });
  return listOthersPresent(versionId, userId, now);
}
