// Pure rules of the editor: revision coalescing, diff summaries, slug checks, story dates.
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";
import { AUTOSAVE_NOTE, COALESCE_WINDOW_MS, revisionPlan } from "./coalesce";
import { diffSnapshots, diffText, hasChanges } from "./diff";
import { readSnapshot, sameContent, storyDatePrecision } from "./fields";
import { versionSaveSchema } from "./schema";
import { checkSlug } from "./slug-check";

const at = (iso: string) => new Date(iso);

describe("revision coalescing", () => {
  const last = { authorId: "u1", createdAt: at("2026-11-23T10:00:00Z"), note: AUTOSAVE_NOTE };
  const autosave = (iso: string, authorId = "u1") => ({ authorId, explicit: false, at: at(iso) });

  it("folds an autosave into the same person's autosave of the last five minutes", () => {
    expect(revisionPlan(last, autosave("2026-11-23T10:04:59Z"))).toBe("update");
  });

  it("starts a new revision after five minutes, for another person, or with no revision yet", () => {
    expect(revisionPlan(last, autosave(new Date(last.createdAt.getTime() + COALESCE_WINDOW_MS).toISOString()))).toBe("create");
    expect(revisionPlan(last, autosave("2026-11-23T10:01:00Z", "u2"))).toBe("create");
    expect(revisionPlan(null, autosave("2026-11-23T10:01:00Z"))).toBe("create");
  });

  it("never rewrites an explicit save, an import or a restore, and an explicit save always creates", () => {
    expect(revisionPlan({ ...last, note: null }, autosave("2026-11-23T10:01:00Z"))).toBe("create");
    expect(revisionPlan({ ...last, note: "Imported from a.txt" }, autosave("2026-11-23T10:01:00Z"))).toBe("create");
    expect(revisionPlan({ ...last, note: "restore:3" }, autosave("2026-11-23T10:01:00Z"))).toBe("create");
    expect(revisionPlan(last, { authorId: "u1", explicit: true, at: at("2026-11-23T10:00:30Z") })).toBe("create");
  });
});

const snapshot = (overrides: Record<string, unknown> = {}) =>
  readSnapshot({ title: "Titre", slug: "titre", standfirst: "Chapô", bodyJson: { type: "doc", content: [] }, bodyText: "", ...overrides });

describe("diff summaries", () => {
  it("lists changed metadata fields with before and after", () => {
    const diff = diffSnapshots(snapshot(), snapshot({ title: "Nouveau titre", seoDescription: "Résumé" }));
    expect(diff.fields).toEqual([
      { field: "title", before: "Titre", after: "Nouveau titre" },
      { field: "seoDescription", before: null, after: "Résumé" },
    ]);
    expect(diff.body).toEqual([]);
    expect(hasChanges(diff)).toBe(true);
  });

  it("diffs the body word by word and counts words added and removed", () => {
    const { body, wordsAdded, wordsRemoved } = diffText(
      "Le ministre a reçu mercredi l'ambassadeur.",
      "Le ministre a reçu jeudi l'ambassadeur du Japon.",
    );
    expect(body).toEqual([
      { kind: "same", text: "Le ministre a reçu " },
      { kind: "removed", text: "mercredi" },
      { kind: "added", text: "jeudi" },
      { kind: "same", text: " l'ambassadeur " },
      { kind: "added", text: "du Japon" },
      { kind: "same", text: "." },
    ]);
    expect(wordsRemoved).toBe(1);
    expect(wordsAdded).toBe(3);
  });

  it("folds long unchanged stretches, keeping context around the change", () => {
    const words = Array.from({ length: 200 }, (_, index) => `mot${index}`);
    const changed = [...words];
    changed[100] = "CHANGÉ";
    const { body } = diffText(words.join(" "), changed.join(" "), 5);
    const gaps = body.filter((part) => part.kind === "gap");
    expect(gaps).toHaveLength(2);
    expect(gaps.reduce((sum, part) => sum + ("words" in part ? part.words : 0), 0)).toBe(200 - 1 - 5 - 5);
    const shown = body.map((part) => ("text" in part ? part.text : "…")).join("");
    expect(shown).toContain("mot95 mot96 mot97 mot98 mot99");
    expect(shown).toContain("CHANGÉ");
    expect(shown).not.toContain("mot50 ");
  });

  it("sees a formatting-only change and no change at all", () => {
    const plain = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "a" }] }] };
    const bold = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "a", marks: [{ type: "bold" }] }] }] };
    expect(diffSnapshots(snapshot({ bodyJson: plain, bodyText: "a" }), snapshot({ bodyJson: bold, bodyText: "a" })).formattingOnly).toBe(
      true,
    );
    expect(hasChanges(diffSnapshots(snapshot({ bodyJson: plain, bodyText: "a" }), snapshot({ bodyJson: plain, bodyText: "a" })))).toBe(
      false,
    );
  });

  it("compares content regardless of JSON key order (jsonb reorders keys)", () => {
    const a = snapshot({ bodyJson: { type: "doc", content: [{ type: "paragraph", attrs: { blockId: "b1" } }] } });
    const b = snapshot({ bodyJson: { content: [{ attrs: { blockId: "b1" }, type: "paragraph" }], type: "doc" } });
    expect(sameContent(a, b)).toBe(true);
    expect(sameContent(a, snapshot({ title: "Autre" }))).toBe(false);
  });
});

