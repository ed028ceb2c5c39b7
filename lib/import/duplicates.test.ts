import { describe, expect, it } from "vitest";
import { ChangeLog } from "./change-log";
import { removeRepeatedBlocks } from "./duplicates";

const paragraph = (n: number): string => `Paragraph number ${n} tells a different part of the story about diplomacy and trade.`;

describe("removeRepeatedBlocks", () => {
  it("keeps a page body pasted twice once, recording the repeat as one change", () => {
    const body = [paragraph(1), paragraph(2), paragraph(3)];
    const log = new ChangeLog();
    expect(removeRepeatedBlocks([paragraph(0), ...body, ...body, "VNA"], log)).toEqual([paragraph(0), ...body, "VNA"]);
    expect(log.applied).toEqual([expect.objectContaining({ kind: "duplicate-block-removed", before: body.join("\n") })]);
  });

  it("matches repeats that differ only in case and spacing", () => {
    const repeated = `  ${paragraph(2).toUpperCase()}`;
    expect(removeRepeatedBlocks([paragraph(1), paragraph(2), repeated.trim()], new ChangeLog())).toEqual([paragraph(1), paragraph(2)]);
  });

  it("leaves short repeated lines and distinct paragraphs alone", () => {
    const blocks = ["Photo: VNA", paragraph(1), "Photo: VNA", paragraph(2)];
    expect(removeRepeatedBlocks(blocks, new ChangeLog())).toEqual(blocks);
  });

  it("restores the repeat when its change is reverted", () => {
    const blocks = [paragraph(1), paragraph(1)];
    const log = new ChangeLog();
    removeRepeatedBlocks(blocks, log);
    expect(removeRepeatedBlocks(blocks, new ChangeLog(new Set([log.applied[0]?.id ?? ""])))).toEqual(blocks);
  });
});
