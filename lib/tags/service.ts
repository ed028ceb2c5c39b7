// Every write to the taxonomy and to an article's tags: create, edit, merge, delete, tag and
// untag, and the editor's yes or no to a suggestion. Each checks the actor's permission itself (the
// bulk action and the CLI call these directly), writes its audit entry in the same transaction,
// and drops the reader pages it changed.
import "server-only";
import { writeAudit } from "@/lib/audit/log";
import { firstFreeSlug, slugify } from "@/lib/articles/slug";
import { can, type Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { Refusal } from "@/lib/refusal";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role, TagType } from "@/lib/generated/prisma/enums";
import { normalizeForMatch } from "./normalize";
import { afterPublicChange } from "@/lib/public-change/after-commit";
import { recordPublicChange } from "@/lib/public-change/record";
import type { Language } from "@/lib/i18n/languages";
import type { TagFields } from "./schema";

export type TagActor = { id: string; role: Role; ip?: string | null };

type Tx = Prisma.TransactionClient;

function requirePermission(actor: TagActor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new Refusal("errors.forbidden");
}

/** Taxonomy writes are rare: one at a time, so two editors cannot create the same tag at once. */
async function lockTaxonomy(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tag-taxonomy'))`;
}

/** The surviving tag of a merge chain (merges re-point older merges, so one step is enough, but be safe). */
async function liveTag(tx: Tx, tagId: string): Promise<{ id: string; type: TagType } | null> {
  let tag = await tx.tag.findUnique({ where: { id: tagId }, select: { id: true, type: true, mergedIntoId: true } });
  for (let hops = 0; tag?.mergedIntoId && hops < 10; hops++) {
    tag = await tx.tag.findUnique({ where: { id: tag.mergedIntoId }, select: { id: true, type: true, mergedIntoId: true } });
  }
  return tag && !tag.mergedIntoId ? { id: tag.id, type: tag.type } : null;
}

/** A live tag of `type` already carrying one of these labels (in either language), other than `exceptId`. */
async function findSameLabel(tx: Tx, type: TagType, labels: string[], exceptId?: string) {
  const keys = [...new Set(labels.map(normalizeForMatch).filter(Boolean))];
  return tx.tagLabel.findFirst({
    where: { normalized: { in: keys }, tag: { type, mergedIntoId: null, ...(exceptId ? { id: { not: exceptId } } : {}) } },
    select: { tagId: true, label: true, normalized: true },
  });
}

async function refuseDuplicateLabels(tx: Tx, fields: Pick<TagFields, "type" | "labelFr" | "labelEn">, exceptId?: string) {
  const same = await findSameLabel(tx, fields.type, [fields.labelFr, fields.labelEn], exceptId);
  if (!same) return;
  const field = same.normalized === normalizeForMatch(fields.labelFr) ? "labelFr" : "labelEn";
  throw new Refusal("tags.errors.duplicateLabel", { field: field });
}

async function freeTagSlug(tx: Tx, language: Language, label: string, tagId?: string): Promise<string> {
  const base = slugify(label) || "tag";
  return firstFreeSlug(base, async (slug) => {
    const taken = await tx.tagLabel.findUnique({ where: { language_slug: { language, slug } }, select: { tagId: true } });
    return Boolean(taken && taken.tagId !== tagId);
  });
}

function aliasRows(aliases: string[], labels: string[]) {
  const own = new Set(labels.map(normalizeForMatch));
  const rows = new Map<string, { alias: string; normalized: string }>();
  for (const alias of aliases) {
    const normalized = normalizeForMatch(alias);
    if (normalized && !own.has(normalized) && !rows.has(normalized)) rows.set(normalized, { alias, normalized });
  }
  return [...rows.values()];
}

async function insertTag(tx: Tx, fields: TagFields): Promise<string> {
  await refuseDuplicateLabels(tx, fields);
  const labels = [
    { language: "fr", label: fields.labelFr, description: fields.descriptionFr, slug: await freeTagSlug(tx, "fr", fields.labelFr) },
    { language: "en", label: fields.labelEn, description: fields.descriptionEn, slug: await freeTagSlug(tx, "en", fields.labelEn) },
  ];
  const tag = await tx.tag.create({
    data: {
      type: fields.type,
      labels: { create: labels.map((label) => ({ ...label, normalized: normalizeForMatch(label.label) })) },
      aliases: { create: aliasRows(fields.aliases, [fields.labelFr, fields.labelEn]) },
    },
    select: { id: true },
  });
  return tag.id;
}

export async function createTag(actor: TagActor, fields: TagFields): Promise<{ tagId: string }> {
  requirePermission(actor, "tag.manage");
  const tagId = await db.$transaction(async (tx) => {
    await lockTaxonomy(tx);
    const id = await insertTag(tx, fields);
    await writeAudit(
      {
        actorId: actor.id,
        action: "tag.create",
        entityType: "tag",
        entityId: id,
        details: { type: fields.type, fr: fields.labelFr, en: fields.labelEn },
        ip: actor.ip,
      },
      tx,
    );
    return id;
  });
  return { tagId };
}

