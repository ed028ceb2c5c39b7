// The README's screenshots are made by `npm run screenshots` (scripts/screenshots.ts), not by the
// tests (that would rewrite tracked files): here only that every picture the README names exists.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const named = [...readme.matchAll(/\]\((docs\/screenshots\/[^)\s]+\.png)\)/g)].map((match) => match[1]!);

describe("README screenshots", () => {
  it("shows the editor, import review, translation editor, article list and two reader pages", () => {
    for (const page of ["article-editor", "import-review", "translation-editor", "article-list", "reader-home", "reader-article"]) {
      expect(named).toContain(`docs/screenshots/${page}.png`);
    }
  });

  it.each(named)("%s exists", (file) => {
    expect(existsSync(path.join(root, file)), `${file} is missing: run npm run screenshots`).toBe(true);
  });
});
