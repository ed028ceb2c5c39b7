// Backup and restore of the CMS database with PostgreSQL's own tools: pg_dump in custom format
// (-Fc); a restore drops the database's schemas and replays the dump (pg_restore's SQL through psql)
// in one transaction. The tools are the ones on PATH; pg_dump refuses a server newer than itself,
// so that is checked first with a clear message.
import { spawn } from "node:child_process";
import { chmod, open, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { JOB_SCHEMA } from "@/lib/jobs/queue";

export class BackupError extends Error {}

/** `.data/backups/cms-2026-11-23T16-49-18Z.dump` for the repository at `root`. */
export function defaultBackupFile(root: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/:/g, "-");
  return path.join(root, ".data", "backups", `cms-${stamp}.dump`);
}

// libpq reads these from a URL's query; Prisma-only ones (schema, connection_limit…) make it fail.
const LIBPQ_QUERY_PARAMS = new Set([
  "sslmode",
  "sslcert",
  "sslkey",
  "sslrootcert",
  "sslcrl",
  "sslpassword",
  "sslnegotiation",
  "channel_binding",
  "gssencmode",
  "application_name",
  "connect_timeout",
  "options",
  "target_session_attrs",
  "host",
  "hostaddr",
  "port",
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

type Stdio = "pipe" | "ignore";

/** Starts a PostgreSQL tool; `done` gives its exit code and what it wrote to stderr. */
function spawnTool(command: string, args: string[], env: NodeJS.ProcessEnv, stdio: [Stdio, Stdio, "pipe"]) {
  const child = spawn(command, args, { env, stdio });
  const done = new Promise<{ code: number; stderr: string }>((resolve, reject) => {
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "ENOENT" ? new BackupError(`${command} is not installed (Debian: apt-get install postgresql-client).`) : error),
    );
    child.on("close", (code) => resolve({ code: code ?? 1, stderr: stderr.trim() }));
  });
  return { child, done };
}

async function runTool(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  const { child, done } = spawnTool(command, args, env, ["ignore", "pipe", "pipe"]);
  let stdout = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  return { ...(await done), stdout };
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
  if (code !== 0) throw new BackupError(`pg_restore cannot read ${file} (nothing was changed): ${stderr}`);
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

// Empties the database down to its bare catalogue inside the restore's transaction: tables first,
// then every schema (public, the job queue's, …) with what is left in it. Two PostgreSQL 15
// traps on the way: a schema's CASCADE can drop pg_trgm's options function before the translation
// memory's index (gist_trgm_ops with siglen), and even the index alone cannot be dropped until the
// session has loaded pg_trgm's library ("operator class gist_trgm_ops has no options").
const CLEAR_DATABASE = `DO $$ DECLARE home regnamespace; tables text; schema name; BEGIN
  SELECT extnamespace INTO home FROM pg_extension WHERE extname = 'pg_trgm';
  IF home IS NOT NULL THEN EXECUTE format('SELECT %s.show_trgm(%L)', home, ''); END IF;
  SELECT string_agg(format('%I.%I', n.nspname, c.relname), ', ') INTO tables
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema';
  IF tables IS NOT NULL THEN EXECUTE 'DROP TABLE ' || tables || ' CASCADE'; END IF;
  FOR schema IN SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', schema);
  END LOOP;
END $$;`;

/**
 * Replaces the database at `url` with the dump's contents, in one transaction (a failure changes
 * nothing). Refuses a database that holds rows unless `force` is set.
 */
export async function restoreDatabase(url: string, file: string, options: RestoreOptions = {}): Promise<void> {
  if (!(await isCustomFormatDump(file))) throw new BackupError(`${file} is not a pg_dump custom-format file (made by npm run db:backup).`);
  const rows = await countUserRows(url);
  if (rows > 0 && !options.force) {
    throw new BackupError(
      `The database ${new URL(url).pathname.slice(1)} holds ${rows} rows: restoring replaces them all. Add --force to do it anyway.`,
    );
  }
  // Tables of later migrations would be dropped with their rows, which the backup cannot give back:
  // refuse. The job queue's tables are pg-boss's own, remade by the app at start, so they may go.
  const inDump = new Set(await listDumpTables(file));
  const extra = (await listDatabaseTables(url)).filter((table) => !inDump.has(table) && !table.startsWith(`${JOB_SCHEMA}.`));
  if (extra.length > 0) {
    throw new BackupError(
      `The database has tables the backup lacks (${extra.join(", ")}): restore into an empty database (drop and create it), then run npm run db:migrate.`,
    );
  }
  // pg_restore --clean drops object by object and fails on pg-boss's partitioned job table
  // ("cannot drop inherited constraint"). Emptying whole schemas first has no such order to get
  // wrong; psql runs that and the dump's SQL in one transaction that a failure rolls back.
  // pg_dump leaves out the public schema itself (initdb makes it), so it is made again here.
  const preamble = [
    "BEGIN;",
    "SET lock_timeout = '30s';",
    "SET client_min_messages = warning;",
    CLEAR_DATABASE,
    "CREATE SCHEMA public;",
    "",
  ].join("\n");
  await replayDump(url, file, preamble);
}

/**
 * Streams `pg_restore --file=-` (the dump as SQL) into psql after `preamble`, which opens a
 * transaction. COMMIT is sent only once pg_restore has finished cleanly: a dump that breaks off
 * midway ends psql's input inside the transaction, which PostgreSQL then rolls back.
 */
async function replayDump(url: string, file: string, preamble: string): Promise<void> {
  const { dbname, env } = libpqConnection(url);
  const script = spawnTool("pg_restore", ["--no-owner", "--no-privileges", "--file=-", file], env, ["ignore", "pipe", "pipe"]);
  const psql = spawnTool(
    "psql",
    ["--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--no-password", `--dbname=${dbname}`, "--file=-"],
    env,
    ["pipe", "ignore", "pipe"],
  );
  // psql stops at the first error: what pg_restore still sends has nowhere to go, so it is stopped.
  psql.child.stdin!.on("error", () => {});
  const stopScript = () => void script.child.kill();
  psql.done.then(stopScript, stopScript);
  psql.child.stdin!.write(preamble);
  script.child.stdout!.pipe(psql.child.stdin!, { end: false });
  const restored = await script.done;
  if (restored.code === 0) psql.child.stdin!.end("COMMIT;\n");
  else psql.child.stdin!.end();
  const replayed = await psql.done;
  if (replayed.code !== 0) throw new BackupError(`The restore failed (nothing was changed): ${replayed.stderr}`);
  if (restored.code !== 0) throw new BackupError(`pg_restore failed (nothing was changed): ${restored.stderr}`);
}
