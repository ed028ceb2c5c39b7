// Backup and restore of the CMS database with PostgreSQL's own tools: pg_dump in custom format
// (-Fc) and pg_restore --clean --if-exists --no-owner in one transaction. The tools are the ones on
// PATH; pg_dump refuses a server newer than itself, so that is checked first with a clear message.
import { spawn } from "node:child_process";
import { chmod, open, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export class BackupError extends Error {}

/** `.data/backups/cms-2026-11-23T16-49-18Z.dump` for the repository at `root`. */
export function defaultBackupFile(root: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/:/g, "-");
  return path.join(root, ".data", "backups", `cms-${stamp}.dump`);
}

// libpq reads these from a URL's query; Prisma-only ones (schema, connection_limit…) make it fail.
const LIBPQ_QUERY_PARAMS = new Set([
  "sslmode", "sslcert", "sslkey", "sslrootcert", "sslcrl", "sslpassword", "sslnegotiation", "channel_binding",
  "gssencmode", "application_name", "connect_timeout", "options", "target_session_attrs", "host", "hostaddr", "port",
]);

type Connection = { dbname: string; env: NodeJS.ProcessEnv };

/** The URL for libpq without its password, which goes through PGPASSWORD so `ps` never shows it. */
function libpqConnection(url: string): Connection {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  for (const key of [...parsed.searchParams.keys()]) if (!LIBPQ_QUERY_PARAMS.has(key)) parsed.searchParams.delete(key);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: parsed.toString(), env };
}

type RunResult = { code: number; stdout: string; stderr: string };

function runTool(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "ENOENT" ? new BackupError(`${command} is not installed (Debian: apt-get install postgresql-client).`) : error),
    );
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr: stderr.trim() }));
  });
}

/** Major version of a PostgreSQL tool on PATH, from `pg_dump --version` ("pg_dump (PostgreSQL) 15.18 …"). */
export async function toolMajorVersion(tool: "pg_dump" | "pg_restore"): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, ["--version"], { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", () => reject(new BackupError(`${tool} is not installed (Debian: apt-get install postgresql-client).`)));
    child.on("close", () => {
      const major = Number(/\(PostgreSQL\)\s+(\d+)/.exec(out)?.[1]);
      if (Number.isInteger(major)) resolve(major);
      else reject(new BackupError(`Cannot read the version of ${tool}: "${out.trim()}"`));
    });
  });
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `schema.table` of every table in a dump, from its table of contents (`pg_restore --list`). */
export async function listDumpTables(file: string): Promise<string[]> {
  const { code, stdout, stderr } = await runTool("pg_restore", ["--list", file], process.env);
  if (code !== 0) throw new BackupError(`pg_restore cannot read ${file}: ${stderr}`);
  // "216; 1259 16385 TABLE public articles postgres" (and not "TABLE DATA …")
  return [...stdout.matchAll(/^\d+; \d+ \d+ TABLE (?!DATA )(\S+) (\S+)/gm)].map((match) => `${match[1]}.${match[2]}`);
}

async function listDatabaseTables(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      "SELECT schemaname || '.' || tablename AS name FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    );
    return rows.map((row) => row.name);
  });
}

async function serverMajor(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0]?.server_version_num) / 10_000);
  });
}

/** Rows in the database's own tables (the migrations' bookkeeping aside); 0 for a fresh database. */
export async function countUserRows(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) AS name FROM pg_tables
       WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND tablename <> '_prisma_migrations'`,
    );
    let total = 0;
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${name}`);
      total += Number(rows[0]?.n ?? 0);
    }
    return total;
  });
}

/** Writes a custom-format dump of the database at `url` to `file`. */
export async function backupDatabase(url: string, file: string): Promise<void> {
  const [client, server] = await Promise.all([toolMajorVersion("pg_dump"), serverMajor(url)]);
  if (client < server) {
    throw new BackupError(`pg_dump ${client} cannot dump a PostgreSQL ${server} server: put pg_dump ${server} or newer first on PATH.`);
  }
  // A dump holds password hashes and unpublished copy: readable by its owner only, from the start.
  await writeFile(file, "", { mode: 0o600 });
  await chmod(file, 0o600);
  const { dbname, env } = libpqConnection(url);
  const { code, stderr } = await runTool("pg_dump", ["--format=custom", "--no-password", `--file=${file}`, `--dbname=${dbname}`], env);
  if (code !== 0) throw new BackupError(`pg_dump failed: ${stderr}`);
}

/** Custom-format dumps start with the bytes "PGDMP". */
export async function isCustomFormatDump(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    return bytesRead === 5 && buffer.toString("latin1") === "PGDMP";
  } finally {
    await handle.close();
  }
}

export type RestoreOptions = { force?: boolean };

/**
 * Replaces the database at `url` with the dump's contents, in one transaction (a failure changes
 * nothing). Refuses a database that holds rows unless `force` is set.
 */
export async function restoreDatabase(url: string, file: string, options: RestoreOptions = {}): Promise<void> {
  if (!(await isCustomFormatDump(file))) throw new BackupError(`${file} is not a pg_dump custom-format file (made by npm run db:backup).`);
  const rows = await countUserRows(url);
  if (rows > 0 && !options.force) {
    throw new BackupError(`The database ${new URL(url).pathname.slice(1)} holds ${rows} rows: restoring replaces them all. Add --force to do it anyway.`);
  }
  // --clean drops only what the dump holds: tables of later migrations would survive beside an
  // older _prisma_migrations, and the next migrate would fail half-way. Refuse instead.
  const inDump = new Set(await listDumpTables(file));
  const extra = (await listDatabaseTables(url)).filter((table) => !inDump.has(table));
  if (extra.length > 0) {
    throw new BackupError(
      `The database has tables the backup lacks (${extra.join(", ")}): restore into an empty database (drop and create it), then run npm run db:migrate.`,
    );
  }
  const { dbname, env } = libpqConnection(url);
  const args = ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--no-password", `--dbname=${dbname}`, file];
  const { code, stderr } = await runTool("pg_restore", args, env);
  if (code !== 0) throw new BackupError(`pg_restore failed (nothing was changed): ${stderr}`);
}
