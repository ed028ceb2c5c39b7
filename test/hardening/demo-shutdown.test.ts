// `npm run demo` stops on SIGTERM in every state: with its PostgreSQL killed first, the demo's
// shutdown (scripts/lib/shutdown.ts) ends within seconds and leaves no app or postgres process.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "./helpers";

const work = mkdtempSync(path.join(tmpdir(), "demo-shutdown-"));
chmodSync(work, 0o755); // the embedded server runs as the postgres user and must reach its folder
afterAll(() => rmSync(work, { recursive: true, force: true }));

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Processes whose working folder is `dir`: a postmaster and its backends live in their cluster's folder. */
function processesIn(dir: string): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`).startsWith(dir); // "… (deleted)" once the folder is gone
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function killPostgresThenTerminate(name: string, args: string[]) {
  const dataDir = path.join(work, name);
  const demo = spawn(
    path.join(repoRoot, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "test/hardening/demo-pieces.ts", dataDir, ...args],
    {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const exited = new Promise<number | null>((resolve) => demo.on("exit", (code) => resolve(code)));
  const pids = await new Promise<{ postmaster: number; app: number; demo: number }>((resolve, reject) => {
    demo.stdout.once("data", (line: Buffer) => resolve(JSON.parse(line.toString())));
    demo.on("exit", () => reject(new Error("the demo stand-in exited before it started")));
  });
  expect(processesIn(dataDir)).toContain(pids.postmaster);

  process.kill(pids.postmaster, "SIGKILL");
  await until(() => !isRunning(pids.postmaster), 5000);
  const sentAt = Date.now();
  demo.kill("SIGTERM");
  const code = await Promise.race([exited, new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), 20_000))]);
  const tookMs = Date.now() - sentAt;
  if (code === "hung") demo.kill("SIGKILL");
  // Backends notice their postmaster's death on their own; give them a moment.
  await until(() => processesIn(dataDir).length === 0, 3000).catch(() => {});
  return { code, tookMs, pids, left: processesIn(dataDir), dataDir };
}

describe("demo shutdown after its PostgreSQL died", () => {
  it("SIGTERM ends the demo within seconds; no app, postgres or demo process remains", async () => {
    const { code, tookMs, pids, left } = await killPostgresThenTerminate("pg-dead", []);
    expect(code).not.toBe("hung");
    expect(tookMs).toBeLessThan(4000);
    expect(isRunning(pids.app)).toBe(false);
    expect(isRunning(pids.demo)).toBe(false);
    expect(left).toEqual([]);
  }, 60_000);

  it("an app that ignores SIGTERM is killed: still over within seconds", async () => {
    const { code, tookMs, pids, left } = await killPostgresThenTerminate("pg-dead-stubborn", ["--stubborn-app"]);
    expect(code).not.toBe("hung");
    expect(tookMs).toBeLessThan(9000);
    expect(isRunning(pids.app)).toBe(false);
    expect(isRunning(pids.demo)).toBe(false);
    expect(left).toEqual([]);
  }, 60_000);
});
