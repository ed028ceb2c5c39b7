import { describe, expect, it } from "vitest";
import { ChangeLog, shortHash } from "./change-log";

describe("ChangeLog", () => {
  it("gives ids from kind and text, numbering identical changes", () => {
    const log = new ChangeLog();
    log.propose("glued-word-split", "setfor", "set for");
    log.propose("glued-word-split", "setfor", "set for");
    log.propose("signoff-removed", "VNA");
    expect(log.applied.map((change) => change.id)).toEqual([
      `glued-word-split:${shortHash("setfor")}`,
      `glued-word-split:${shortHash("setfor")}:2`,
      `signoff-removed:${shortHash("VNA")}`,
    ]);
    expect(log.applied[2]).toEqual({ id: `signoff-removed:${shortHash("VNA")}`, kind: "signoff-removed", before: "VNA" });
  });

  it("refuses reverted ids without renumbering the others", () => {
    const firstId = `glued-word-split:${shortHash("setfor")}`;
    const log = new ChangeLog(new Set([firstId]));
    expect(log.propose("glued-word-split", "setfor", "set for")).toBe(false);
    expect(log.propose("glued-word-split", "setfor", "set for")).toBe(true);
    expect(log.applied.map((change) => change.id)).toEqual([`${firstId}:2`]);
  });

  it("hashes deterministically to 8 hex digits", () => {
    expect(shortHash("Hanoï (VNA) –")).toBe(shortHash("Hanoï (VNA) –"));
    expect(shortHash("a")).toMatch(/^[0-9a-f]{8}$/);
    expect(shortHash("a")).not.toBe(shortHash("b"));
  });
});
