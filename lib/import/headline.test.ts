// Headline by features, on mastheads none of the corpus files has.
import { describe, expect, it } from "vitest";
import { ChangeLog } from "./change-log";
import { isLabel, readMasthead } from "./headline";

const story = ["Da Nang (VNA) – The city opened its new bridge on Sunday.", "Traffic is expected to ease."];

describe("readMasthead", () => {
  it("reads a label above the headline as the section, recorded and undoable", () => {
    const log = new ChangeLog();
    const result = readMasthead(["Infrastructure", "Da Nang opens fourth bridge over the Han River", ...story], [], log);
    expect(result).toEqual({ title: "Da Nang opens fourth bridge over the Han River", section: "Infrastructure", blocks: story });
    expect(log.applied.map((change) => change.kind)).toEqual(["section-label-read"]);
    const undone = readMasthead(
      ["Infrastructure", "Da Nang opens fourth bridge over the Han River", ...story],
      [],
      new ChangeLog(new Set([log.applied[0]?.id ?? ""])),
    );
    expect(undone.section).toBeNull();
    expect(undone.blocks[0]).toBe("Infrastructure");
  });

  it("passes over a menu of topics and a breadcrumb to the headline below them", () => {
    const log = new ChangeLog();
    const result = readMasthead(
      ["News Sport Culture Travel Video", "World", "Chile and Vietnam sign a trade deal in Santiago", ...story],
      [],
      log,
    );
    expect(result.title).toBe("Chile and Vietnam sign a trade deal in Santiago");
    expect(result.section).toBe("World");
    expect(log.applied.map((change) => change.kind)).toEqual(["page-chrome-removed", "section-label-read"]);
  });

  it("prefers the line the page repeats as alt text, and keeps a lone short headline as the title", () => {
    const title = "Hoi An lanterns light up the old town";
    const result = readMasthead(
      ["Culture", "A kicker that is long enough to look like a headline", title, ...story],
      [title],
      new ChangeLog(),
    );
    expect(result.title).toBe(title);
    expect(readMasthead(["Hanoi Marathon", ...story], [], new ChangeLog())).toMatchObject({ title: "Hanoi Marathon", section: null });
  });

  it("tells labels from headlines and sentences", () => {
    expect(isLabel("Nouvel An")).toBe(true);
    expect(isLabel("Thời sự")).toBe(true);
    expect(isLabel("The talks ended.")).toBe(false);
    expect(isLabel("Vietnam and Japan upgrade ties")).toBe(false);
  });
});
