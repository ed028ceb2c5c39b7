import { describe, expect, it } from "vitest";
import { ChangeLog } from "./change-log";
import { looksHardWrapped, normaliseLine, splitIntoBlocks } from "./blocks";

describe("normaliseLine", () => {
  it("turns no-break and other Unicode spaces into single spaces and trims", () => {
    expect(normaliseLine("  collaboration\u00a0 fficace\u202f: oui\u200b ")).toBe("collaboration fficace : oui");
  });
});

describe("splitIntoBlocks", () => {
  it("makes one block per non-empty line", () => {
    expect(splitIntoBlocks("Titre\n\nPremier.\nDeuxième.\n", new ChangeLog())).toEqual(["Titre", "Premier.", "Deuxième."]);
  });

  it("records each run of several blank lines (a line of only no-break spaces counts as blank)", () => {
    const log = new ChangeLog();
    const blocks = splitIntoBlocks("Un.\n\n\n\nDeux.\n\n\u00a0\n\nTrois.\n\nQuatre.", log);
    expect(blocks).toEqual(["Un.", "Deux.", "Trois.", "Quatre."]);
    expect(log.applied.map((change) => [change.kind, change.before, change.after])).toEqual([
      ["blank-lines-collapsed", "\n\n\n\n", "\n\n"],
      ["blank-lines-collapsed", "\n\n\n\n", "\n\n"],
    ]);
  });

  it("does not record a single blank line between paragraphs", () => {
    const log = new ChangeLog();
    splitIntoBlocks("Un.\n\nDeux.", log);
    expect(log.applied).toEqual([]);
  });

  it("re-joins hard-wrapped paragraphs but keeps a short headline line apart", () => {
    const wrapped = [
      "Vietnam, Laos boost cooperation",
      "",
      "Hanoi (VNA) - The two foreign ministers agreed on Tuesday to step up the",
      "exchange of delegations at all levels and to deepen cooperation in trade,",
      "investment and transport connectivity between the two neighbouring countries.",
      "",
      "They also pledged to coordinate closely at regional and international forums",
      "including ASEAN and the United Nations, and to support each other on issues",
      "of common concern, according to a statement issued after the talks here.",
    ].join("\n");
    const log = new ChangeLog();
    const blocks = splitIntoBlocks(wrapped, log);
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toBe("Vietnam, Laos boost cooperation");
    expect(blocks[1]).toMatch(/^Hanoi \(VNA\) - The two .* to step up the exchange of delegations .* countries\.$/);
    expect(log.applied.filter((change) => change.kind === "line-breaks-joined")).toHaveLength(4);
  });

  it("does not treat ordinary one-line paragraphs as hard-wrapped", () => {
    const lines = ["Title line here", "", "x".repeat(300), "", "y".repeat(200), "", "Short.", "Another short.", "And one more."];
    expect(looksHardWrapped(lines)).toBe(false);
  });
});
