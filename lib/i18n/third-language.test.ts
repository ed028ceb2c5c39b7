// Adding a language is one line in lib/i18n/languages.ts plus its catalogue: this test makes that
// one-line change in memory (German, with the English catalogue standing in for its own) and checks
// that routing, translation targets, form validation and the reader site's queries take it.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { Language } from "@/lib/i18n/languages";

vi.mock("@/lib/i18n/languages", async () => {
  const source = readFileSync(path.resolve(import.meta.dirname, "languages.ts"), "utf8");
  const withGerman = source.replace(/^export const LANGUAGES = \[(.*)\] as const;$/m, 'export const LANGUAGES = [$1, "de"] as const;');
  if (withGerman === source) throw new Error("lib/i18n/languages.ts no longer defines LANGUAGES on one line");
  const file = path.join(mkdtempSync(path.join(tmpdir(), "third-language-")), "languages.ts");
  writeFileSync(file, withGerman);
  return import(/* @vite-ignore */ file);
});

const german = "de" as Language;

describe("a third language added in one line", () => {
  it("is routed and negotiated like the others", async () => {
    const { routing, isLocale } = await import("@/lib/i18n/routing");
    const { negotiateLocale } = await import("@/lib/i18n/negotiate");
    expect(routing.locales).toEqual(["fr", "en", "de"]);
    expect(isLocale("de")).toBe(true);
    expect(negotiateLocale("de-DE,de;q=0.9,en;q=0.5")).toBe("de");
    expect(negotiateLocale("ja")).toBe("fr");
  });

  it("is a translation target and accepted by the desk's forms", async () => {
    const { targetLanguagesFor } = await import("@/lib/translations/languages");
    const { photoSearchSchema } = await import("@/lib/media/schema");
    const { importOverridesSchema } = await import("@/lib/import-review/schema");
    expect(targetLanguagesFor("fr")).toEqual(["en", "de"]);
    expect(targetLanguagesFor("vi")).toEqual(["fr", "en", "de"]);
    expect(photoSearchSchema.safeParse({ language: "de" }).success).toBe(true);
    expect(importOverridesSchema.safeParse({ language: "de" }).success).toBe(true);
    expect(photoSearchSchema.safeParse({ language: "xx" }).success).toBe(false);
  });

  it("reaches readers: a published German version is listed and found by its slug, a draft is not", async () => {
    const { createStory, uniqueWord } = await import("@/test/fixtures/public");
    const { findPublishedArticleId, listLatestArticles } = await import("@/lib/public/queries");
    const slug = uniqueWord("de");
    const story = await createStory([{ language: german, title: `Gespräche ${slug}`, slug }]);
    await createStory([{ language: german, title: `Entwurf ${slug}`, slug: `${slug}-draft`, status: "DRAFT" }]);
    expect(await findPublishedArticleId(german, slug)).toBe(story.articleId);
    expect(await findPublishedArticleId(german, `${slug}-draft`)).toBeNull();
    const latest = await listLatestArticles(german, 1, 100);
    expect(latest.map((teaser) => teaser.title)).toContain(`Gespräche ${slug}`);
    expect(latest.map((teaser) => teaser.title)).not.toContain(`Entwurf ${slug}`);
  });
});
