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
    const segments = highlightChanges("VNA a b VNA", [{ id: "a", before: "VNA" }, { id: "b", before: "VNA" }]);
    expect(segments).toEqual([{ text: "VNA", changeId: "a" }, { text: " a b " }, { text: "VNA", changeId: "b" }]);
  });
});
