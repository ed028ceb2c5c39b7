import { describe, expect, it } from "vitest";
import { getDictionary } from "./dictionaries";

describe("getDictionary", () => {
  it("loads once and caches", () => {
    expect(getDictionary("en")).toBe(getDictionary("en"));
  });

  it("knows English words with SUBTLEX counts, and treats names as countless", () => {
    const english = getDictionary("en");
    expect(english.isKnown("cooperation")).toBe(true);
    expect(english.isKnown("overflight")).toBe(true);
    expect(english.isKnown("thediplomatic")).toBe(false);
    expect(english.frequency("the")).toBeGreaterThan(1_000_000);
    expect(english.frequency("tim")).toBe(0);
    expect(english.isFunctionWord("the")).toBe(true);
    expect(english.isFunctionWord("ministry")).toBe(false);
  });

  it("knows French words, including ligature spellings, and ranks function words", () => {
    const french = getDictionary("fr");
    expect(french.isKnown("condoléances")).toBe(true);
    expect(french.isKnown("œuvre")).toBe(true);
    expect(french.isKnown("leministre")).toBe(false);
    expect(french.frequency("de")).toBeGreaterThan(french.frequency("parmi"));
    expect(french.frequency("ministre")).toBe(0);
  });

  it("is fast once loaded", () => {
    const english = getDictionary("en");
    const start = performance.now();
    for (let i = 0; i < 10_000; i++) english.isKnown(`word${i}`);
    expect(performance.now() - start).toBeLessThan(50);
  });
});
