// `npm run db:backup` / `npm run db:restore`: a seeded database survives the round trip into a fresh
// one table by table (row counts and md5 of the ordered rows), a database holding data is replaced
// only with --force, and a restore over the database the app (and its job queue) ran on works.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/scripts/lib/database/migrations";
import { createJobQueue, createQueues, PUBLISH_DUE_CRON, QUEUES } from "@/lib/jobs/queue";
import { fingerprintTables, runScript, scratchDatabase, withClient, type TableFingerprint } from "./helpers";

const work = mkdtempSync(path.join(tmpdir(), "cms-backup-test-"));
const dumpFile = path.join(work, "seeded.dump");
const databases: { drop: () => Promise<void> }[] = [];
let sourceUrl = "";
let sourcePrint: Record<string, TableFingerprint> = {};

beforeAll(async () => {
  const source = await scratchDatabase("cms_backup_src");
  databases.push(source);
  sourceUrl = source.url;
  const seeded = await runScript("db-seed.ts", [], sourceUrl);
  expect(seeded.code, seeded.stderr).toBe(0);
  // Something beyond the seed: a second revision of a story.
  await withClient(sourceUrl, async (client) => {
    await client.query(`INSERT INTO revisions (id, version_id, number, snapshot, note, created_at)
      SELECT 'backup-test-rev', version_id, number + 1, snapshot, 'second', now() FROM revisions r
      WHERE NOT EXISTS (SELECT 1 FROM revisions later WHERE later.version_id = r.version_id AND later.number > r.number)
      ORDER BY created_at LIMIT 1`);
  });
  const backup = await runScript("db-backup.ts", [dumpFile], sourceUrl);
  expect(backup.code, backup.stderr).toBe(0);
  expect(backup.stdout).toContain(dumpFile);
  sourcePrint = await fingerprintTables(sourceUrl);
}, 120_000);

