// PostgreSQL disappears in the middle of a publish: the publish is all or nothing (state, version,
// audit row and comment together, never part of them), and the app's own Prisma pool serves the
// next query once the database is back, without restarting the process. Runs on an embedded
// server of its own (stopped and crashed on purpose), never the shared test database.
// (A crash in the middle of an import is covered by lib/import-review/service.test.ts, "leaves no partial article".)
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { applyMigrations } from "@/scripts/lib/database/migrations";
import { startDatabaseServer, type DatabaseServer } from "@/scripts/lib/database/postgres";
import { freePort } from "@/scripts/lib/free-port";
import { withClient } from "./helpers";

const sharedTestDatabase = process.env.DATABASE_URL;
const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "cms-fault-pg-")), "cluster");
chmodSync(path.dirname(dataDir), 0o755); // the embedded server runs as the postgres user
let port = 0;
let server: DatabaseServer;

/** Starts (or restarts, on the same files and port) this test's own embedded server. */
async function startOwnServer(): Promise<DatabaseServer> {
  delete process.env.DATABASE_URL;
  try {
    return await startDatabaseServer({ persistent: true, dataDir, port, database: "cms_faults" });
  } finally {
    process.env.DATABASE_URL = server?.url ?? sharedTestDatabase;
  }
}

// The app's modules, loaded against this server: lib/db.ts reads DATABASE_URL once, at import.
let app: {
  db: typeof import("@/lib/db").db;
  transitionVersion: typeof import("@/lib/workflow/service").transitionVersion;
  fixtures: typeof import("@/test/fixtures/workflow");
};

beforeAll(async () => {
  port = await freePort();
  server = await startOwnServer();
  await applyMigrations(server.url);
  process.env.DATABASE_URL = server.url;
  delete (globalThis as { prisma?: unknown }).prisma;
  vi.resetModules();
  const [{ db }, { transitionVersion }, fixtures] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/workflow/service"),
    import("@/test/fixtures/workflow"),
  ]);
  app = { db, transitionVersion, fixtures };
  // Holds the publish transaction open right after its audit row is written (status already
  // updated): the moment to pull the plug. Only for stories whose title says so.
  await withClient(server.url, (client) =>
    client.query(`
      CREATE FUNCTION test_hold_publish() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM article_versions WHERE id = NEW.entity_id AND title LIKE 'hold-publish%') THEN
          PERFORM pg_sleep(60);
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER test_hold_publish AFTER INSERT ON audit_log FOR EACH ROW
        WHEN (NEW.action = 'workflow.publish') EXECUTE FUNCTION test_hold_publish();`),
  );
}, 60_000);

afterAll(async () => {
  await app?.db.$disconnect();
  await server?.stop();
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
  process.env.DATABASE_URL = sharedTestDatabase;
  delete (globalThis as { prisma?: unknown }).prisma;
});

/** An approved story held by the trigger when published, and its publisher. */
async function approvedStory() {
  const editor = await app.fixtures.makeUser("EDITOR");
  const story = await app.fixtures.makeArticle([
    { language: "en", status: "APPROVED", title: `hold-publish ${app.fixtures.uniqueWord()}` },
  ]);
  return { editor, version: story.version("en") };
}

/** Resolves once the publish transaction sleeps in the trigger; returns its backend's pid. */
async function waitForHeldPublish(): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    const pid = await withClient(server.url, async (client) => {
      const { rows } = await client.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND state = 'active'",
      );
      return rows[0]?.pid;
    });
    if (pid) return pid;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("The publish never reached the trigger");
}

/** What a publish writes, read with a fresh connection: all of it or none of it must be there. */
async function publishTraces(versionId: string) {
  return withClient(server.url, async (client) => {
    const one = async (sql: string) => Number((await client.query<{ value: string }>(sql, [versionId])).rows[0]?.value);
    const { rows } = await client.query<{ status: string; version: number; published: boolean }>(
      "SELECT status, version, published_at IS NOT NULL AS published FROM article_versions WHERE id = $1",
      [versionId],
    );
    return {
      ...rows[0],
      auditRows: await one("SELECT count(*) AS value FROM audit_log WHERE entity_id = $1 AND action = 'workflow.publish'"),
      revisions: await one("SELECT count(*) AS value FROM revisions WHERE version_id = $1"),
    };
  });
}

async function releaseHold(versionId: string) {
  await app.db.$executeRawUnsafe("UPDATE article_versions SET title = 'released' || substr(title, 13) WHERE id = $1", versionId);
}

describe("PostgreSQL lost in the middle of a publish", () => {
  it("stopped: nothing half-written, and the app's pool works again once it is back", async () => {
    const { editor, version } = await approvedStory();
    const before = await publishTraces(version.id);
    expect(before).toMatchObject({ status: "APPROVED", published: false, auditRows: 0 });

    const publishing = app.transitionVersion(editor, { versionId: version.id, version: version.version, transition: "publish" });
    publishing.catch(() => undefined);
    await waitForHeldPublish();
    await server.stop(); // PostgreSQL's fast shutdown: open transactions are rolled back, connections cut
    await expect(publishing).rejects.toThrow();
    // While it is down, queries fail fast instead of hanging.
    await expect(app.db.user.count()).rejects.toThrow();

    server = await startOwnServer();
    expect(await publishTraces(version.id)).toEqual(before);
    // Same process, same Prisma client: the pool reconnects by itself.
    expect(await app.db.articleVersion.count({ where: { id: version.id } })).toBe(1);
    await releaseHold(version.id);
    await app.transitionVersion(editor, { versionId: version.id, version: version.version, transition: "publish" });
    expect(await publishTraces(version.id)).toMatchObject({
      status: "PUBLISHED",
      version: version.version + 1,
      published: true,
      auditRows: 1,
      revisions: before.revisions,
    });
  });

  it("crashed (its backend killed): the server recovers by itself and the publish is all or nothing", async () => {
    const { editor, version } = await approvedStory();
    const before = await publishTraces(version.id);

    const publishing = app.transitionVersion(editor, { versionId: version.id, version: version.version, transition: "publish" });
    publishing.catch(() => undefined);
    const backend = await waitForHeldPublish();
    // SIGKILL of a backend makes PostgreSQL drop every connection and run crash recovery.
    process.kill(backend, "SIGKILL");
    await expect(publishing).rejects.toThrow();

    // The app retries nothing by itself: the pool hands out fresh connections once recovery is done.
    let recovered = false;
    for (let tries = 0; tries < 100 && !recovered; tries++) {
      recovered = await app.db.user.count().then(
        () => true,
        async () => {
          await new Promise((resolve) => setTimeout(resolve, 100));
          return false;
        },
      );
    }
    expect(recovered).toBe(true);
    expect(await publishTraces(version.id)).toEqual(before);
    await releaseHold(version.id);
    await app.transitionVersion(editor, { versionId: version.id, version: version.version, transition: "publish" });
    expect(await publishTraces(version.id)).toMatchObject({ status: "PUBLISHED", auditRows: 1 });
  });
});
