import { describe, expect, it } from "vitest";
import { findDoubledWords, findLikelyTypos } from "./typos";

describe("findDoubledWords", () => {
  it("flags doubled words", () => {
    expect(findDoubledWords("Bui Thanh Son eu eu le 23 juin un entretien")).toEqual(["eu eu"]);
    expect(findDoubledWords("said that the the minister")).toEqual(["the the"]);
  });

  it("allows doublings that are grammatical and ignores numbers", () => {
    expect(findDoubledWords("nous nous sommes engagés, ce que vous vous rappelez, 10 10")).toEqual([]);
    expect(findDoubledWords("the word thethe is not doubled")).toEqual([]);
  });

  it("reads pairs as the expression does: case, spacing, neighbours and overlaps", () => {
    expect(findDoubledWords("Le le\u00a0ministre, été  Été, the the the end")).toEqual(["Le le", "été  Été", "the the"]);
    expect(findDoubledWords("the 3rd rd round, ab ab1, x1 x1, are areas")).toEqual([]);
    expect(findDoubledWords("the the the the")).toEqual(["the the", "the the"]);
  });
});

describe("findLikelyTypos", () => {
  it("flags a non-word one letter away from a real word, with a suggestion", () => {
    expect(findLikelyTypos("poursuivre leur collaboration fficace au sein", "fr")).toEqual([{ word: "fficace", suggestion: "efficace" }]);
    expect(findLikelyTypos("the ministry strenghtened its capacity", "en")).toEqual([{ word: "strenghtened", suggestion: "strengthened" }]);
  });

  it("does not flag real words, accent variants, names or other languages", () => {
    expect(findLikelyTypos("les deux pays célèbreront la mise en œuvre efficace", "fr")).toEqual([]);
    expect(findLikelyTypos("Bui Thanh Son met Chung Eui Yong in Hanoi", "en")).toEqual([]);
    expect(findLikelyTypos("fficace", "vi")).toEqual([]);
  });
});
