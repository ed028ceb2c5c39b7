// Writes of the glossary (editors): approved FR<->EN term pairs, each change audited.
import "server-only";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { Refusal } from "@/lib/refusal";
import type { Actor } from "./service";
import { foldForMatching } from "./text";

export type GlossaryInput = { termFr: string; termEn: string; note: string | null };

function normalized(input: GlossaryInput) {
  return {
    termFr: input.termFr.trim(),
    termEn: input.termEn.trim(),
    note: input.note?.trim() || null,
    normalizedFr: foldForMatching(input.termFr),
    normalizedEn: foldForMatching(input.termEn),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

export async function createGlossaryTerm(input: GlossaryInput, actor: Actor, ip: string | null = null): Promise<string> {
  try {
    return await db.$transaction(async (tx) => {
      const term = await tx.glossaryTerm.create({ data: { ...normalized(input), createdById: actor.id }, select: { id: true } });
      await writeAudit(
        {
          actorId: actor.id,
          action: "glossary.create",
          entityType: "glossaryTerm",
          entityId: term.id,
          details: { termFr: input.termFr, termEn: input.termEn },
          ip,
        },
        tx,
      );
      return term.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Refusal("translations.errors.termExists", { field: "termFr" });
    throw error;
  }
}

export async function updateGlossaryTerm(id: string, input: GlossaryInput, actor: Actor, ip: string | null = null): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      const updated = await tx.glossaryTerm.updateMany({ where: { id }, data: normalized(input) });
      if (updated.count === 0) throw new Refusal("translations.errors.termNotFound");
      await writeAudit(
        {
          actorId: actor.id,
          action: "glossary.update",
          entityType: "glossaryTerm",
          entityId: id,
          details: { termFr: input.termFr, termEn: input.termEn },
          ip,
        },
        tx,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Refusal("translations.errors.termExists", { field: "termFr" });
    throw error;
  }
}

export async function deleteGlossaryTerm(id: string, actor: Actor, ip: string | null = null): Promise<void> {
  await db.$transaction(async (tx) => {
    const term = await tx.glossaryTerm.findUnique({ where: { id }, select: { termFr: true, termEn: true } });
    if (!term) throw new Refusal("translations.errors.termNotFound");
    await tx.glossaryTerm.delete({ where: { id } });
    await writeAudit({ actorId: actor.id, action: "glossary.delete", entityType: "glossaryTerm", entityId: id, details: term, ip }, tx);
  });
}
