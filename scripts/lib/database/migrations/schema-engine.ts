// Runs Prisma's schema engine (the WebAssembly build from @prisma/schema-engine-wasm) offline, talking to
// PostgreSQL through @prisma/adapter-pg, with throwaway shadow databases created and dropped on the same server.
//
// The Prisma 7 CLI only drives the native schema-engine binary, which it downloads at first use; this module
// is the offline replacement. Four problems with @prisma/adapter-pg 7.10.1 as an engine driver are fixed here:
//   - its shadow-database factory reuses the main database (a `database` next to a `connectionString` is
//     ignored by pg) and drops the shadow database while its own pool is still connected;
//   - it cannot describe Postgres's internal one-byte "char" type (OID 18), which the engine reads from the
//     catalogs (pg_constraint.contype and friends);
//   - its executeScript splits scripts on every ";" (inside comments, strings and function bodies too);
//   - errors thrown by our own JS code reach the engine only as "External error id#N".
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQueryable,
  SqlResultSet,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
// The glue only; its wasm is instantiated in loadGlue().
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

const require = createRequire(import.meta.url);

// @prisma/driver-adapter-utils is a dependency of @prisma/adapter-pg, not of this project: resolve it from there so
// that we always get the copy the adapter itself was built against.
const adapterUtils = createRequire(require.resolve("@prisma/adapter-pg"))(
  "@prisma/driver-adapter-utils",
) as typeof import("@prisma/driver-adapter-utils");

export type { SchemaEngine };

interface PanicRegistry {
  get(): string;
  set_message(message: string): void;
}

// The wasm glue reports Rust panics through this global (the Prisma CLI installs the same object). A panic inside
// an async engine call surfaces as an uncaught "RuntimeError: unreachable" that ends the process without saying
// why, so the message is printed here as well.
const globals = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
let panicMessage: string | undefined;
if (!globals.PRISMA_WASM_PANIC_REGISTRY) {
  globals.PRISMA_WASM_PANIC_REGISTRY = {
    get: () => panicMessage ?? "",
    set_message: (message: string) => {
      panicMessage = `RuntimeError: ${message}`;
      console.error(`Prisma schema engine (wasm) panicked: ${message}`);
    },
  };
}

let compiledGlue: Promise<typeof glue> | undefined;

/**
 * Instantiates the wasm engine by hand: the package's entry point does `import * as wasm from "./x.wasm"`, which
 * Node 20 only understands behind --experimental-wasm-modules. One instance serves the whole process.
 */
