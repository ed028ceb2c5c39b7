// `npm run db:restore -- FILE [--force]`: replaces the configured database (DATABASE_URL, else the
// demo's embedded server) with a db:backup file. A database that holds data needs --force.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { BackupError, restoreDatabase } from "@/lib/database/backup";
import { startDatabaseServer } from "@/lib/database/postgres";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { force: { type: "boolean", default: false } }, allowPositionals: true });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) {
    console.error("usage: npm run db:restore -- FILE [--force]");
    return 2;
  }
  const source = path.resolve(file);
  if (!existsSync(source)) {
    console.error(`No such file: ${source}`);
    return 2;
  }
  const server = await startDatabaseServer();
  try {
    await restoreDatabase(server.url, source, { force: values.force });
    console.log(`Restored ${source} into ${new URL(server.url).pathname.slice(1)}. Run npm run db:migrate if the backup predates newer migrations.`);
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
