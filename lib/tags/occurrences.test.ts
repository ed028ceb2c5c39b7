import { describe, expect, it } from "vitest";
import { countOccurrences } from "./occurrences";

describe("countOccurrences", () => {
  it("counts whole-word matches, ignoring case and accents", () => {
    const text = "Bui Thanh Son a reçu. BUI THANH SON a dit. Le Viet Nam et le Việt Nam; Sonnet.";
    expect(countOccurrences(text, "Bui Thanh Son")).toBe(2);
    expect(countOccurrences(text, "Viet Nam")).toBe(2);
  });
  it("does not count a name inside a longer word", () => {
    expect(countOccurrences("ASEANs et ASEAN+3, l'ASEAN", "ASEAN")).toBe(2);
  });
  it("says at least once: the suggestion was found in the text", () => {
    expect(countOccurrences("autre chose", "KOICA")).toBe(1);
  });
});
