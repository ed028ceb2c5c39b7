// A throwaway Redis for the cluster demo and the tests: Debian's redis-server on a free loopback port,
// nothing written to disk, installed with apt-get when missing (as npm test does for Chromium).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createConnection } from "node:net";
import { freePort } from "@/scripts/lib/free-port";

export type LocalRedis = { url: string; port: number; process: ChildProcess; stop(): Promise<void> };

const CANDIDATES = ["/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server"];

export function ensureRedisServer(): string {
  const found = CANDIDATES.find(existsSync);
  if (found) return found;
  spawnSync("apt-get", ["install", "-y", "-qq", "redis-server"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  const installed = CANDIDATES.find(existsSync);
  if (!installed) throw new Error("redis-server is not installed and apt-get could not install it (apt-get install redis-server)");
  return installed;
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port }, () => socket.write("PING\r\n"));
    socket.setTimeout(500, () => (socket.destroy(), resolve(false)));
    socket.once("data", (data) => (socket.destroy(), resolve(data.toString().startsWith("+PONG"))));
    socket.once("error", () => resolve(false));
  });
}

export async function startLocalRedis(): Promise<LocalRedis> {
  const port = await freePort();
  const child = spawn(
    ensureRedisServer(),
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"],
    {
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await answersPing(port)) return { url: `redis://127.0.0.1:${port}`, port, process: child, stop };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error("redis-server did not start");
}
