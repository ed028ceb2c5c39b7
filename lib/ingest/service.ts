// Writing ingest sources: create (the mailbox password sealed, "internal" an admin's choice only),
// pause and resume (resuming clears the failure count and polls at the next tick), an admin's
// "internal" switch on an existing source, each audited.
import "server-only";
import type { Role } from "@/lib/generated/prisma/enums";
import { writeAudit } from "@/lib/audit/log";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { checkDefaultTags } from "./defaults";
import { IngestError } from "./errors";
import type { SourceCreateInput } from "./schema";
import { encryptSecret } from "./secret";

type Actor = { id: string; role: Role };

export async function createSource(input: SourceCreateInput, actor: Actor, ip?: string): Promise<{ id: string }> {
  if (input.internal && !can(actor.role, "ingest.markInternal")) throw new IngestError("ingest.errors.internalAdminOnly");
  await checkDefaultTags(input.defaultTags);
  // Sealed before anything is written: without the key the save is refused whole.
  const passwordEncrypted = input.kind === "IMAP" && input.password ? encryptSecret(input.password) : null;
  return db.$transaction(async (tx) => {
    const source = await tx.ingestSource.create({
      data: {
        kind: input.kind,
        name: input.name,
        url: input.kind === "FEED" ? input.url : null,
        host: input.kind === "IMAP" ? input.host : null,
        port: input.kind === "IMAP" ? input.port : null,
        username: input.kind === "IMAP" ? input.username : null,
        passwordEncrypted,
        mailbox: input.kind === "IMAP" ? (input.mailbox ?? "INBOX") : null,
        path: input.kind === "FOLDER" ? input.path : null,
        languageHint: input.languageHint,
        defaultTags: input.defaultTags,
        pollIntervalMinutes: input.pollIntervalMinutes,
        trusted: input.trusted,
        internal: input.internal,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await writeAudit(
      {
        actorId: actor.id,
        action: "ingest.createSource",
        entityType: "ingestSource",
        entityId: source.id,
        details: { kind: input.kind, name: input.name },
        ip,
      },
      tx,
    );
    return source;
  });
}

export async function setSourceEnabled(sourceId: string, enabled: boolean, actorId: string, ip?: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const updated = await tx.ingestSource.updateMany({
      where: { id: sourceId },
      data: enabled
        ? { enabled: true, pausedReason: null, consecutiveFailures: 0, nextPollAt: new Date() }
        : { enabled: false, pausedReason: "manual" },
    });
    if (updated.count === 0) throw new IngestError("ingest.errors.notFound");
    await writeAudit(
      { actorId, action: enabled ? "ingest.resumeSource" : "ingest.pauseSource", entityType: "ingestSource", entityId: sourceId, ip },
      tx,
    );
  });
}

/** An admin lets a source reach private and loopback addresses, or takes that back. */
export async function setSourceInternal(sourceId: string, internal: boolean, actorId: string, ip?: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const updated = await tx.ingestSource.updateMany({ where: { id: sourceId }, data: { internal } });
    if (updated.count === 0) throw new IngestError("ingest.errors.notFound");
    await writeAudit(
      { actorId, action: internal ? "ingest.markInternal" : "ingest.unmarkInternal", entityType: "ingestSource", entityId: sourceId, ip },
      tx,
    );
  });
}
