// Vitest global setup: every run gets a fresh database with all migrations applied, on the server
// DATABASE_URL names or on a throwaway embedded PostgreSQL. Tests see it as DATABASE_URL.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { applyMigrations } from "../scripts/lib/database/migrations";
import { dropDatabase, startDatabaseServer } from "../scripts/lib/database/postgres";

export default async function setup() {
  const database = `cms_test_${randomBytes(4).toString("hex")}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "cms-test-pg-"));
  const server = await startDatabaseServer({ persistent: false, dataDir, database });
  await applyMigrations(server.url);
  process.env.DATABASE_URL = server.url;
  process.env.TEST_DATABASE_ADMIN_URL = server.url;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
  return async () => {
    if (!server.embedded) await dropDatabase(server.url, database);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
