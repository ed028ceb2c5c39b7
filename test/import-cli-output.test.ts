// The import command's output reaches a slow reader whole: JSON larger than a pipe's buffer (64 KiB)
// parses when the reader pauses, and the exit status comes after the last byte.
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const samples = path.join(root, "seed", "sample-articles");
const work = mkdtempSync(path.join(tmpdir(), "cli-output-"));

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Ten wire files: the samples, copied under new names until there are ten. */
function tenFiles(): string[] {
  const sources = readdirSync(samples)
    .filter((name) => name.endsWith(".txt"))
    .sort();
  return Array.from({ length: 10 }, (_, n) => {
    const file = path.join(work, `${n}-${sources[n % sources.length]}`);
    copyFileSync(path.join(samples, sources[n % sources.length]!), file);
    return file;
  });
}

// A consumer busy elsewhere: it takes the first byte as soon as the CLI writes, then reads nothing
// for 1.5 s (the pipe fills), then everything. A CLI that exits before stdout drains loses the rest.
const SLOW_READER = `
import { readSync } from "node:fs";
const first = Buffer.alloc(1);
for (;;) {
  try {
    if (readSync(0, first, 0, 1, null) === 1) break;
    process.exit(0);
  } catch (error) {
    if (error.code !== "EAGAIN") throw error;
  }
}
process.stdout.write(first);
setTimeout(() => process.stdin.pipe(process.stdout), 1500);
`;

/**
 * `tsx scripts/import.ts ARGS | slow reader` through an OS pipe (64 KiB of buffer; Node's own
 * stdio pipes are socket pairs with more room, which would hide the fault). The status is the
 * CLI's (pipefail).
 */
function runIntoSlowReader(args: string[]): Promise<{ code: number | null; stdout: string }> {
  const reader = path.join(work, "slow-reader.mjs");
  writeFileSync(reader, SLOW_READER);
  return new Promise((resolve, reject) => {
    const child = spawn(
      "bash",
      [
        "-o",
        "pipefail",
        "-c",
        '"$1" --conditions=react-server scripts/import.ts "${@:3}" | "$2" "$0"',
        reader,
        path.join(root, "node_modules/.bin/tsx"),
        process.execPath,
        ...args,
      ],
      { cwd: root, env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:9/none" }, stdio: ["ignore", "pipe", "inherit"] },
    );
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(chunks).toString("utf8") }));
  });
}

describe("npm run import output", () => {
  it("--dry-run --json into a slow reader: all ten results, more than a pipe holds", async () => {
    const files = tenFiles();
    const { code, stdout } = await runIntoSlowReader(["--dry-run", "--json", ...files]);
    expect(Buffer.byteLength(stdout)).toBeGreaterThan(65_536);
    const results = JSON.parse(stdout) as { file: string; ok: boolean }[];
    expect(results.map((result) => result.file)).toEqual(files);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(code).toBe(0);
  }, 60_000);
});
