// Preview links of one version: made, listed, revoked, and resolved from a token. A link is live
// while its signature checks, its expiry has not passed and nobody revoked it.
import "server-only";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { signPreviewToken, verifyPreviewToken } from "./token";

export const PREVIEW_LINK_LIFETIME_MS = 48 * 60 * 60 * 1000;

export type PreviewLinkView = { id: string; token: string; createdAt: Date; expiresAt: Date; createdByName: string | null };

export async function createPreviewLink(versionId: string, createdById: string, ip: string | null = null, now = new Date()) {
  return db.$transaction(async (tx) => {
    const link = await tx.previewLink.create({
      data: { versionId, createdById, expiresAt: new Date(now.getTime() + PREVIEW_LINK_LIFETIME_MS) },
    });
    await writeAudit(
      {
        actorId: createdById,
        action: "preview.share",
        entityType: "articleVersion",
        entityId: versionId,
        details: { linkId: link.id },
        ip,
      },
      tx,
    );
    return { id: link.id, token: signPreviewToken(link.id, link.expiresAt), expiresAt: link.expiresAt };
  });
}

/** The version's links that still open, newest first. */
export async function listLivePreviewLinks(versionId: string, now = new Date()): Promise<PreviewLinkView[]> {
  const links = await db.previewLink.findMany({
    where: { versionId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, expiresAt: true, createdBy: { select: { name: true } } },
  });
  return links.map(({ createdBy, ...link }) => ({
    ...link,
    token: signPreviewToken(link.id, link.expiresAt),
    createdByName: createdBy?.name ?? null,
  }));
}

/** False when the link is not one of this version's live links (already revoked, expired, unknown). */
export async function revokePreviewLink(versionId: string, linkId: string, actorId: string, ip: string | null = null): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.previewLink.updateMany({
      where: { id: linkId, versionId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 1)
      await writeAudit(
        { actorId, action: "preview.revoke", entityType: "articleVersion", entityId: versionId, details: { linkId }, ip },
        tx,
      );
    return count === 1;
  });
}

/** The version a token opens, or null: forged, expired, revoked or deleted all look the same. */
export async function resolvePreviewToken(token: string, now = new Date()): Promise<string | null> {
  const verified = verifyPreviewToken(token, now);
  if (!verified) return null;
  const link = await db.previewLink.findFirst({
    where: { id: verified.id, expiresAt: verified.expiresAt, revokedAt: null },
    select: { versionId: true },
  });
  return link?.versionId ?? null;
}
