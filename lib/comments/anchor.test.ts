// Re-finding a comment's passage after edits before, inside and after it, and the orphan.
import { describe, expect, it } from "vitest";
import { locatePassage, type AnchorBlock } from "@/lib/comments/anchor";

const text = "Le ministre a reçu la délégation à Hanoï. La délégation repart demain.";
const quote = "la délégation";
const from = text.indexOf(quote);
const anchor = { blockId: "b1", from, to: from + quote.length, quote };
const body = (...texts: string[]): AnchorBlock[] => texts.map((t, index) => ({ blockId: `b${index + 1}`, text: t }));

describe("locatePassage", () => {
  it("finds the passage where it was", () => {
    expect(locatePassage(body(text), anchor)).toEqual({ blockId: "b1", from, to: from + quote.length });
  });

  it("follows the passage when text is typed before it", () => {
    const edited = `Hier, ${text}`;
    expect(locatePassage(body(edited), anchor)).toEqual({ blockId: "b1", from: from + 6, to: from + 6 + quote.length });
  });

  it("stays put when text is typed after it", () => {
    expect(locatePassage(body(`${text} Fin.`), anchor)).toEqual({ blockId: "b1", from, to: from + quote.length });
  });

  it("picks the occurrence nearest to where it was, not the first one", () => {
    // "la délégation" also occurs later ("La délégation" differs in case, so add a lower-case one first).
    const twice = `Pour la délégation, ${text}`;
    const found = locatePassage(body(twice), anchor)!;
    expect(found.from).toBe(twice.indexOf(quote, 5));
    expect(twice.slice(found.from, found.to)).toBe(quote);
  });

  it("is orphaned when the text inside it is edited", () => {
    expect(locatePassage(body(text.replace("la délégation", "la mission")), anchor)).toBeNull();
  });

  it("finds the quote in another block when it moved there", () => {
    expect(locatePassage(body("Premier paragraphe.", `Déplacé : ${quote}.`), anchor)).toEqual({
      blockId: "b2",
      from: 10,
      to: 10 + quote.length,
    });
  });

  it("is orphaned when its block and quote are gone", () => {
    expect(locatePassage(body("Autre chose."), anchor)).toBeNull();
  });

  it("re-finds an old comment that stored a quote and a block but no offsets", () => {
    expect(locatePassage(body(text), { blockId: "b1", from: null, to: null, quote })).toEqual({
      blockId: "b1",
      from,
      to: from + quote.length,
    });
  });

  it("has no passage for a comment on the whole article", () => {
    expect(locatePassage(body(text), { blockId: null, from: null, to: null, quote: null })).toBeNull();
  });
});
