import { describe, expect, it } from "vitest";
import { findMentions, ngramKeys, scanSentences, splitSentences } from "./mentions";
import { normalizeForMatch } from "./normalize";

// Labels and aliases of two tags, as the database stores them.
const KNOWN = new Set(
  [
    "Bui Thanh Son",
    "Bùi Thanh Sơn",
    "FM Bui Thanh Son",
    "le ministre Bui Thanh Son",
    "République de Corée",
    "Republic of Korea",
    "R de Corée",
    "South Korea",
    "Corée",
  ].map(normalizeForMatch),
);
const mentionsOf = (text: string) => findMentions(scanSentences(text), (key) => KNOWN.has(key)).map((mention) => mention.key);

describe("alias matching", () => {
  it("finds a name with or without diacritics, in French", () => {
    expect(mentionsOf("Hanoï (VNA) – Le ministre Bùi Thanh Sơn a reçu son homologue.")).toEqual(["le ministre bui thanh son"]);
    expect(mentionsOf("Le chef de la diplomatie Bui Thanh Son a reçu son homologue.")).toEqual(["bui thanh son"]);
    expect(mentionsOf("Le chef de la diplomatie BÙI THANH SƠN a reçu son homologue.")).toEqual(["bui thanh son"]);
  });

  it("finds a name with or without diacritics, in English", () => {
    expect(mentionsOf("FM Bui Thanh Son meets EU High Representative.")).toEqual(["fm bui thanh son"]);
    expect(mentionsOf("Minister Bùi Thanh Sơn said on Monday.")).toEqual(["bui thanh son"]);
    expect(mentionsOf("Ties with South Korea and the Republic of Korea grew.")).toEqual(["south korea", "republic of korea"]);
  });

  it("prefers the longest name and tolerates punctuation and look-alikes", () => {
    expect(mentionsOf("Vietnam-R de Corée : entretien entre les ministres.")).toEqual(["r de coree"]);
    expect(mentionsOf("Le partenariat Vietnam – République de Corée.")).toEqual(["republique de coree"]);
    expect(mentionsOf("La Republique de Coree et la Corée.")).toEqual(["republique de coree", "coree"]);
    expect(mentionsOf("Minister Bui Th\u0430nh Son (Cyrillic a).")).toEqual(["bui thanh son"]);
  });

  it("gives the sentence each name came from", () => {
    const [mention] = findMentions(scanSentences("Premier point. Le ministre Bui Thanh Son a parlé. Fin."), (key) => KNOWN.has(key));
    expect(mention?.sentence).toBe("Le ministre Bui Thanh Son a parlé.");
  });

  it("does not find a name split across sentences", () => {
    expect(mentionsOf("Il a parlé avec Bui. Thanh Son est venu.")).toEqual([]);
  });
});

describe("sentences and n-grams", () => {
  it("does not end a sentence after a title's full stop", () => {
    expect(splitSentences("Ms. Doan Phuong Lan spoke. M. Dupont a répondu. Fin")).toEqual([
      "Ms. Doan Phuong Lan spoke.",
      "M. Dupont a répondu.",
      "Fin",
    ]);
  });

  it("lists every run of one to six words once", () => {
    const keys = ngramKeys(scanSentences("a b c d e f g"));
    expect(keys.has("a b c d e f")).toBe(true);
    expect(keys.has("a b c d e f g")).toBe(false);
    expect(keys.size).toBe(7 + 6 + 5 + 4 + 3 + 2);
  });
});