describe("slug check", () => {
  const takenSlugs = new Set(["sommet-asean", "sommet-asean-2"]);
  const isTaken = async (slug: string) => takenSlugs.has(slug);

  it("accepts a free, well-formed slug", async () => {
    expect(await checkSlug("sommet-apec", isTaken)).toEqual({ ok: true });
  });

  it("refuses a clash with a clear message and a free alternative", async () => {
    const check = await checkSlug("sommet-asean", isTaken);
    expect(check).toEqual({ ok: false, key: "editor.errors.slugTaken", suggestion: "sommet-asean-3" });
    for (const locale of ["fr", "en"] as const) {
      const errors = (loadMessages(locale).editor as { errors: Record<string, string> }).errors;
      expect(errors.slugTaken).toMatch(locale === "fr" ? /déjà utilisée? .*même langue/i : /already used .*same language/i);
    }
  });

  it("refuses malformed slugs (capitals, accents, spaces, double hyphens)", async () => {
    for (const slug of ["Sommet", "sommet-à-hanoi", "sommet asean", "sommet--asean", "-sommet"]) {
      expect(await checkSlug(slug, isTaken), slug).toEqual({ ok: false, key: "editor.errors.slugInvalid" });
    }
  });
});

describe("story dates", () => {
  it("reads the precision from the format and refuses impossible dates", () => {
    expect(storyDatePrecision("2026-11-23")).toBe("DAY");
    expect(storyDatePrecision("2026-11")).toBe("MONTH");
    expect(storyDatePrecision("2026")).toBe("YEAR");
    for (const value of ["2026-02-30", "2026-13", "26-11-23", "23/11/2026", ""]) expect(storyDatePrecision(value), value).toBeNull();
  });
});

describe("save form validation", () => {
  const valid = {
    versionId: "v1",
    baseVersion: "3",
    mode: "autosave",
    title: " Titre ",
    slug: "titre",
    body: '{"type":"doc","content":[]}',
  };

  it("reads the form: trims, empties optional fields to null, parses the body and the base version", () => {
    const parsed = versionSaveSchema.parse({ ...valid, standfirst: "  ", storyDate: "2026-11-23" });
    expect(parsed).toMatchObject({
      baseVersion: 3,
      title: "Titre",
      standfirst: null,
      seoDescription: null,
      storyDate: "2026-11-23",
      body: { type: "doc", content: [] },
    });
  });

  it("refuses an SEO description over 160 characters, an impossible date and a body that is not JSON", () => {
    const issues = (input: Record<string, string>) =>
      versionSaveSchema.safeParse({ ...valid, ...input }).error?.issues.map((issue) => issue.message) ?? [];
    expect(issues({ seoDescription: "x".repeat(161) })).toEqual(["editor.errors.seoTooLong"]);
    expect(issues({ seoDescription: "x".repeat(160) })).toEqual([]);
    expect(issues({ storyDate: "2026-02-30" })).toEqual(["editor.errors.dateInvalid"]);
    expect(issues({ body: "<p>html</p>" })).toEqual(["editor.errors.bodyInvalid"]);
    expect(issues({ title: "  " })).toEqual(["editor.errors.titleRequired"]);
  });
});
