// The agency registry drives sign-offs and datelines; these shapes are in none of the corpus files.
import { describe, expect, it } from "vitest";
import { isAgency } from "./agencies";
import { ChangeLog } from "./change-log";
import { matchDateline } from "./dateline";
import { removeSignoffs } from "./trailers";

const signedOff = (blocks: string[]): string[] => removeSignoffs(blocks, new ChangeLog()).blocks;

describe("agency registry", () => {
  it("knows agencies alone and combined, in every written form", () => {
    for (const text of ["VNA", "TTXVN", "VOVworld", "Nhân Dân", "Bernama/VNA", "TASS-VNA", "Prensa Latina/VNA", "VNA/VI"]) {
      expect(isAgency(text), text).toBe(true);
    }
    for (const text of ["VI", "VNAX", "Vietnam", "ASEAN", "VOVX"]) expect(isAgency(text), text).toBe(false);
  });

  it("removes sign-offs of agencies in every position", () => {
    const body = "Les deux pays ont signé un accord.";
    expect(signedOff(["Intro paragraph here.", `${body} -Bernama/VNA`])).toEqual(["Intro paragraph here.", body]);
    expect(signedOff(["Intro paragraph here.", `${body} TASS`])).toEqual(["Intro paragraph here.", body]);
    expect(signedOff(["Intro paragraph here.", "Les ventes ont progressé dans toutes les régions-Xinhua"])).toEqual([
      "Intro paragraph here.",
      "Les ventes ont progressé dans toutes les régions.",
    ]);
    expect(signedOff(["Intro paragraph here.", body, "(Prensa Latina)"])).toEqual(["Intro paragraph here.", body]);
    expect(signedOff(["Intro paragraph here.", body, "– AKP/VNA."])).toEqual(["Intro paragraph here.", body]);
  });

  it("leaves compounds, Roman numerals and unknown acronyms in place", () => {
    const kept = ["Chapter", "VI", "The summit opened the ASEAN-AFP", "The talks covered the WTO-NATO"];
    expect(signedOff(kept)).toEqual(kept);
    expect(signedOff(["A ministry official confirmed the figures to the MOIT."])).toEqual([
      "A ministry official confirmed the figures to the MOIT.",
    ]);
  });

  it("reads datelines of registered agencies with or without a place", () => {
    expect(matchDateline("(Bernama) – Malaysia will host the forum.")).toMatchObject({ place: "", source: "Bernama" });
    expect(matchDateline("Sputnik/VNA - Russia said on Monday …")).toMatchObject({ place: "", source: "Sputnik/VNA" });
    expect(matchDateline("Vientiane (KPL/VNA) – Laos opened …")).toMatchObject({ place: "Vientiane", source: "KPL/VNA" });
    expect(matchDateline("(AE) – the ministry said")).toBeNull();
    expect(matchDateline("MOIT - The ministry said")).toBeNull();
  });
});
