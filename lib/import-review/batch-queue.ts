// Where a reviewed import sits in its upload's batch ("2 of 5") and which review of that batch still
// waits, so accepting or rejecting one file opens the next instead of the list.
import "server-only";
import { db } from "@/lib/db";
import { batchOfUploadKey, compareBatchOrder } from "./review-batch";

export type BatchPlace = { position: number; total: number; nextPendingId: string | null };

/** Null when the record was uploaded alone (or before batches): there is nothing to go on to. */
export async function getBatchPlace(recordId: string): Promise<BatchPlace | null> {
  const record = await db.importRecord.findUnique({ where: { id: recordId }, select: { uploadKey: true } });
  const place = batchOfUploadKey(record?.uploadKey ?? null);
  if (!place) return null;
  const rows = await db.importRecord.findMany({
    where: { uploadKey: { startsWith: `${place.batch}-` } },
    select: { id: true, uploadKey: true, status: true },
  });
  const members = rows
    .map((row) => ({ ...row, order: batchOfUploadKey(row.uploadKey)?.order ?? ([0, 0] as [number, number]) }))
    .sort((a, b) => compareBatchOrder(a.order, b.order));
  if (members.length < 2) return null;
  const index = members.findIndex((member) => member.id === recordId);
  // The next one waiting after this file, else the first one waiting before it.
  const waiting = [...members.slice(index + 1), ...members.slice(0, index)].find((member) => member.status === "PENDING_REVIEW");
  return { position: index + 1, total: members.length, nextPendingId: waiting?.id ?? null };
}
