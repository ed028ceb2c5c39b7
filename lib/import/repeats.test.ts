// Repeats and date lines, on shapes none of the corpus files has.
import { describe, expect, it } from "vitest";
import { ChangeLog } from "./change-log";
import { readDateLine, removeDateLines } from "./date-line";
import { keepCaptionsOnce, removeLeadRepeats } from "./repeats";

describe("repeats", () => {
  it("keeps a caption once, even far from its first print and with other spacing", () => {
    const log = new ChangeLog();
    const captions = [
      { text: "Delegates at the opening session.", credit: "VNA" },
      { text: "A second photo.", credit: null },
      { text: "Delegates  at the opening session", credit: "VNA" },
    ];
    expect(keepCaptionsOnce(captions, log)).toEqual(captions.slice(0, 2));
    expect(log.applied.map((change) => change.kind)).toEqual(["repeat-removed"]);
    const undone = new ChangeLog(new Set([log.applied[0]?.id ?? ""]));
    expect(keepCaptionsOnce(captions, undone)).toEqual(captions);
  });

  it("drops a paragraph repeating the standfirst, wherever it stands, and nothing else", () => {
    const lead = "Le port de Lach Huyen accueillera des navires de 100 000 tonnes.";
    const paragraphs = ["Premier paragraphe.", "Le port de Lach Huyen accueillera des navires de 100 000 tonnes", "Fin."];
    expect(removeLeadRepeats(lead, paragraphs, new ChangeLog())).toEqual(["Premier paragraphe.", "Fin."]);
    expect(removeLeadRepeats(null, paragraphs, new ChangeLog())).toEqual(paragraphs);
  });
});

describe("date lines", () => {
  it("reads bare date-and-time lines in several forms", () => {
    expect(readDateLine("Thứ năm, 05/06/2025 - 08:15")).toEqual({ day: 5, month: 6, year: 2025 });
    expect(readDateLine("Published: 12.11.2023, 7:05 AM")).toEqual({ day: 12, month: 11, year: 2023 });
    expect(readDateLine("Updated on 3 May 2022 09:00 GMT+7")).toEqual({ day: 3, month: 5, year: 2022 });
    expect(readDateLine("Lundi 2 janvier 2023")).toEqual({ day: 2, month: 1, year: 2023 });
  });

  it("leaves sentences that contain a date in the body", () => {
    expect(readDateLine("The law takes effect on 01/07/2025.")).toBeNull();
    expect(readDateLine("Signed in Hanoi on May 3, 2022")).toBeNull();
    expect(readDateLine("Le 2 janvier 2023, le ministre est arrivé.")).toBeNull();
  });

  it("takes the first date line near the top as the date, recorded and undoable", () => {
    const blocks = ["Headline of the story", "10/04/2024 17:45", "Body paragraph one.", "Body paragraph two."];
    const log = new ChangeLog();
    expect(removeDateLines(blocks, log)).toEqual({ blocks: [blocks[0], blocks[2], blocks[3]], day: { day: 10, month: 4, year: 2024 } });
    expect(removeDateLines(blocks, new ChangeLog(new Set([log.applied[0]?.id ?? ""]))).blocks).toEqual(blocks);
  });
});
