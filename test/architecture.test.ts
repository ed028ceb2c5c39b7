// ARCHITECTURE.md stays true: every folder under lib/ is named there, and it names none that is gone.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const map = readFileSync(path.join(root, "ARCHITECTURE.md"), "utf8");
const libFolders = readdirSync(path.join(root, "lib"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `lib/${entry.name}`);

describe("ARCHITECTURE.md", () => {
  it("names every folder under lib/", () => {
    const missing = libFolders.filter((folder) => !map.includes(`\`${folder}\``));
    expect(missing).toEqual([]);
  });

  it("names no lib/ folder that does not exist", () => {
    const named = [...map.matchAll(/`(lib\/[a-z-]+)`/g)].map((match) => match[1]!);
    expect(named.filter((folder) => !libFolders.includes(folder))).toEqual([]);
  });
});
