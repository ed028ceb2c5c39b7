// Unit tests of glossary matching and sentence splitting/alignment (pure).
import { describe, expect, it } from "vitest";
import { containsTerm, glossaryHits } from "./glossary";
import { alignSentences, splitSentences } from "./sentences";
import { foldForMatching } from "./text";
import { capitalisedNames, scorePairing } from "./pairing";

describe("glossary matching", () => {
  const entries = [
    { id: "1", termFr: "diplomatie économique", termEn: "economic diplomacy", note: null },
    { id: "2", termFr: "Hanoï", termEn: "Hanoi", note: "place" },
    { id: "3", termFr: "ministre", termEn: "minister", note: null },
  ];

  it("finds terms ignoring case and diacritics, as whole words", () => {
    const hits = glossaryHits(entries, "fr", "en", "La DIPLOMATIE ECONOMIQUE à Hanoi.", "Economic diplomacy in Ha Noi.");
    expect(hits.map((hit) => [hit.target, hit.used])).toEqual([
      ["economic diplomacy", true],
      ["Hanoi", false],
    ]);
    expect(containsTerm(foldForMatching("les ministres"), "ministre")).toBe(false);
    expect(glossaryHits(entries, "en", "fr", "The minister in Hanoi.", "Le ministre à Hanoï.").map((hit) => hit.used)).toEqual([
      true,
      true,
    ]);
    expect(glossaryHits(entries, "fr", "vi", "ministre", "")).toEqual([]);
  });
});

describe("sentences", () => {
  it("splits on sentence ends but not after abbreviations or initials", () => {
    expect(splitSentences("M. Nguyen a parlé. Il a dit « oui ». 3 accords ont été signés !")).toEqual([
      "M. Nguyen a parlé.",
      "Il a dit « oui ».",
      "3 accords ont été signés !",
    ]);
    expect(splitSentences("Mr. Son met Dr. Lee in St. Petersburg. They talked.")).toEqual([
      "Mr. Son met Dr. Lee in St. Petersburg.",
      "They talked.",
    ]);
    expect(splitSentences("")).toEqual([]);
  });

  it("pairs sentences when both sides have the same count, else whole paragraphs", () => {
    expect(alignSentences("Un. Deux.", "One. Two.")).toEqual([
      { source: "Un.", target: "One." },
      { source: "Deux.", target: "Two." },
    ]);
    expect(alignSentences("Un. Deux. Trois.", "One, two and three.")).toEqual([
      { source: "Un. Deux. Trois.", target: "One, two and three." },
    ]);
    expect(alignSentences("Un.", "")).toEqual([]);
  });
});

describe("pairing score", () => {
  it("scores the same event in two languages above the threshold and unrelated stories below", () => {
    const fr = {
      articleId: "a",
      language: "fr",
      storyDate: "2024-03-12",
      text: "Hanoï (VNA) – Le ministre Bui Thanh Son a reçu l'ambassadeur Ito Naoki.",
      captions: ["Le ministre Bui Thanh Son. Photo : VNA"],
      tagIds: ["t1"],
    };
    const en = {
      articleId: "b",
      language: "en",
      storyDate: "2024-03-12",
      text: "Hanoi (VNA) – Minister Bui Thanh Son received Ambassador Ito Naoki.",
      captions: ["Minister Bui Thanh Son"],
      tagIds: ["t1"],
    };
    const other = {
      articleId: "c",
      language: "en",
      storyDate: "2024-05-01",
      text: "Paris hosted a fair with Dupont and Durand.",
      captions: [],
      tagIds: [],
    };
    expect(capitalisedNames(fr.text)).toEqual(new Set(["vna", "bui", "thanh", "son", "ito", "naoki"]));
    const same = scorePairing(fr, en);
    expect(same.score).toBeGreaterThanOrEqual(0.5);
    expect(same.reasons.map((reason) => reason.kind)).toEqual(["sameDate", "sharedNames", "sharedTags", "similarCaptions"]);
    expect(scorePairing(fr, other).score).toBeLessThan(0.5);
    expect(scorePairing(fr, { ...en, language: "fr" }).score).toBe(0);
  });
});
