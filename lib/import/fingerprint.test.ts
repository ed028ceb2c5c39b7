import { describe, expect, it } from "vitest";
import { contentHash, minHashSignature, shingleHashes, shingles, SIGNATURE_SIZE, similarity } from "./fingerprint";

const article = Array.from({ length: 60 }, (_, i) => `Sentence ${i} says the ministry will promote cooperation number ${i * 7}.`).join(" ");

describe("contentHash", () => {
  it("is a sha256 hex digest that ignores case and spacing", () => {
    const hash = contentHash(["Title", "Body  text."]);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(["title", "body\ttext."])).toBe(hash);
    expect(contentHash(["Title", "Body text!"])).not.toBe(hash);
  });
});

describe("shingleHashes", () => {
  // Stored signatures were made from FNV-1a of each shingle as a string: the hashes made without
  // joining the words must be those, or new imports would stop matching the archive.
  const fnv1a = (text: string) => {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    return hash >>> 0;
  };

  it("are FNV-1a of each distinct shingle as written out", () => {
    for (const text of [
      "one two three four five six seven one two three four five",
      "Only three words",
      "  ",
      "Hà Nội, le 12 mars — l’ASEAN et l'UE ont signé 2 accords.",
    ]) {
      expect([...shingleHashes(text)].sort()).toEqual([...new Set(shingles(text).map(fnv1a))].sort());
    }
  });
});

describe("shingles", () => {
  it("makes overlapping 5-word shingles, or one for a short text", () => {
    expect(shingles("one two three four five six")).toEqual(["one two three four five", "two three four five six"]);
    expect(shingles("Only three words")).toEqual(["only three words"]);
    expect(shingles("  ")).toEqual([]);
  });
});

describe("minHashSignature and similarity", () => {
  it("gives identical texts similarity 1 and a fixed-size signature", () => {
    const signature = minHashSignature(article);
    expect(signature).toHaveLength(SIGNATURE_SIZE);
    expect(similarity(signature, minHashSignature(article))).toBe(1);
  });

  it("estimates a high similarity for a lightly edited copy and a low one for another text", () => {
    const edited = article.replace("Sentence 3 ", "Phrase 3 ").replace("number 70", "number 71");
    const other = Array.from({ length: 60 }, (_, i) => `Le ministre a reçu la délégation ${i} venue du pays ${i * 3}.`).join(" ");
    expect(similarity(minHashSignature(article), minHashSignature(edited))).toBeGreaterThan(0.8);
    expect(similarity(minHashSignature(article), minHashSignature(other))).toBeLessThan(0.1);
  });

  it("tracks the true Jaccard similarity of the shingle sets", () => {
    const words = article.split(" ");
    const half = words.slice(0, Math.floor(words.length * 0.75)).join(" ");
    const a = new Set(shingles(article));
    const b = new Set(shingles(half));
    const jaccard = [...b].filter((s) => a.has(s)).length / new Set([...a, ...b]).size;
    const estimate = similarity(minHashSignature(article), minHashSignature(half));
    expect(Math.abs(estimate - jaccard)).toBeLessThan(0.15);
  });

  it("refuses signatures of different sizes", () => {
    expect(() => similarity([1, 2], [1])).toThrow(/length/);
  });
});

describe("near-duplicate bands", () => {
  it("share a band for a lightly edited copy and none for an unrelated text", async () => {
    const { minHashSignature, signatureBands, signatureForStorage } = await import("./fingerprint");
    const base =
      "Le ministre des Affaires étrangères Bui Thanh Son a reçu jeudi à Hanoï l'ambassadeur du Japon pour discuter de la coopération économique entre les deux pays et des prochaines visites de haut niveau.";
    const edited = base.replace("jeudi", "vendredi");
    const other =
      "On the evening of February 22, in Hanoi, the foreign minister hosted a reception for the diplomatic corps to celebrate the lunar new year with ambassadors.";
    const bands = (text: string) => signatureBands(minHashSignature(text));
    const shared = (a: number[], b: number[]) => a.filter((band) => b.includes(band)).length;
    expect(shared(bands(base), bands(edited))).toBeGreaterThan(0);
    expect(shared(bands(base), bands(other))).toBe(0);
    for (const value of [...bands(base), ...signatureForStorage(minHashSignature(base))]) {
      expect(value).toBeGreaterThanOrEqual(-(2 ** 31));
      expect(value).toBeLessThan(2 ** 31);
    }
  });
});
