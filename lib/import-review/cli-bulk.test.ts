// `npm run import` with enough files to take the bulk path with the parse pool (50+), run as a user
// would: a bad file and a repeated file in the middle are refused and skipped, the rest imported.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { POOL_FROM_FILES } from "@/lib/import/parse-pool";

const root = path.resolve(import.meta.dirname, "..", "..");

it("imports a directory of files through the worker pool, refusing and skipping in place", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "cli-bulk-"));
  const source = readFileSync(path.join(root, "seed", "sample-articles", "004_1b329f662bd1b222.txt"), "utf8");
  const run = randomUUID().slice(0, 8);
  const files = Array.from({ length: POOL_FROM_FILES + 5 }, (_, n) => {
    const file = path.join(dir, `story-${n}.txt`);
    // Every sentence marked, so no two files are duplicates of each other or of other tests' imports.
    writeFileSync(
      file,
      source.replace(/\.(\s)/g, (_match, space: string) => ` ${run}x${n}.${space}`),
    );
    return file;
  });
  writeFileSync(path.join(dir, "photo.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  const args = [...files.slice(0, 20), path.join(dir, "photo.txt"), files[3]!, ...files.slice(20)];

  const result = await promisify(execFile)(
    path.join(root, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "scripts/import.ts", "--json", ...args],
    {
      cwd: root,
      env: process.env,
      maxBuffer: 64 * 1024 * 1024,
    },
  ).catch((error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }));
  expect("code" in result ? result.code : 0).toBe(1);
  const outcomes = JSON.parse(result.stdout) as { file: string; status: string; articleId?: string }[];
  expect(outcomes.map((outcome) => outcome.file)).toEqual(args);
  expect(outcomes[20]).toMatchObject({ status: "failed" });
  expect(outcomes[21]).toEqual({ file: files[3], status: "duplicate", articleId: outcomes[3]!.articleId });
  expect(outcomes.filter((outcome) => outcome.status === "created")).toHaveLength(files.length);
  expect(await db.articleVersion.count({ where: { bodyText: { contains: `${run}x` } } })).toBe(files.length);
}, 120_000);
