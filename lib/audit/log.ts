// Writes to the append-only audit log (the database refuses UPDATE and DELETE on it).
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType?: string;
  entityId?: string;
  details?: Prisma.InputJsonValue;
  ip?: string | null;
};

type Writer = Pick<typeof db, "auditLog"> | Prisma.TransactionClient;

/** Pass the transaction client when the audited change happens in a transaction. */
export async function writeAudit(entry: AuditEntry, client: Writer = db): Promise<void> {
  await client.auditLog.create({ data: { ...entry, ip: entry.ip ?? null } });
}
