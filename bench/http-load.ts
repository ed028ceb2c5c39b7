// Drives wrk (Debian's package, a separate process) against one URL for a fixed duration and
// concurrency, and reads back requests/s and the p50/p95/p99 latencies from a Lua report.
import { execFile, spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export type LoadResult = {
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
};

const WRK_THREADS = 2;

const REPORT_SCRIPT = `
-- Each thread starts at its own index and steps by the thread count, so no path is fetched twice.
local threads = 0
setup = function(thread)
  thread:set("first", threads)
  threads = threads + 1
end
paths = {}
counter = 0
init = function(args)
  counter = first or 0
  if args[1] then
    for line in io.lines(args[1]) do paths[#paths + 1] = line end
  end
end
request = function()
  if #paths == 0 then return wrk.format() end
  counter = counter + ${WRK_THREADS}
  return wrk.format(nil, paths[(counter % #paths) + 1])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format('{"requests":%d,"seconds":%f,"p50":%f,"p95":%f,"p99":%f,"errors":%d,"non2xx":%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3, errors, summary.errors.status))
end
`;

/** With `paths`, each request takes the next path of the list (to measure cache misses). */
function ensureWrk() {
  if (existsSync("/usr/bin/wrk")) return;
  spawnSync("apt-get", ["install", "-y", "-qq", "wrk"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

export async function measure(
  url: string,
  options: { seconds: number; connections: number; headers?: Record<string, string>; paths?: string[] },
): Promise<LoadResult> {
  ensureWrk();
  const script = path.join(tmpdir(), "cms-bench-report.lua");
  writeFileSync(script, REPORT_SCRIPT);
  const headerArgs = Object.entries(options.headers ?? {}).flatMap(([name, value]) => ["-H", `${name}: ${value}`]);
  const pathArgs: string[] = [];
  if (options.paths) {
    const list = path.join(tmpdir(), `cms-bench-paths-${process.pid}.txt`);
    writeFileSync(list, options.paths.join("\n"));
    pathArgs.push("--", list);
  }
  const { stdout } = await run(
    "wrk",
    // wrk needs at least one connection per thread.
    [
      "-t",
      String(Math.min(WRK_THREADS, options.connections)),
      "-c",
      String(options.connections),
      "-d",
      `${options.seconds}s`,
      "--timeout",
      "10s",
      "-s",
      script,
      ...headerArgs,
      url,
      ...pathArgs,
    ],
    { maxBuffer: 1 << 20 },
  );
  const line = stdout
    .trim()
    .split("\n")
    .find((text) => text.startsWith("{"));
  if (!line) throw new Error(`wrk printed no report for ${url}:\n${stdout}`);
  const report = JSON.parse(line) as {
    requests: number;
    seconds: number;
    p50: number;
    p95: number;
    p99: number;
    errors: number;
    non2xx: number;
  };
  return {
    requests: report.requests,
    requestsPerSecond: Math.round(report.requests / report.seconds),
    p50Ms: round(report.p50),
    p95Ms: round(report.p95),
    p99Ms: round(report.p99),
    errors: report.errors,
    non2xx: report.non2xx,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