/** Labels, descriptions, type and aliases. Slugs stay as they are, so published links keep working. */
export async function updateTag(actor: TagActor, tagId: string, fields: TagFields): Promise<void> {
  requirePermission(actor, "tag.manage");
  const publicChange = await db.$transaction(async (tx) => {
    await lockTaxonomy(tx);
    const tag = await tx.tag.findUnique({ where: { id: tagId }, select: { mergedIntoId: true, labels: { select: { language: true } } } });
    if (!tag) throw new Refusal("tags.errors.notFound");
    if (tag.mergedIntoId) throw new Refusal("tags.errors.alreadyMerged");
    await refuseDuplicateLabels(tx, fields, tagId);
    await tx.tag.update({ where: { id: tagId }, data: { type: fields.type } });
    for (const [language, label, description] of [
      ["fr", fields.labelFr, fields.descriptionFr],
      ["en", fields.labelEn, fields.descriptionEn],
    ] as const) {
      const data = { label, description, normalized: normalizeForMatch(label) };
      if (tag.labels.some((existing) => existing.language === language)) {
        await tx.tagLabel.update({ where: { tagId_language: { tagId, language } }, data });
      } else {
        await tx.tagLabel.create({ data: { ...data, tagId, language, slug: await freeTagSlug(tx, language, label, tagId) } });
      }
    }
    await tx.tagAlias.deleteMany({ where: { tagId } });
    await tx.tagAlias.createMany({ data: aliasRows(fields.aliases, [fields.labelFr, fields.labelEn]).map((row) => ({ ...row, tagId })) });
    await writeAudit(
      {
        actorId: actor.id,
        action: "tag.update",
        entityType: "tag",
        entityId: tagId,
        details: { type: fields.type, fr: fields.labelFr, en: fields.labelEn, aliases: fields.aliases },
        ip: actor.ip,
      },
      tx,
    );
    const articleIds = (await tx.articleTag.findMany({ where: { tagId }, select: { articleId: true } })).map((row) => row.articleId);
    return recordPublicChange(tx, { tagIds: [tagId], articleIds });
  });
  afterPublicChange(publicChange);
}

/** Moves the articles (and pending suggestions) of `fromId` onto `toId`. Returns the articles moved. */
async function moveArticles(tx: Tx, fromId: string, toId: string): Promise<string[]> {
  const articleIds = (await tx.articleTag.findMany({ where: { tagId: fromId }, select: { articleId: true } })).map((row) => row.articleId);
  await tx.articleTag.createMany({ data: articleIds.map((articleId) => ({ articleId, tagId: toId })), skipDuplicates: true });
  await tx.articleTag.deleteMany({ where: { tagId: fromId } });
  // A suggestion of the survivor, or the survivor itself, already on the article makes the moved one redundant.
  await tx.tagSuggestion.deleteMany({
    where: {
      tagId: fromId,
      status: "PENDING",
      article: { OR: [{ tags: { some: { tagId: toId } } }, { tagSuggestions: { some: { tagId: toId } } }] },
    },
  });
  await tx.tagSuggestion.updateMany({ where: { tagId: fromId }, data: { tagId: toId } });
  return articleIds;
}

/**
 * `sourceId` becomes part of `targetId`: its articles and suggestions move, its labels and aliases
 * become the target's aliases (so matching still finds them), and it keeps its own labels and slugs
 * with mergedIntoId set, so its old addresses redirect.
 */
