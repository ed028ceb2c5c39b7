import { describe, expect, it } from "vitest";
import { firstFreeSlug, slugify } from "./slug";

describe("slugify", () => {
  it("folds French and Vietnamese diacritics", () => {
    expect(slugify("Le ministre Bùi Thanh Sơn à Hanoï")).toBe("le-ministre-bui-thanh-son-a-hanoi");
    expect(slugify("Đà Nẵng accueille l’ASEAN")).toBe("da-nang-accueille-l-asean");
    expect(slugify("Cœur de la diplomatie économique")).toBe("coeur-de-la-diplomatie-economique");
  });
  it("never returns an empty slug and cuts long titles at a word", () => {
    expect(slugify("!!!")).toBe("article");
    const long = slugify(
      "Vietnam and Japan agree to strengthen cooperation in the fields of economy trade investment and climate change response",
    );
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith("-")).toBe(false);
    expect(long).toMatch(/^vietnam-and-japan-agree/);
  });
  it("numbers clashing slugs", async () => {
    const taken = new Set(["hanoi", "hanoi-2"]);
    expect(await firstFreeSlug("hanoi", async (slug) => taken.has(slug))).toBe("hanoi-3");
    expect(await firstFreeSlug("hue", async (slug) => taken.has(slug))).toBe("hue");
  });
});
