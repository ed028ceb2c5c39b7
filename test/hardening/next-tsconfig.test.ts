// Builds into other distDirs (tests, benchmark, cluster demo) leave tsconfig.json as committed, even
// when Ctrl-C stops them halfway: Next adds the folder's type paths to it, runNext puts it back.
import { spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "./helpers";

const distDir = `.next-tsconfig-test-${process.pid}`;
afterAll(() => rmSync(path.join(repoRoot, distDir), { recursive: true, force: true }));

describe("tsconfig.json after an interrupted Next run", () => {
  it("is put back when Ctrl-C ends the run after Next changed it", async () => {
    const tsconfig = path.join(repoRoot, "tsconfig.json");
    const before = readFileSync(tsconfig, "utf8");
    // Its own process group, so the fixture's Ctrl-C reaches only itself and Next.
    const fixture = spawn(
      path.join(repoRoot, "node_modules/.bin/tsx"),
      ["--conditions=react-server", "test/hardening/next-interrupted.ts", tsconfig, distDir],
      {
        cwd: repoRoot,
        detached: true,
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
    let stdout = "";
    fixture.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => fixture.on("exit", (exitCode) => resolve(exitCode)));
    const after = readFileSync(tsconfig, "utf8");
    if (after !== before) writeFileSync(tsconfig, before); // a failing run leaves the tree as found
    expect(stdout).toContain("tsconfig.json changed");
    expect(code).toBe(130);
    expect(after).toBe(before);
  }, 90_000);
});