export async function mergeTags(actor: TagActor, sourceId: string, targetId: string): Promise<{ articleIds: string[] }> {
  requirePermission(actor, "tag.manage");
  if (sourceId === targetId) throw new Refusal("tags.errors.mergeIntoItself", { field: "targetId" });
  const { articleIds, publicChange } = await db.$transaction(async (tx) => {
    await lockTaxonomy(tx);
    // One after the other: a transaction is one connection.
    const source = await tx.tag.findUnique({
      where: { id: sourceId },
      select: { mergedIntoId: true, labels: { select: { label: true } }, aliases: { select: { alias: true } } },
    });
    const target = await tx.tag.findUnique({
      where: { id: targetId },
      select: { mergedIntoId: true, labels: { select: { label: true } } },
    });
    if (!source || !target) throw new Refusal("tags.errors.notFound", { field: source ? "targetId" : undefined });
    if (source.mergedIntoId || target.mergedIntoId) throw new Refusal("tags.errors.alreadyMerged", { field: "targetId" });
    const moved = await moveArticles(tx, sourceId, targetId);
    const names = [...source.labels.map((label) => label.label), ...source.aliases.map((alias) => alias.alias)];
    await tx.tagAlias.createMany({
      data: aliasRows(
        names,
        target.labels.map((label) => label.label),
      ).map((row) => ({ ...row, tagId: targetId })),
      skipDuplicates: true,
    });
    await tx.tagAlias.deleteMany({ where: { tagId: sourceId } });
    // Earlier merges into the source now point at the survivor: redirects take one hop.
    await tx.tag.updateMany({ where: { mergedIntoId: sourceId }, data: { mergedIntoId: targetId } });
    await tx.tag.update({ where: { id: sourceId }, data: { mergedIntoId: targetId } });
    await writeAudit(
      {
        actorId: actor.id,
        action: "tag.merge",
        entityType: "tag",
        entityId: sourceId,
        details: { into: targetId, articles: moved.length },
        ip: actor.ip,
      },
      tx,
    );
    return { articleIds: moved, publicChange: await recordPublicChange(tx, { tagIds: [sourceId, targetId], articleIds: moved }) };
  });
  afterPublicChange(publicChange);
  return { articleIds };
}

/** Deletes a tag; its articles either lose it or get `reassignTo` instead (its old slugs then redirect there). */
export async function deleteTag(
  actor: TagActor,
  tagId: string,
  options: { reassignTo?: string | null } = {},
): Promise<{ articleIds: string[] }> {
  requirePermission(actor, "tag.manage");
  const reassignTo = options.reassignTo || null;
  if (reassignTo === tagId) throw new Refusal("tags.errors.mergeIntoItself", { field: "reassignTo" });
  const { articleIds, publicChange } = await db.$transaction(async (tx) => {
    await lockTaxonomy(tx);
    const tag = await tx.tag.findUnique({
      where: { id: tagId },
      select: { mergedIntoId: true, labels: { select: { language: true, label: true } } },
    });
    if (!tag) throw new Refusal("tags.errors.notFound");
    if (tag.mergedIntoId) throw new Refusal("tags.errors.alreadyMerged");
    let affected: string[];
    if (reassignTo) {
      const target = await tx.tag.findUnique({ where: { id: reassignTo }, select: { mergedIntoId: true } });
      if (!target || target.mergedIntoId) throw new Refusal("tags.errors.notFound", { field: "reassignTo" });
      affected = await moveArticles(tx, tagId, reassignTo);
      await tx.tag.updateMany({ where: { mergedIntoId: tagId }, data: { mergedIntoId: reassignTo } });
    } else {
      affected = (await tx.articleTag.findMany({ where: { tagId }, select: { articleId: true } })).map((row) => row.articleId);
      // Tags merged into this one go with it: they would otherwise come back to life.
      await tx.tag.deleteMany({ where: { mergedIntoId: tagId } });
    }
    await tx.tag.delete({ where: { id: tagId } });
    await writeAudit(
      {
        actorId: actor.id,
        action: "tag.delete",
        entityType: "tag",
        entityId: tagId,
        details: { labels: tag.labels, reassignTo, articles: affected.length },
        ip: actor.ip,
      },
      tx,
    );
    const tagIds = [tagId, ...(reassignTo ? [reassignTo] : [])];
    return { articleIds: affected, publicChange: await recordPublicChange(tx, { tagIds, articleIds: affected }) };
  });
  afterPublicChange(publicChange);
  return { articleIds };
}

/**
 * Puts one tag on many articles (the article list's bulk action). Unknown articles are refused;
 * articles that already had the tag count as tagged. Pending suggestions of that tag are accepted.
 */
export async function tagArticles(actor: TagActor, articleIds: string[], tagId: string): Promise<{ tagged: string[]; refused: string[] }> {
  requirePermission(actor, "tag.assign");
  const unique = [...new Set(articleIds)];
  const result = await db.$transaction(async (tx) => {
    const tag = await liveTag(tx, tagId);
    if (!tag) throw new Refusal("tags.errors.notFound");
    const existing = new Set((await tx.article.findMany({ where: { id: { in: unique } }, select: { id: true } })).map((row) => row.id));
    const tagged = unique.filter((id) => existing.has(id));
    const refused = unique.filter((id) => !existing.has(id));
    const { count } = await tx.articleTag.createMany({
      data: tagged.map((articleId) => ({ articleId, tagId: tag.id })),
      skipDuplicates: true,
    });
    await tx.tagSuggestion.updateMany({
      where: { articleId: { in: tagged }, tagId: tag.id, status: "PENDING" },
      data: { status: "ACCEPTED", decidedById: actor.id, decidedAt: new Date() },
    });
    if (tagged.length > 0) {
      await writeAudit(
        {
          actorId: actor.id,
          action: "article.tag",
          entityType: "tag",
          entityId: tag.id,
          details: { articleIds: tagged, added: count },
          ip: actor.ip,
        },
        tx,
      );
    }
    return { tagged, refused, publicChange: await recordPublicChange(tx, { tagIds: [tag.id], articleIds: tagged }) };
  });
  afterPublicChange(result.publicChange);
  return { tagged: result.tagged, refused: result.refused };
}

