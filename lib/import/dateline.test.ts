import { describe, expect, it } from "vitest";
import { findDatelineStart, matchDateline } from "./dateline";

describe("matchDateline", () => {
  it.each([
    ["Hanoï (VNA) – Le ministre a dit", "Hanoï", "VNA", null, "Hanoï (VNA) – "],
    ["Hanoi (VNA) - The minister said", "Hanoi", "VNA", null, "Hanoi (VNA) - "],
    ["Hanoï, 6 juillet (VNA) - Le ministre a dit", "Hanoï", "VNA", "6 juillet", "Hanoï, 6 juillet (VNA) - "],
    ["Ho Chi Minh City (VNA) – The city will", "Ho Chi Minh City", "VNA", null, "Ho Chi Minh City (VNA) – "],
    ["Phnom Penh (VNA) — Cambodia said", "Phnom Penh", "VNA", null, "Phnom Penh (VNA) — "],
    ["Hanoi (VNA) –The pioneering role", "Hanoi", "VNA", null, "Hanoi (VNA) –"],
    ["HANOI (VNA) - The minister said", "HANOI", "VNA", null, "HANOI (VNA) - "],
    ["Paris, September 12 (AFP) - France said", "Paris", "AFP", "September 12", "Paris, September 12 (AFP) - "],
  ])("splits %j", (paragraph, place, source, dayText, prefix) => {
    expect(matchDateline(paragraph)).toEqual({ place, source, dayText, prefix });
  });

  it('reads a bare agency dateline and takes the place from "in Hanoi" in the opening clause', () => {
    expect(matchDateline("WVR - On the evening of February 22, in Hanoi, Foreign Minister Bui Thanh Son chaired")).toEqual({
      place: "Hanoi",
      source: "WVR",
      dayText: null,
      prefix: "WVR - ",
    });
    expect(matchDateline("VNA – Le Vietnam et le Laos ont signé")).toMatchObject({ place: "", source: "VNA" });
  });

  it("reads a dateline without agency", () => {
    expect(matchDateline("Hanoï – Le ministre a reçu")).toEqual({ place: "Hanoï", source: null, dayText: null, prefix: "Hanoï – " });
  });

  it("does not mistake headlines and sentences for datelines", () => {
    expect(matchDateline("Vietnam-R de Corée : entretien entre les ministres")).toBeNull();
    expect(matchDateline("Le Vietnam – un partenaire fiable")).toBeNull();
    expect(matchDateline("ASEAN - Japan relations deepen")).toBeNull();
    expect(matchDateline("The Conference (WEF) was attended by many")).toBeNull();
    expect(matchDateline("Le ministre des Affaires étrangères (AE) Bui Thanh Son a dit")).toBeNull();
  });
});

describe("findDatelineStart", () => {
  it("finds a dateline after a caption on the same line", () => {
    const line = "Le ministre Bui Thanh Son. Photo : VNA Hanoï (VNA) - Le ministre a dit";
    expect(line.slice(findDatelineStart(line))).toBe("Hanoï (VNA) - Le ministre a dit");
    expect(findDatelineStart("Hanoï, 6 juillet (VNA) - Texte")).toBe(0);
    expect(findDatelineStart("HANOI (VNA) - Text")).toBe(0);
    expect(findDatelineStart("Le ministre Bui Thanh Son. Photo : VNA")).toBe(-1);
  });
});
