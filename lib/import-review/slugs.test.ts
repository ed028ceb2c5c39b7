// Free slugs for imports against the real database: the same candidates in the same order as
// lib/articles/slug.ts, taken ones skipped, one per request, and a run that goes on where it stopped.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { firstFreeSlug } from "@/lib/articles/slug";
import { db } from "@/lib/db";
import { allocateSlugs, slugCandidate } from "./slugs";

describe("slugCandidate", () => {
  it("follows firstFreeSlug's sequence, long bases cut to fit the suffix", async () => {
    for (const base of ["hanoi", "x".repeat(80), `${"a".repeat(40)}-${"b".repeat(39)}`]) {
      const sequence: string[] = [];
      await firstFreeSlug(base, async (candidate) => (sequence.push(candidate), sequence.length < 999));
      expect(sequence.map((_, index) => slugCandidate(base, index + 1))).toEqual(sequence);
    }
  });
});

async function takeSlugs(language: string, slugs: string[]) {
  for (const slug of slugs) {
    await db.article.create({
      data: { sourceLanguage: language, versions: { create: { language, title: slug, slug, bodyJson: {}, bodyText: "" } } },
    });
  }
}

describe("allocateSlugs", () => {
  it("hands out the first free candidates in order, one per request, long bases cut as firstFreeSlug cuts them", async () => {
    const unique = randomUUID().replaceAll("-", "").slice(0, 12);
    const hue = `hue-${unique}`;
    const long = `${unique}-${"b".repeat(80)}`.slice(0, 80);
    await takeSlugs("fr", [hue, slugCandidate(hue, 2), slugCandidate(hue, 4)]);
    await takeSlugs(
      "en",
      Array.from({ length: 12 }, (_, n) => slugCandidate(long, n + 1)),
    );
    const requests = [
      { language: "fr", base: hue },
      { language: "en", base: long },
      { language: "fr", base: hue },
      { language: "en", base: hue },
      { language: "fr", base: hue },
    ];
    const searched = new Map<string, number>();
    const slugs = await db.$transaction((tx) => allocateSlugs(tx, requests, searched));
    expect(slugs).toEqual([slugCandidate(hue, 3), slugCandidate(long, 13), slugCandidate(hue, 5), hue, slugCandidate(hue, 6)]);
    expect(slugs[1]).toHaveLength(80);
    // The next chunk of the same run starts after what it handed out (not yet written to the table).
    expect(await allocateSlugs(db, [{ language: "fr", base: hue }], searched)).toEqual([slugCandidate(hue, 7)]);
    expect(await allocateSlugs(db, [{ language: "fr", base: hue }])).toEqual([slugCandidate(hue, 3)]);
  });

  it("looks further for a title imported more times than its first look covers", async () => {
    const base = `common-${randomUUID().slice(0, 8)}`;
    await db.$transaction(async (tx) => {
      const ids = Array.from({ length: 150 }, (_, n) => `slug-test-${base}-${n}`);
      await tx.article.createMany({ data: ids.map((id) => ({ id, sourceLanguage: "en" })) });
      await tx.articleVersion.createMany({
        data: ids.map((id, n) => ({
          articleId: id,
          language: "en",
          title: base,
          slug: slugCandidate(base, n + 1),
          bodyJson: {},
          bodyText: "",
        })),
      });
    });
    expect(
      await allocateSlugs(db, [
        { language: "en", base },
        { language: "en", base },
      ]),
    ).toEqual([slugCandidate(base, 151), slugCandidate(base, 152)]);
  });
});
