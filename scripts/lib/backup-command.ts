// Runs a backup or restore against the configured database server and turns the outcome into an
// exit status: 0 done, 1 refused with BackupError's message (printed), anything else is a crash.
import { BackupError } from "@/scripts/lib/database/backup";
import { startDatabaseServer } from "@/scripts/lib/database/postgres";

export async function runBackupCommand(work: (databaseUrl: string) => Promise<string>): Promise<number> {
  const server = await startDatabaseServer();
  try {
    console.log(await work(server.url));
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await server.stop();
  }
}

export function exitWith(run: Promise<number>): void {
  run.then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
