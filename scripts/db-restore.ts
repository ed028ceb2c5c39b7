// `npm run db:restore -- FILE [--force]`: replaces the configured database (DATABASE_URL, else the
// demo's embedded server) with a db:backup file. A database that holds data needs --force.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { restoreDatabase } from "@/scripts/lib/database/backup";
import { exitWith, runBackupCommand } from "./lib/backup-command";

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
  return runBackupCommand(async (databaseUrl) => {
    await restoreDatabase(databaseUrl, source, { force: values.force });
    return `Restored ${source} into ${new URL(databaseUrl).pathname.slice(1)}. Run npm run db:migrate if the backup predates newer migrations.`;
  });
}

exitWith(main());
