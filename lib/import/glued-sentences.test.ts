import { describe, expect, it } from "vitest";
import { ChangeLog } from "./change-log";
import { repairGluedSentences } from "./glued-sentences";

function repair(text: string): string {
  return repairGluedSentences(text, new ChangeLog());
}

describe("repairGluedSentences", () => {
  it("puts back the space after a full stop before a new sentence", () => {
    expect(repair("au cours de la conférence d’aujourd’hui.Le ministre a dit")).toBe(
      "au cours de la conférence d’aujourd’hui. Le ministre a dit",
    );
    expect(repair("signed in 2022.The two sides")).toBe("signed in 2022. The two sides");
    expect(repair("(KOICA).Le Vietnam")).toBe("(KOICA). Le Vietnam");
    expect(repair("markets...Participants said")).toBe("markets... Participants said");
    expect(repair("Vraiment?Oui")).toBe("Vraiment? Oui");
  });

  it("puts back the space after a comma, semicolon or ellipsis between words", () => {
    expect(repair("in a pragmatic fashion,according to the minister")).toBe("in a pragmatic fashion, according to the minister");
    expect(repair("l’ONU, l’ASEAN…et pour que")).toBe("l’ONU, l’ASEAN… et pour que");
    expect(repair("supply chains;attract investment")).toBe("supply chains; attract investment");
  });

  it("leaves decimals, thousands, initials, abbreviations and web addresses alone", () => {
    const untouched = [
      "growth of 1.5 percent and 3,000 jobs",
      "taux de 6,5 % en 2023",
      "the U.S. Army and the U.K.Government",
      "Mrs.Smith and Dr.Jones met St.Petersburg officials",
      "source: baoquocte.vn and VietnamPlus.vn, www.Mofa.gov.vn",
      "Directive No. 15-CT/TW on diplomacy",
      "e.g.The point",
    ];
    for (const text of untouched) expect(repair(text)).toBe(text);
  });

  it("records each repair with the glued token before and after", () => {
    const log = new ChangeLog();
    repairGluedSentences("conférence d’aujourd’hui.Le ministre, fashion,according", log);
    expect(log.applied.map(({ kind, before, after }) => ({ kind, before, after }))).toEqual([
      { kind: "glued-sentence-split", before: "d’aujourd’hui.Le", after: "d’aujourd’hui. Le" },
      { kind: "missing-space-inserted", before: "fashion,according", after: "fashion, according" },
    ]);
  });

  it("leaves a repair undone when its change is reverted", () => {
    const log = new ChangeLog();
    repairGluedSentences("hui.Le ministre", log);
    const reverted = new ChangeLog(new Set(log.applied.map((change) => change.id)));
    expect(repairGluedSentences("hui.Le ministre", reverted)).toBe("hui.Le ministre");
  });
});
