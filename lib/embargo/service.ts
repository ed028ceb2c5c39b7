// Setting and clearing a version's embargo, without Next's request context (lib/embargo/actions.ts
// wraps it; tests call it directly). Guarded in its `where` (id + the version the editor saw) and
// audited in the same transaction. An embargo holds back a version readers cannot see yet: one
// already out cannot be called back this way (unpublish it). Clearing the embargo of a published
// version lifts it at once, through the same statement as the job (lib/embargo/lift.ts).
import "server-only";
import { writeAudit } from "@/lib/audit/log";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { PublicChange } from "@/lib/public-change/change";
import { Refusal } from "@/lib/refusal";
import type { Actor } from "@/lib/workflow/service";
import { liftEmbargoes } from "./lift";

export type EmbargoInput = { versionId: string; version: number; embargoedUntil: Date | null };

export async function setEmbargo(
  actor: Actor,
  input: EmbargoInput,
  now = new Date(),
): Promise<{ version: number; publicChange: PublicChange | null }> {
  if (!can(actor.role, "article.publish")) throw new Refusal("workflow.errors.forbidden");
  const row = await db.articleVersion.findUnique({
    where: { id: input.versionId },
    select: { id: true, articleId: true, language: true, status: true, version: true, publishedAt: true, embargoedUntil: true },
  });
  if (!row) throw new Refusal("workflow.errors.notFound");
  if (row.version !== input.version) throw new Refusal("workflow.errors.staleVersion");
  const until = input.embargoedUntil;
  if (until && until.getTime() <= now.getTime()) throw new Refusal("workflow.errors.embargoInPast", { field: "embargoedUntil" });
  const visible = row.status === "PUBLISHED" && row.embargoedUntil === null && row.publishedAt !== null && row.publishedAt <= now;
  if (until && visible) throw new Refusal("workflow.errors.embargoOnPublic");
  if (!until && row.embargoedUntil === null) return { version: row.version, publicChange: null };

  return db.$transaction(async (tx) => {
    if (!until) {
      // Locked first, so no other write slips in between the version check and the lift.
      const [current] = await tx.$queryRaw<{ version: number }[]>`SELECT version FROM article_versions WHERE id = ${row.id} FOR UPDATE`;
      if (current?.version !== input.version) throw new Refusal("workflow.errors.staleVersion");
      const { lifted, publicChange } = await liftEmbargoes(tx, { now, actorId: actor.id, versionIds: [row.id] });
      if (lifted.length === 0) throw new Refusal("workflow.errors.staleVersion");
      return { version: input.version + 1, publicChange };
    }
    const { count } = await tx.articleVersion.updateMany({
      where: { id: row.id, version: input.version },
      data: { embargoedUntil: until, version: { increment: 1 } },
    });
    if (count === 0) throw new Refusal("workflow.errors.staleVersion");
    await writeAudit(
      {
        actorId: actor.id,
        action: "workflow.embargo",
        entityType: "articleVersion",
        entityId: row.id,
        details: {
          articleId: row.articleId,
          language: row.language,
          embargoedUntil: until.toISOString(),
          was: row.embargoedUntil?.toISOString() ?? null,
        },
        ip: actor.ip,
      },
      tx,
    );
    return { version: input.version + 1, publicChange: null };
  });
}