afterAll(async () => {
  for (const database of databases) await database.drop();
  rmSync(work, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("the seed filled what matters: articles, versions, revisions, users, tags, imports, audit", () => {
    for (const table of [
      "articles",
      "article_versions",
      "revisions",
      "users",
      "tags",
      "tag_labels",
      "import_records",
      "audit_log",
      "_prisma_migrations",
    ]) {
      expect(sourcePrint[`public.${table}`]?.rows, table).toBeGreaterThan(0);
    }
  });

  it("round-trips into a fresh database: every table has the same rows", async () => {
    const target = await scratchDatabase("cms_backup_dst");
    databases.push(target);
    const restored = await runScript("db-restore.ts", [dumpFile], target.url);
    expect(restored.code, restored.stderr).toBe(0);
    expect(await fingerprintTables(target.url)).toEqual(sourcePrint);
    // Not only the rows: the stored search vector, its function and indexes, and the extensions came back too.
    await withClient(target.url, async (client) => {
      const { rows } = await client.query(
        "SELECT count(*)::int AS n FROM article_versions WHERE language = 'fr' AND search_vector @@ websearch_to_tsquery('french_unaccent', 'ministre')",
      );
      expect(rows[0].n).toBeGreaterThan(0);
      await expect(client.query("UPDATE audit_log SET action = 'forged'")).rejects.toThrow(/append-only/);
    });
  });

  it("restores into a migrated but empty database (a fresh demo) without --force", async () => {
    const target = await scratchDatabase("cms_backup_migrated");
    databases.push(target);
    await applyMigrations(target.url);
    const restored = await runScript("db-restore.ts", [dumpFile], target.url);
    expect(restored.code, restored.stderr).toBe(0);
    expect(await fingerprintTables(target.url)).toEqual(sourcePrint);
  });

  it("refuses to restore over data without --force, and replaces it with --force", async () => {
    const target = await scratchDatabase("cms_backup_force");
    databases.push(target);
    expect((await runScript("db-restore.ts", [dumpFile], target.url)).code).toBe(0);
    await withClient(target.url, (client) => client.query("UPDATE users SET name = 'Changed after backup'"));
    const changed = await fingerprintTables(target.url);
    expect(changed).not.toEqual(sourcePrint);

    const refused = await runScript("db-restore.ts", [dumpFile], target.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--force/);
    expect(await fingerprintTables(target.url)).toEqual(changed);

    const forced = await runScript("db-restore.ts", [dumpFile, "--force"], target.url);
    expect(forced.code, forced.stderr).toBe(0);
    expect(await fingerprintTables(target.url)).toEqual(sourcePrint);
  });

  it("restores with --force over the database it was taken from, job queue schema included", async () => {
    const live = await scratchDatabase("cms_backup_live");
    databases.push(live);
    expect((await runScript("db-restore.ts", [dumpFile], live.url)).code).toBe(0);
    // The app ran: pg-boss made its schema (a partitioned job table), a schedule, done and waiting jobs.
    await runJobs(live.url, 3);
    const liveDump = path.join(work, "live.dump");
    const backup = await runScript("db-backup.ts", [liveDump], live.url);
    expect(backup.code, backup.stderr).toBe(0);
    const backedUp = await fingerprintTables(live.url);
    expect(Object.keys(backedUp).filter((table) => table.startsWith("pgboss.")).length).toBeGreaterThan(3);
    expect(backedUp["pgboss.job"]?.rows).toBeGreaterThan(0);

    // Work after the backup: an edit, a revision gone, more jobs.
    await withClient(live.url, async (client) => {
      await client.query("UPDATE users SET name = 'Changed after backup'");
      await client.query("DELETE FROM revisions WHERE id = 'backup-test-rev'");
    });
    await runJobs(live.url, 2);
    expect(await fingerprintTables(live.url)).not.toEqual(backedUp);

    // An idle connection of the app stays open during the restore.
    await withClient(live.url, async (idle) => {
      await idle.query("SELECT 1");
      const restored = await runScript("db-restore.ts", [liveDump, "--force"], live.url);
      expect(restored.code, restored.stderr).toBe(0);
    });
    expect(await fingerprintTables(live.url)).toEqual(backedUp);
    // The job queue works on the restored schema.
    await runJobs(live.url, 1);

    // A dump that breaks off midway fails after the schemas were dropped in its transaction: nothing changes.
    const cut = path.join(work, "live-cut.dump");
    const bytes = readFileSync(liveDump);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const before = await fingerprintTables(live.url);
    const failed = await runScript("db-restore.ts", [cut, "--force"], live.url);
    expect(failed.code, failed.stdout).toBe(1);
    expect(failed.stderr).toMatch(/nothing was changed/);
    expect(await fingerprintTables(live.url)).toEqual(before);
  });

  it("refuses, even with --force, a database with tables the backup lacks (a later migration)", async () => {
    const target = await scratchDatabase("cms_backup_newer");
    databases.push(target);
    await applyMigrations(target.url);
    await withClient(target.url, (client) => client.query("CREATE TABLE later_feature (id int)"));
    const refused = await runScript("db-restore.ts", [dumpFile, "--force"], target.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("public.later_feature");
    expect((await fingerprintTables(target.url))["public.users"]?.rows).toBe(0);
  });

  it("refuses a file that is not a custom-format dump and changes nothing", async () => {
    const target = await scratchDatabase("cms_backup_bad");
    databases.push(target);
    const bogus = path.join(work, "not-a-dump.sql");
    writeFileSync(bogus, "DROP TABLE users;");
    const refused = await runScript("db-restore.ts", [bogus, "--force"], target.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/custom-format/);
  });
});

/** What a running app server does to the job queue: its queues and cron, jobs sent, some worked. */
async function runJobs(url: string, sent: number): Promise<void> {
  const boss = createJobQueue(url);
  boss.on("error", () => {});
  await boss.start();
  try {
    await createQueues(boss);
    await boss.schedule(QUEUES.publishDue, PUBLISH_DUE_CRON, {}, { tz: "UTC" });
    for (let n = 0; n < sent; n++) await boss.send(QUEUES.publishDue, { n });
    const [job] = await boss.fetch(QUEUES.publishDue);
    if (!job) throw new Error("no job to work");
    await boss.complete(QUEUES.publishDue, job.id);
  } finally {
    await boss.stop({ graceful: false, wait: true, timeout: 2000 });
  }
}
