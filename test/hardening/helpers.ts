// Shared by the hardening tests: throwaway databases on the test server, the repository's CLI
// scripts run as child processes, and a fingerprint of every table to compare two databases.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { dropDatabase, ensureDatabase, withDatabase } from "@/scripts/lib/database/postgres";

export const repoRoot = path.resolve(import.meta.dirname, "../..");

function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_ADMIN_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("The Vitest global setup sets DATABASE_URL");
  return url;
}

/** A new empty database on the test server; `drop` removes it. */
export async function scratchDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const server = testServerUrl();
  await ensureDatabase(server, name);
  return { url: withDatabase(server, name), drop: () => dropDatabase(server, name) };
}

export type ScriptResult = { code: number; stdout: string; stderr: string };

/** Runs `tsx scripts/<name>` as `npm run …` would, against the database at `databaseUrl`. */
export function runScript(script: string, args: string[], databaseUrl: string): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(repoRoot, "node_modules/.bin/tsx"),
      ["--conditions=react-server", path.join("scripts", script), ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: databaseUrl },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export type TableFingerprint = { rows: number; md5: string };

/**
 * Row count and md5 of the rows in a fixed order for every table of every schema the app owns
 * (public, the job queue's pgboss, …), keyed `schema.table`, and each sequence's last value
 * (keyed `sequence schema.name`, as `{ rows: last_value, md5: "" }`).
 */
export async function fingerprintTables(url: string): Promise<Record<string, TableFingerprint>> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string; qualified: string }>(
      `SELECT schemaname || '.' || tablename AS name, quote_ident(schemaname) || '.' || quote_ident(tablename) AS qualified
       FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    );
    const result: Record<string, TableFingerprint> = {};
    for (const { name, qualified } of tables) {
      const { rows } = await client.query<{ n: string; md5: string }>(
        `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM ${qualified} t`,
      );
      result[name] = { rows: Number(rows[0]?.n), md5: rows[0]?.md5 ?? "" };
    }
    const { rows: sequences } = await client.query<{ name: string; last: string | null }>(
      "SELECT schemaname || '.' || sequencename AS name, last_value AS last FROM pg_sequences ORDER BY 1",
    );
    for (const { name, last } of sequences) result[`sequence ${name}`] = { rows: Number(last ?? 0), md5: "" };
    return result;
  });
}
