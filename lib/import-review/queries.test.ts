// The import page's two lists: every file waiting for review (not only those among the latest
// imports), and the latest decided files without the waiting ones (each file is listed once).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ImportStatus } from "@/lib/generated/prisma/enums";
import { listPendingImports, listRecentImports } from "./queries";

async function record(status: ImportStatus, createdAt: Date) {
  const token = randomUUID();
  return db.importRecord.create({
    data: {
      fileName: `${token}.txt`,
      byteSize: 1,
      rawBytes: Buffer.from("x"),
      sourceHash: token,
      contentHash: token,
      nearDuplicateSignature: [],
      nearDuplicateBands: [],
      result: {},
      status,
      createdAt,
    },
    select: { id: true },
  });
}

describe("the import page's lists", () => {
  it("list a waiting file once, under waiting, however many files came after it", async () => {
    const waiting = await record("PENDING_REVIEW", new Date(Date.now() - 60_000));
    // Dated far ahead, so no other test's import comes between them and the top of the list.
    const later: string[] = [];
    for (let index = 0; index < 3; index++) later.push((await record("REJECTED", new Date(Date.UTC(2990, 0, 1) + index))).id);

    const pending = await listPendingImports();
    expect(pending.map((row) => row.id)).toContain(waiting.id);
    expect(pending.every((row) => row.status === "PENDING_REVIEW")).toBe(true);

    const recent = await listRecentImports(3);
    expect(recent.map((row) => row.id)).toEqual(later.reverse());
    expect((await listRecentImports()).some((row) => row.status === "PENDING_REVIEW")).toBe(false);
  });
});
