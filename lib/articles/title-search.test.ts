// The palette's title search against the real database: prefixes as one types, titles only, at most
// ten rows, and any punctuation a person types is harmless.
import { describe, expect, it } from "vitest";
import { prefixQuery, searchVersionTitles } from "@/lib/articles/title-search";
import { makeArticle, uniqueWord } from "@/test/fixtures/workflow";

describe("searchVersionTitles", () => {
  it("finds French and English titles by the start of their words, accents folded", async () => {
    const word = uniqueWord("ts");
    await makeArticle([{ language: "fr", title: `Le ministère ${word} reçoit`, body: "Texte." }]);
    await makeArticle([{ language: "en", title: `Ministry ${word} meets`, body: "Text." }]);
    const hits = await searchVersionTitles(word.slice(0, -2));
    expect(hits.map((hit) => hit.title).sort()).toEqual([`Le ministère ${word} reçoit`, `Ministry ${word} meets`]);
    expect((await searchVersionTitles(`ministere ${word}`)).map((hit) => hit.language)).toEqual(["fr"]);
  });

  it("does not match a word that is only in the body", async () => {
    const word = uniqueWord("tb");
    await makeArticle([{ language: "en", title: "Plain headline", body: `The body alone says ${word}.` }]);
    expect(await searchVersionTitles(word)).toEqual([]);
  });

  it("returns at most ten rows, the latest changed first", async () => {
    const word = uniqueWord("tl");
    for (let index = 0; index < 12; index += 1) await makeArticle([{ language: "en", title: `Summit ${word} ${index}`, body: "x" }]);
    const hits = await searchVersionTitles(word);
    expect(hits).toHaveLength(10);
    expect(hits[0]!.title).toBe(`Summit ${word} 11`);
  });

  it("turns typed text into a prefix query of letters and digits only", async () => {
    expect(prefixQuery("Vietnam, Jap")).toBe("vietnam:* & jap:*");
    expect(prefixQuery("  ' & | ! :* ")).toBeNull();
    expect(await searchVersionTitles("') OR 1=1 --")).toEqual(expect.any(Array));
  });
});
