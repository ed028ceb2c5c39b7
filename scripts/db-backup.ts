// `npm run db:backup [FILE]`: a pg_dump custom-format (-Fc) file of the configured database
// (DATABASE_URL, else the demo's embedded server); by default .data/backups/cms-<timestamp>.dump.
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { backupDatabase, defaultBackupFile } from "@/scripts/lib/database/backup";
import { exitWith, runBackupCommand } from "./lib/backup-command";

const root = path.resolve(import.meta.dirname, "..");

async function main(): Promise<number> {
  const [target, ...extra] = process.argv.slice(2);
  if (extra.length > 0 || target?.startsWith("-")) {
    console.error("usage: npm run db:backup [FILE]");
    return 2;
  }
  const file = path.resolve(target ?? defaultBackupFile(root));
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  return runBackupCommand(async (databaseUrl) => {
    await backupDatabase(databaseUrl, file);
    return `Backup written: ${file} (${statSync(file).size} bytes)`;
  });
}

exitWith(main());
