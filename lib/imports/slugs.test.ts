// Slug windows for imports: the same candidates in the same order as lib/articles/slug.ts.
import { describe, expect, it } from "vitest";
import { firstFreeSlug } from "@/lib/articles/slug";
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

describe("allocateSlugs", () => {
  it("hands out the first free candidates in order, one per request, in few queries", async () => {
    const taken = new Set(["fr\u0000hue", "fr\u0000hue-2", "fr\u0000hue-4", ...Array.from({ length: 100 }, (_, n) => `en\u0000hanoi-${n + 1}`), "en\u0000hanoi"]);
    const queries: number[] = [];
    const client = {
      async $queryRaw<T>(query: { values: unknown[] }): Promise<T> {
        const [languages, slugs] = query.values as [string[], string[]];
        queries.push(slugs.length);
        return slugs.flatMap((slug, index) => (taken.has(`${languages[index]}\u0000${slug}`) ? [{ language: languages[index], slug }] : [])) as T;
      },
    };
    const requests = [
      { language: "fr", base: "hue" },
      { language: "en", base: "hanoi" },
      { language: "fr", base: "hue" },
      { language: "en", base: "hue" },
      { language: "fr", base: "hue" },
    ];
    const searched = new Map<string, number>();
    expect(await allocateSlugs(client as never, requests, searched)).toEqual(["hue-3", "hanoi-101", "hue-5", "hue", "hue-6"]);
    expect(queries.length).toBeLessThanOrEqual(3);
    // The next chunk of the same run starts after what it found, without walking the taken ones again.
    queries.length = 0;
    expect(await allocateSlugs(client as never, [{ language: "en", base: "hanoi" }], searched)).toEqual(["hanoi-102"]);
    expect(queries).toEqual([64]);
  });
});
