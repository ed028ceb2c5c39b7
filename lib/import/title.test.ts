import { describe, expect, it } from "vitest";
import { isHeadline, suggestTitle } from "./title";

describe("isHeadline", () => {
  it("accepts headline lines", () => {
    expect(isHeadline("Foreign Minister Bui Thanh Son outlines key tasks of economic diplomacy in 2024")).toBe(true);
    expect(isHeadline("Vietnam-R de Corée : entretien entre les ministres des Affaires étrangères")).toBe(true);
    expect(isHeadline("Quel avenir pour l’ASEAN ?")).toBe(true);
  });

  it("rejects sentences, datelines, captions and fragments", () => {
    expect(isHeadline("Le ministre a reçu l’ambassadeur.")).toBe(false);
    expect(isHeadline("Hanoï (VNA) - Le ministre a reçu l’ambassadeur du Japon")).toBe(false);
    expect(isHeadline("Panorama de l’entretien. Photo : VNA")).toBe(false);
    expect(isHeadline("et les deux parties")).toBe(false);
    expect(isHeadline("VNA")).toBe(false);
    expect(isHeadline(`${"Mot ".repeat(40)}fin`)).toBe(false);
  });
});

describe("suggestTitle", () => {
  it("uses a short first sentence whole, without its full stop", () => {
    expect(suggestTitle("Le Vietnam et le Laos signent un accord. Les deux pays ont convenu.")).toBe(
      "Le Vietnam et le Laos signent un accord",
    );
  });

  it("shortens a long sentence at a word, not on a function word, with an ellipsis", () => {
    const title = suggestTitle(
      "Le ministère des Affaires étrangères a organisé jeudi soir à Hanoï une conférence virtuelle pour accélérer la diplomatie économique au service du double objectif.",
    );
    expect(title).toBe("Le ministère des Affaires étrangères a organisé jeudi soir à Hanoï une conférence…");
    expect(title.length).toBeLessThanOrEqual(91);
  });

  it("does not cut at an abbreviation-like full stop inside a number", () => {
    expect(suggestTitle("Trade rose 1.5 percent to 20 billion USD in 2023. Exports led.")).toBe(
      "Trade rose 1.5 percent to 20 billion USD in 2023",
    );
  });
});