export async function untagArticle(actor: TagActor, articleId: string, tagId: string): Promise<void> {
  requirePermission(actor, "tag.assign");
  const publicChange = await db.$transaction(async (tx) => {
    const { count } = await tx.articleTag.deleteMany({ where: { articleId, tagId } });
    if (count === 0) throw new Refusal("tags.errors.notTagged");
    await writeAudit(
      { actorId: actor.id, action: "article.untag", entityType: "article", entityId: articleId, details: { tagId }, ip: actor.ip },
      tx,
    );
    return recordPublicChange(tx, { tagIds: [tagId], articleIds: [articleId] });
  });
  afterPublicChange(publicChange);
}

export type AcceptChoices = { type?: TagType; labelFr?: string; labelEn?: string };

/**
 * The editor's yes: a known tag is put on the article; a new entity becomes a tag (type and labels
 * as the editor left them) unless a tag of that type already carries the name, which is then used.
 */
export async function acceptSuggestion(
  actor: TagActor,
  suggestionId: string,
  choices: AcceptChoices = {},
): Promise<{ tagId: string; created: boolean }> {
  requirePermission(actor, "tag.assign");
  const outcome = await db.$transaction(async (tx) => {
    await lockTaxonomy(tx);
    const claimed = await tx.tagSuggestion.updateMany({
      where: { id: suggestionId, status: "PENDING" },
      data: { status: "ACCEPTED", decidedById: actor.id, decidedAt: new Date() },
    });
    if (claimed.count === 0) throw new Refusal("tags.errors.alreadyDecided");
    const suggestion = await tx.tagSuggestion.findUniqueOrThrow({
      where: { id: suggestionId },
      select: { articleId: true, tagId: true, label: true, type: true },
    });
    let tagId: string;
    let created = false;
    if (suggestion.tagId) {
      const tag = await liveTag(tx, suggestion.tagId);
      if (!tag) throw new Refusal("tags.errors.notFound");
      tagId = tag.id;
    } else {
      const type = choices.type ?? suggestion.type;
      if (!type) throw new Refusal("tags.errors.typeRequired", { field: "type" });
      const labelFr = choices.labelFr || suggestion.label;
      const labelEn = choices.labelEn || suggestion.label;
      const same = await findSameLabel(tx, type, [labelFr, labelEn, suggestion.label]);
      if (same) tagId = same.tagId;
      else {
        tagId = await insertTag(tx, { type, labelFr, labelEn, descriptionFr: null, descriptionEn: null, aliases: [suggestion.label] });
        created = true;
        await writeAudit(
          {
            actorId: actor.id,
            action: "tag.create",
            entityType: "tag",
            entityId: tagId,
            details: { type, fr: labelFr, en: labelEn, fromSuggestion: suggestionId },
            ip: actor.ip,
          },
          tx,
        );
      }
    }
    await tx.tagSuggestion.update({ where: { id: suggestionId }, data: { tagId } });
    await tx.articleTag.createMany({ data: [{ articleId: suggestion.articleId, tagId }], skipDuplicates: true });
    await writeAudit(
      {
        actorId: actor.id,
        action: "tag.suggestion.accept",
        entityType: "article",
        entityId: suggestion.articleId,
        details: { suggestionId, tagId, created },
        ip: actor.ip,
      },
      tx,
    );
    return { tagId, created, publicChange: await recordPublicChange(tx, { tagIds: [tagId], articleIds: [suggestion.articleId] }) };
  });
  afterPublicChange(outcome.publicChange);
  return { tagId: outcome.tagId, created: outcome.created };
}

/** The editor's no: kept as DISMISSED so no later scan of this article proposes it again. */
export async function dismissSuggestion(actor: TagActor, suggestionId: string): Promise<void> {
  requirePermission(actor, "tag.assign");
  await db.$transaction(async (tx) => {
    const { count } = await tx.tagSuggestion.updateMany({
      where: { id: suggestionId, status: "PENDING" },
      data: { status: "DISMISSED", decidedById: actor.id, decidedAt: new Date() },
    });
    if (count === 0) throw new Refusal("tags.errors.alreadyDecided");
    await writeAudit(
      { actorId: actor.id, action: "tag.suggestion.dismiss", entityType: "tagSuggestion", entityId: suggestionId, ip: actor.ip },
      tx,
    );
  });
}

/** Scanning lives beside the writes it feeds; re-exported so callers find every entry point here. */
export { suggestTagsForArticle } from "./suggest";