async function loadGlue(): Promise<typeof glue> {
  if (panicMessage !== undefined) {
    // A panicked instance is left in an undefined state (and the glue holds it in module-level variables).
    throw new SchemaEngineError(`The schema engine crashed earlier in this process (${panicMessage}); start a new process.`);
  }
  compiledGlue ??= (async () => {
    const glueDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const wasmPath = path.join(glueDir, "schema_engine_bg.wasm");
    const wasmModule = await WebAssembly.compile(new Uint8Array(await readFile(wasmPath)));
    const instance = await WebAssembly.instantiate(wasmModule, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  try {
    return await compiledGlue;
  } catch (error) {
    compiledGlue = undefined;
    throw error;
  }
}

function isPanic(error: unknown): boolean {
  return error instanceof WebAssembly.RuntimeError || (error instanceof Error && error.name === "RuntimeError");
}

export class SchemaEngineError extends Error {
  override name = "SchemaEngineError";
}

// ---------------------------------------------------------------------------------------------------------------
// Connection strings

export interface PgTarget {
  url: URL;
  database: string;
}

/** Parses a postgres:// or postgresql:// URL; only the default `public` schema is supported. */
export function parseDatabaseUrl(databaseUrl: string): PgTarget {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new SchemaEngineError("The database URL is not a valid URL (expected postgresql://user:pass@host:port/db).");
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new SchemaEngineError(`Unsupported database URL protocol "${url.protocol}" (expected postgresql://).`);
  }
  const schema = url.searchParams.get("schema");
  if (schema !== null && schema !== "public") {
    // Migrations, _prisma_migrations and the engine's introspection would all have to agree on another schema;
    // nothing in this project needs that, so refuse rather than half-support it.
    throw new SchemaEngineError(`Only the "public" schema is supported (the URL asks for schema=${schema}).`);
  }
  // libpq's default: no database in the URL means the one named like the user.
  const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || decodeURIComponent(url.username) || "postgres";
  return { url, database };
}

function urlForDatabase(target: PgTarget, database: string): string {
  const url = new URL(target.url.href);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.href;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `<db>_shadow_<random>`, kept under Postgres's 63-byte identifier limit. */
function shadowDatabaseName(mainDatabase: string): string {
  const suffix = `_shadow_${randomBytes(5).toString("hex")}`;
  let base = mainDatabase.replace(/[^A-Za-z0-9_]/g, "_");
  while (Buffer.byteLength(base + suffix) > 63) base = base.slice(0, -1);
  return `${base}${suffix}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Driver adapter

// Marker appended (by a protocol-level listener) to the names of result columns whose type is "char" (OID 18).
const CHAR_COLUMN_MARKER = "\u0000pg_char";
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

interface RowDescription {
  fields: Array<{ name: string; dataTypeID: number }>;
}

/**
 * Runs before pg hands the row description to the query: the adapter would reject OID 18, so it is relabelled as
 * text (same wire format) and the column name is tagged so `untagCharColumns` can report it as a Character column.
 */
function tagCharColumns(message: RowDescription): void {
  for (const field of message.fields) {
    if (field.dataTypeID === PG_CHAR_OID) {
      field.dataTypeID = PG_TEXT_OID;
      field.name += CHAR_COLUMN_MARKER;
    }
  }
}

function untagCharColumns(result: SqlResultSet): SqlResultSet {
  result.columnNames.forEach((name, index) => {
    if (name.endsWith(CHAR_COLUMN_MARKER)) {
      result.columnNames[index] = name.slice(0, -CHAR_COLUMN_MARKER.length);
      // The engine reads these with `get_char`, which only accepts Character values (not one-letter Text).
      result.columnTypes[index] = adapterUtils.ColumnTypeEnum.Character;
    }
  });
  return result;
}

function withCharColumns<T extends SqlQueryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => untagCharColumns(await queryRaw(query));
  return queryable;
}

async function endPool(pool: pg.Pool): Promise<void> {
  if (!pool.ended) await pool.end();
}

/**
 * Owns every connection and shadow database of one engine session, so that `close()` can release all of them
 * even when the engine never disposes its adapters (it does not on errors or panics).
 */
class EngineConnections implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";
  private readonly pools = new Set<pg.Pool>();
  private readonly shadowDatabases = new Set<string>();
  private admin: Promise<pg.Client> | undefined;

  constructor(
    private readonly target: PgTarget,
    private readonly scratchMain: boolean,
  ) {}

  connect(): Promise<SqlDriverAdapter> {
    return this.scratchMain ? this.connectToShadowDb() : this.open(this.target.url.href);
  }

  /** A brand-new empty database per call: the engine asks for one per operation and expects it empty. */
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const name = shadowDatabaseName(this.target.database);
    const admin = await this.adminClient();
    try {
      await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
    } catch (error) {
      throw new SchemaEngineError(
        `Could not create the scratch shadow database "${name}" (the database user needs CREATEDB): ` + errorMessage(error),
      );
    }
    this.shadowDatabases.add(name);
    return this.open(urlForDatabase(this.target, name), () => this.dropShadowDatabase(name));
  }

  private async open(url: string, afterDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    this.pools.add(pool);
    // An idle connection dying (e.g. its shadow database dropped) must not crash the process.
    pool.on("error", () => {});
    pool.on("connect", (client) => {
      client.connection.prependListener("rowDescription", tagCharColumns);
    });
    const adapter = withCharColumns(await new PrismaPg(pool).connect());
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => withCharColumns(await startTransaction(isolationLevel));
    // Send the script as one simple-protocol query, exactly like the native engine: Postgres splits it itself,
    // so semicolons in comments, strings and function bodies are harmless (and it runs as one implicit transaction).
    adapter.executeScript = async (script) => {
      await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
    };
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      this.pools.delete(pool);
      await endPool(pool);
      await afterDispose?.();
    };
    return adapter;
  }

  private adminClient(): Promise<pg.Client> {
    this.admin ??= (async () => {
      const client = new pg.Client({ connectionString: this.target.url.href });
      client.on("error", () => {});
      await client.connect();
      return client;
    })();
    return this.admin;
  }

  private async dropShadowDatabase(name: string): Promise<void> {
    if (!this.shadowDatabases.delete(name)) return;
    const admin = await this.adminClient();
    const { rows } = await admin.query<{ version: string }>(`SELECT current_setting('server_version_num') AS version`);
    if (Number(rows[0]?.version ?? 0) >= 130000) {
      // FORCE: connections the engine leaked (it does not always dispose) must not keep the database alive.
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    } else {
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
    }
  }

  /** Ends every pool and drops every shadow database; collects failures instead of stopping at the first. */
  async close(): Promise<void> {
    const failures: unknown[] = [];
    for (const pool of this.pools) await endPool(pool).catch((error: unknown) => failures.push(error));
    this.pools.clear();
    for (const name of [...this.shadowDatabases]) {
      await this.dropShadowDatabase(name).catch((error: unknown) => failures.push(error));
    }
    if (this.admin) {
      const admin = await this.admin.catch(() => undefined);
      await admin?.end().catch((error: unknown) => failures.push(error));
    }
    if (failures.length > 0) {
      const details = failures.map(errorMessage).join("; ");
      throw new SchemaEngineError(`Cleaning up after the schema engine failed: ${details}`);
    }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The engine only sees "External error id#N" for JS exceptions thrown in the adapter; put the real message back.
 */
function explainEngineError(error: unknown, factory: ErrorCapturingSqlMigrationAwareDriverAdapterFactory): Error {
  // Our own errors (thrown by `work` or the connection code) are already meant for users.
  if (error instanceof Error && (error.name === "MigrationError" || error instanceof SchemaEngineError)) return error;
  if (isPanic(error)) {
    const panic = globals.PRISMA_WASM_PANIC_REGISTRY?.get() ?? "";
    return new SchemaEngineError(`The schema engine crashed: ${panic || errorMessage(error)}`);
  }
  let message = errorMessage(error).replace(/External error id#(\d+)/g, (whole, id: string) => {
    const record = factory.errorRegistry.consumeError(Number(id));
    return record ? errorMessage(record.error) : whole;
  });
  // Drop the Rust span trace ("   0: schema_engine_wasm::…"), which says nothing useful to a user.
  message = message.replace(/\n\s+0: [\s\S]*$/, "").trim();
  return new SchemaEngineError(message);
}

export interface SchemaFile {
  path: string;
  content: string;
}

export interface EngineOptions {
  /**
   * Give the engine an empty scratch database (on the same server) as its "main" database instead of
   * `databaseUrl`'s, for operations whose result must not depend on the state of the real database.
   */
  scratchMainDatabase?: boolean;
}

/**
 * Runs `work` with a schema engine connected to `databaseUrl` (shadow databases go to the same server), then frees
 * the engine, closes every connection and drops every scratch database, whatever happened.
 */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  schemaFiles: SchemaFile[],
  work: (engine: SchemaEngine) => Promise<T>,
  options: EngineOptions = {},
): Promise<T> {
  // The engine panics (asynchronously, which ends the process) when given no schema file at all.
  if (schemaFiles.length === 0) throw new SchemaEngineError("The schema engine needs at least one Prisma schema file.");
  const connections = new EngineConnections(parseDatabaseUrl(databaseUrl), options.scratchMainDatabase ?? false);
  const factory = adapterUtils.bindMigrationAwareSqlAdapterFactory(connections);
  let engine: SchemaEngine | undefined;
  let result: T;
  try {
    const { SchemaEngine } = await loadGlue();
    engine = await SchemaEngine.new(
      { datamodels: schemaFiles.map((file): [string, string] => [file.path, file.content]) },
      // Engine log lines (JSON); errors come back as rejections, so the logs are not needed.
      () => {},
      factory,
    );
    result = await work(engine);
  } catch (error) {
    await connections.close().catch(() => {});
    throw explainEngineError(error, factory);
  } finally {
    try {
      engine?.free();
    } catch {
      // Freeing after a panic can trap again; the instance is discarded anyway.
    }
  }
  await connections.close();
  return result;
}
