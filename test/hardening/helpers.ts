// Shared by the hardening tests: throwaway databases on the test server, the repository's CLI
// scripts run as child processes, and a fingerprint of every table to compare two databases.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { dropDatabase, ensureDatabase, withDatabase } from "@/lib/database/postgres";

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
    const child = spawn(path.join(repoRoot, "node_modules/.bin/tsx"), [path.join("scripts", script), ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
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

/** Row count and md5 of the rows in a fixed order, for every table of the public schema. */
export async function fingerprintTables(url: string): Promise<Record<string, TableFingerprint>> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const result: Record<string, TableFingerprint> = {};
    for (const { tablename } of tables) {
      const table = `"${tablename.replace(/"/g, '""')}"`;
      const { rows } = await client.query<{ n: string; md5: string }>(
        `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM ${table} t`,
      );
      result[tablename] = { rows: Number(rows[0]?.n), md5: rows[0]?.md5 ?? "" };
    }
    return result;
  });
}
