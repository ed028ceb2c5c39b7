// The agency registry drives sign-offs and datelines; these shapes are in none of the corpus files.
import { describe, expect, it } from "vitest";
import { agencyNamed, isAgency, withAgencyForms } from "./agencies";
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

describe("the desk's agency forms", () => {
  const copy = (agency: string) =>
    new TextEncoder().encode(
      [
        "Les deux pays renforcent leur coopération agricole",
        `(${agency}) – Les ministres de l’Agriculture se sont réunis mardi pour examiner les projets communs de la saison.`,
        `Ils ont convenu d’échanger davantage de semences et de techniques d’irrigation dans les provinces du Nord-${agency}`,
      ].join("\n"),
    );

  it("reads an agency added as a row: its bare dateline and its glued sign-off, only while in force", async () => {
    const { importWireText } = await import("./index");
    const before = importWireText(copy("Zeta Press"));
    if (!before.ok) throw new Error(before.refusal.code);
    expect(before.article.dateline).toBeNull();

    const forms = [{ form: "Zeta Press", agency: "Zeta Press" }];
    const after = importWireText(copy("Zeta Press"), { agencyForms: forms });
    if (!after.ok) throw new Error(after.refusal.code);
    expect(after.article.dateline).toEqual({ place: "", source: "Zeta Press" });
    expect(after.article.paragraphs.at(-1)).toMatch(/provinces du Nord\.$/);
    expect(after.article.changes).toContainEqual(expect.objectContaining({ kind: "signoff-removed" }));
    // The built-in registry again for the next file.
    expect(isAgency("Zeta Press")).toBe(false);
  });

  it("joins a form to the agency it names, so it counts for that agency's source", () => {
    expect(withAgencyForms([{ form: "VNA-EN", agency: "TTXVN" }], () => agencyNamed("Hanoi (VNA-EN)"))).toBe("VNA");
    expect(withAgencyForms([{ form: "ZPA", agency: "Zeta Press" }], () => [agencyNamed("- ZPA"), isAgency("ZPA/VNA")])).toEqual([
      "Zeta Press",
      true,
    ]);
  });
});
