// The desk's languages have one definition (lib/i18n/languages.ts): no other module lists them.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ARTICLE_LANGUAGES, DEFAULT_LANGUAGE, isLanguage, LANGUAGES } from "@/lib/i18n/languages";

const root = path.resolve(import.meta.dirname, "../..");
const DEFINITION = path.join("lib", "i18n", "languages.ts");
// The raw-text pipeline names what it can detect ("vi", "und") and which languages have word lists:
// facts about its dictionaries, not the desk's languages.
const OWN_VOCABULARY = path.join("lib", "import") + path.sep;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(tsx?|mts|mjs)$/.test(name) ? [full] : [];
  });
}

/** `["fr", "en"`-like lists and `"fr" | "en"`-like unions of language codes. */
const LANGUAGE_LIST = /\[\s*"(fr|en|vi)"\s*,\s*"(fr|en|vi)"|"(fr|en|vi)"\s*\|\s*"(fr|en|vi)"/;

describe("languages", () => {
  it("are defined once, with the default among them and Vietnamese source copy beside them", () => {
    expect(LANGUAGES).toContain(DEFAULT_LANGUAGE);
    expect(ARTICLE_LANGUAGES).toEqual([...LANGUAGES, "vi"]);
    expect(isLanguage("fr")).toBe(true);
    expect(isLanguage("vi")).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });

  it("are listed nowhere else in the app's code", () => {
    const listing = ["lib", "app", "components", "scripts"]
      .flatMap((dir) => sourceFiles(path.join(root, dir)))
      .map((file) => path.relative(root, file))
      .filter((file) => file !== DEFINITION && !file.startsWith(OWN_VOCABULARY) && !/\.test\.tsx?$/.test(file))
      .filter((file) => LANGUAGE_LIST.test(readFileSync(path.join(root, file), "utf8")));
    expect(listing).toEqual([]);
  });
});
