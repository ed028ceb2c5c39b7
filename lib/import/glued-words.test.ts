import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ChangeLog } from "./change-log";
import { repairGluedWords } from "./glued-words";
import type { Language } from "./types";

const require = createRequire(import.meta.url);
const englishWords = require("an-array-of-english-words") as string[];
const frenchWords = require("an-array-of-french-words") as string[];

function repair(text: string, language: Language): string {
  return repairGluedWords(text, language, new ChangeLog());
}

describe("repairGluedWords (English)", () => {
  it("splits the glued words of real English wire copy", () => {
    expect(repair("The pioneering role of thediplomatic sector", "en")).toBe("The pioneering role of the diplomatic sector");
    expect(repair("economic diplomacy focuses setfor 2023", "en")).toBe("economic diplomacy focuses set for 2023");
    expect(repair("with the top priorities givento promoting", "en")).toBe("with the top priorities given to promoting");
    expect(repair("maintaining anenvironment of peace", "en")).toBe("maintaining an environment of peace");
    expect(repair("while maximisingthe country’s new position", "en")).toBe("while maximising the country’s new position");
    expect(repair("to diversify exportmarkets, products", "en")).toBe("to diversify export markets, products");
    expect(repair("protect affectedVietnamese citizens", "en")).toBe("protect affected Vietnamese citizens");
    expect(repair("Regarding theministry’s general operations", "en")).toBe("Regarding the ministry’s general operations");
  });

  it("never splits real words, compounds, names, codes or addresses", () => {
    const untouched = [
      "the overflight of the nationwide cooperation programme",
      "Mekong-Japan cooperation and socioeconomic multilateralisation",
      "a roadmap for blockchain, livestream and standalone datasets",
      "the accessor, validator and plugin of an async inline addon",
      "Jutta Urpilainen met Josep Borrell in Washington and Savannakhet",
      "Directive No. 15-CT/TWon economic diplomacy",
      "see baoquocte.vn/thediplomatic and ASEANthe",
      "the iPhone, eBay, McDonald and JavaScript toString",
    ];
    for (const text of untouched) expect(repair(text, "en")).toBe(text);
  });

  it("records each split as a change that can be reverted", () => {
    const log = new ChangeLog();
    const text = "focuses setfor 2023, setfor 2024";
    expect(repairGluedWords(text, "en", log)).toBe("focuses set for 2023, set for 2024");
    expect(log.applied.map(({ kind, before, after }) => ({ kind, before, after }))).toEqual([
      { kind: "glued-word-split", before: "setfor", after: "set for" },
      { kind: "glued-word-split", before: "setfor", after: "set for" },
    ]);
    const second = log.applied[1]?.id ?? "";
    expect(repairGluedWords(text, "en", new ChangeLog(new Set([second])))).toBe("focuses set for 2023, setfor 2024");
  });
});

describe("repairGluedWords (French)", () => {
  it("splits the glued words of real French wire copy, keeping sentence capitals", () => {
    expect(repair("Selon leministre, la visite", "fr")).toBe("Selon le ministre, la visite");
    expect(repair("Le président etson épouse", "fr")).toBe("Le président et son épouse");
    expect(repair("ont présenté leurs sincères decondoléances.", "fr")).toBe("ont présenté leurs sincères de condoléances.");
    expect(repair("Écrivantdans le livre de condoléances, il a salué", "fr")).toBe("Écrivant dans le livre de condoléances, il a salué");
    expect(repair("Plustôt dans la journée, il a reçu", "fr")).toBe("Plus tôt dans la journée, il a reçu");
    expect(repair("Lareine Elizabeth II a reçu", "fr")).toBe("La reine Elizabeth II a reçu");
    expect(repair("dans l’investissementet le commerce", "fr")).toBe("dans l’investissement et le commerce");
  });

  it("never splits real French words, elisions, names or hyphenated words", () => {
    const untouched = [
      "aujourd’hui, le développement socioéconomique et la visioconférence",
      "le vice-président sud-coréen Chung Eui Yong, a-t-il déclaré",
      "la cybersécurité, le multilatéralisme et la mise en œuvre",
      "Champasak, Paksé et Savannakhet, au Laosa eu lieu",
      "le leadership online du smartphone",
    ];
    for (const text of untouched) expect(repair(text, "fr")).toBe(text);
  });
});

describe("repairGluedWords (other languages)", () => {
  it("passes Vietnamese and unidentified text through", () => {
    expect(repair("Bộ trưởng Ngoại giao thediplomatic", "vi")).toBe("Bộ trưởng Ngoại giao thediplomatic");
    expect(repair("thediplomatic", "und")).toBe("thediplomatic");
  });
});

describe("repairGluedWords properties", () => {
  const sentenceOf = (words: readonly string[]): fc.Arbitrary<string> =>
    fc
      .array(fc.integer({ min: 0, max: words.length - 1 }), { minLength: 1, maxLength: 25 })
      .map((indexes) => indexes.map((i) => words[i]).join(" "));

  it("never changes a text made only of English dictionary words", () => {
    fc.assert(
      fc.property(sentenceOf(englishWords), (text) => repair(text, "en") === text),
      { numRuns: 300 },
    );
  });

  it("never changes a text made only of French dictionary words", () => {
    fc.assert(
      fc.property(sentenceOf(frenchWords), (text) => repair(text, "fr") === text),
      { numRuns: 300 },
    );
  });

  it("only ever inserts spaces, and repairing twice changes nothing more", () => {
    const gluedPair = fc
      .tuple(fc.integer({ min: 0, max: englishWords.length - 1 }), fc.integer({ min: 0, max: englishWords.length - 1 }))
      .map(([a, b]) => `the ${englishWords[a]}${englishWords[b]} and`);
    fc.assert(
      fc.property(gluedPair, (text) => {
        const once = repair(text, "en");
        return once.replace(/ /g, "") === text.replace(/ /g, "") && repair(once, "en") === once;
      }),
      { numRuns: 300 },
    );
  });
});
