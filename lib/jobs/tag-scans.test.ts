// The tag scan an accept owes survives a crash: the accept writes it in its own transaction, the
// job queue does it after a restart, and a scan that fails stays owed until a later run succeeds.
import { randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acceptImport, stageImport } from "@/lib/import-review/service";
import { wireStory } from "@/test/fixtures/import-review";
import { createJobQueue } from "@/lib/jobs/queue";
import { runPendingTagScans, settleTagScan, startTagScanJobs } from "@/lib/jobs/tag-scans";
import { createUser } from "@/lib/users/service";

let editorId: string;
beforeAll(async () => {
  ({ id: editorId } = await createUser(
    { email: `scanner-${randomUUID()}@desk.test`, name: "Scanner", role: "EDITOR", password: "scanner-password" },
    null,
  ));
});

const running: PgBoss[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((boss) => boss.stop({ graceful: false, wait: true, timeout: 2000 }).catch(() => {})));
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("timed out");
}

/** An accepted import whose process "died" right after the commit: the scan it owes never ran. */
async function acceptedWithoutScan() {
  const { recordId } = await stageImport(wireStory(), editorId);
  return (await acceptImport(recordId, editorId)).articleId;
}

const suggestions = (articleId: string) => db.tagSuggestion.count({ where: { articleId } });
const owed = (articleId: string) => db.pendingTagScan.count({ where: { articleId } });

describe("tag scans owed by accepted imports", () => {
  it("are written by the accept itself, and done by the job queue once a server starts", async () => {
    const articleId = await acceptedWithoutScan();
    expect(await owed(articleId)).toBe(1);
    expect(await suggestions(articleId)).toBe(0);

    const boss = createJobQueue();
    boss.on("error", () => {});
    running.push(boss);
    await boss.start();
    await startTagScanJobs(boss);
    // pg-boss's first poll can take a while on a loaded machine.
    await waitFor(async () => (await owed(articleId)) === 0, 60_000);
    expect(await suggestions(articleId)).toBeGreaterThan(0);
  }, 90_000);

  it("done right after the accept, is owed no more and proposes nothing twice", async () => {
    const articleId = await acceptedWithoutScan();
    const created = await settleTagScan(articleId);
    expect(created).toBeGreaterThan(0);
    expect(await owed(articleId)).toBe(0);
    // Asking again (the tag panel's "Scan the text again") adds nothing already proposed.
    expect(await settleTagScan(articleId)).toBe(0);
    expect(await suggestions(articleId)).toBe(created);
  });

  describe("a scan that fails", () => {
    let failing: string;
    beforeAll(async () => {
      failing = await acceptedWithoutScan();
      await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_refuse_suggestion() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.article_id = '${failing}' THEN RAISE EXCEPTION 'simulated scan failure'; END IF; RETURN NEW; END $$`);
      await db.$executeRawUnsafe(
        `CREATE TRIGGER test_refuse_suggestion BEFORE INSERT ON tag_suggestions FOR EACH ROW EXECUTE FUNCTION test_refuse_suggestion()`,
      );
    });
    afterAll(async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_refuse_suggestion ON tag_suggestions`);
      await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS test_refuse_suggestion()`);
    });

    it("stays owed, does not hold up the others, and is done by a later run", async () => {
      const other = await acceptedWithoutScan();
      const first = await runPendingTagScans();
      expect(first.failed).toBeGreaterThanOrEqual(1);
      expect(await owed(failing)).toBe(1);
      expect(await owed(other)).toBe(0);
      expect(await suggestions(other)).toBeGreaterThan(0);

      await db.$executeRawUnsafe(`DROP TRIGGER test_refuse_suggestion ON tag_suggestions`);
      await runPendingTagScans();
      expect(await owed(failing)).toBe(0);
      expect(await suggestions(failing)).toBeGreaterThan(0);
    });
  });
});
