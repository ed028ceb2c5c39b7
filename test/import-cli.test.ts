// The import command line, run as a user would: dry-run JSON with no database, then real imports
// into the test database, twice, to show the second run creates nothing.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const samples = path.join(root, "seed", "sample-articles");

async function cli(args: string[], env: Record<string, string | undefined> = {}) {
  try {
    const { stdout } = await run(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/import.ts", ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe("npm run import", () => {
  it("--dry-run --json prints one object per file and fails when any file failed", async () => {
    const { code, stdout } = await cli(
      [
        "--dry-run",
        "--json",
        path.join(samples, "000_2c278e109e592e51.txt"),
        path.join(samples, "003_3a8810cd82d8df2c.txt"),
        path.join(root, "lib/import/fixtures/only-trailer.txt"),
      ],
      { DATABASE_URL: "postgresql://nobody@127.0.0.1:9/none" },
    );
    expect(code).toBe(1);
    const results = JSON.parse(stdout);
    expect(results).toHaveLength(3);
    expect(results[0]).toMatchObject({
      ok: true,
      language: "fr",
      titleSuggested: true,
      dateline: { place: "Hanoï", source: "VNA" },
      date: { value: "2021-07", precision: "month" },
    });
    expect(Object.keys(results[0]).sort()).toEqual(
      [
        "captions",
        "changes",
        "date",
        "dateline",
        "file",
        "hash",
        "language",
        "lead",
        "ok",
        "paragraphs",
        "section",
        "title",
        "titleSuggested",
        "warnings",
      ].sort(),
    );
    expect(results[1]).toMatchObject({
      ok: true,
      language: "en",
      title: "Foreign Minister Bui Thanh Son outlines key tasks of economic diplomacy in 2024",
    });
    expect(results[2]).toMatchObject({ ok: false, error: expect.stringMatching(/only a trailer/) });
  });

  it("imports files into the database once, whatever the number of runs", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cli-import-"));
    const marker = `${Date.now()}`;
    const source = readFileSync(path.join(samples, "004_1b329f662bd1b222.txt"), "utf8");
    // Make the file unique to this test so other test files' imports of the sample do not count.
    const file = path.join(dir, "entretien.txt");
    writeFileSync(file, source.replace("Vietnam-R de Corée", `Vietnam-R de Corée ${marker}`));
    const count = () => db.articleVersion.count({ where: { title: { contains: marker } } });

    const first = await cli([file], { DATABASE_URL: process.env.DATABASE_URL });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/1 created, 0 skipped as duplicate, 0 failed/);
    expect(await count()).toBe(1);

    const second = await cli([file], { DATABASE_URL: process.env.DATABASE_URL });
    expect(second.stdout).toMatch(/0 created, 1 skipped as duplicate, 0 failed/);
    expect(await count()).toBe(1);
  });
});
