// ARCHITECTURE.md stays true: every folder under lib/ is named there, and it names none that is gone. And lib/
// is what the server runs: no module there imports tooling or fixtures, and each one that touches the
// database says so with `import "server-only"`, so a client component importing it fails the build.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const map = readFileSync(path.join(root, "ARCHITECTURE.md"), "utf8");
const libFolders = readdirSync(path.join(root, "lib"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `lib/${entry.name}`);

/** lib/'s own modules (tests beside them excluded: they may use fixtures), relative to the root. */
function libModules(dir = path.join(root, "lib")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : libModules(full);
    return /\.(ts|tsx|mts|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.mts")
      ? [path.relative(root, full)]
      : [];
  });
}

/** What a module imports (static, dynamic, re-exports, type-only), as root-relative paths for the project's own files. */
function importsOf(file: string, source: string): string[] {
  const specifiers = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map((match) => match[1]!);
  return specifiers.map((specifier) =>
    specifier.startsWith("@/")
      ? specifier.slice(2)
      : specifier.startsWith(".")
        ? path.relative(root, path.resolve(root, path.dirname(file), specifier))
        : specifier,
  );
}

const DATABASE = [/^lib\/db(\.ts)?$/, /^lib\/generated\/prisma\/client(\.ts)?$/, /^@prisma\/client$/];
const TOOLING = /^(scripts|test)\//;

function tooling(imports: string[]): string[] {
  return imports.filter((target) => TOOLING.test(target));
}

function touchesDatabase(file: string, imports: string[]): boolean {
  return file === "lib/db.ts" || imports.some((target) => DATABASE.some((pattern) => pattern.test(target)));
}

function marksServerOnly(source: string): boolean {
  return /^import ["']server-only["'];?$/m.test(source);
}

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

describe("lib/ is what the server runs", () => {
  const modules = libModules().map((file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    return { file, source, imports: importsOf(file, source) };
  });

  it("reads imports of every kind, by alias and relative path", () => {
    const source = `import "server-only";\nimport { db } from "@/lib/db";\nimport type { Prisma } from "../generated/prisma/client";\nexport { x } from "./x";\nconst f = await import("@/test/fixtures/workflow");`;
    const imports = importsOf("lib/tags/service.ts", source);
    expect(imports).toEqual(["server-only", "lib/db", "lib/generated/prisma/client", "lib/tags/x", "test/fixtures/workflow"]);
    expect(tooling(imports)).toEqual(["test/fixtures/workflow"]);
    expect(touchesDatabase("lib/tags/service.ts", imports)).toBe(true);
    expect(marksServerOnly(source)).toBe(true);
    expect(touchesDatabase("lib/tags/schema.ts", importsOf("lib/tags/schema.ts", `import { z } from "zod";`))).toBe(false);
  });

  it("imports nothing from scripts/ or test/ (tooling and fixtures live there)", () => {
    const offenders = modules
      .filter(({ imports }) => tooling(imports).length > 0)
      .map(({ file, imports }) => `${file} → ${tooling(imports).join(", ")}`);
    expect(offenders).toEqual([]);
  });

  it('marks every module that touches the database with import "server-only"', () => {
    const unmarked = modules
      .filter(({ file, source, imports }) => touchesDatabase(file, imports) && !marksServerOnly(source))
      .map(({ file }) => file);
    expect(modules.filter(({ file, imports }) => touchesDatabase(file, imports)).length).toBeGreaterThan(30);
    expect(unmarked).toEqual([]);
  });
});
