import { describe, expect, it } from "vitest";
import { highlightChanges } from "./highlight";

describe("highlightChanges", () => {
  it("marks each change where it stands and keeps the whole text", () => {
    const raw = "Hanoï (VNA) – leministre a parlé. Voir plus\nAutre titre";
    const segments = highlightChanges(raw, [
      { id: "glued:1", before: "leministre" },
      { id: "trailer:1", before: "Voir plus\nAutre titre" },
      { id: "missing", before: "absent du texte" },
    ]);
    expect(segments.map((segment) => segment.text).join("")).toBe(raw);
    expect(segments.filter((segment) => segment.changeId).map((segment) => [segment.changeId, segment.text])).toEqual([
      ["glued:1", "leministre"],
      ["trailer:1", "Voir plus\nAutre titre"],
    ]);
  });

  it("gives repeated identical changes their own occurrences", () => {
    const segments = highlightChanges("VNA a b VNA", [
      { id: "a", before: "VNA" },
      { id: "b", before: "VNA" },
    ]);
    expect(segments).toEqual([{ text: "VNA", changeId: "a" }, { text: " a b " }, { text: "VNA", changeId: "b" }]);
  });
});

describe("highlightChanges on a hostile file (issue 26)", () => {
  it("marks 2,000 repeated blocks in linear time, each on its own occurrence", () => {
    const block = "Le Vietnam et la France renforcent leur coopération.";
    const raw = Array.from({ length: 2_000 }, () => block).join("\n\n");
    const changes = Array.from({ length: 1_999 }, (_, n) => ({ id: `duplicate:${n}`, before: block }));
    const started = performance.now();
    const segments = highlightChanges(raw, changes);
    // ~5 ms when linear; searching from the start for each one took seconds.
    expect(performance.now() - started).toBeLessThan(500);
    expect(segments.map((segment) => segment.text).join("")).toBe(raw);
    expect(segments.filter((segment) => segment.changeId)).toHaveLength(1_999);
  });
});
