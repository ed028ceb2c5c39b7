import { describe, expect, it } from "vitest";
import { highlightChanges } from "./highlight";
import { inTextOrder, markCleanedPieces } from "./review-marks";
import { batchOfUploadKey, batchUploadKey, compareBatchOrder, newUploadBatch } from "./review-batch";

describe("markCleanedPieces", () => {
  const changes = [
    { id: "glued", before: "créance.Le", after: "créance. Le" },
    { id: "trailer", before: "Lire aussi : autre chose" },
    { id: "space", before: "Hanoi,le", after: "Hanoi, le" },
  ];

  it("marks the text an applied change put in the cleaned article, per piece", () => {
    const pieces = ["Titre", "Il a parlé de la créance. Le reste suit.", "Hanoi, le 3 mars."];
    const marked = markCleanedPieces(pieces, changes, new Set());
    expect(marked).toHaveLength(3);
    expect(marked[0]).toEqual([{ text: "Titre" }]);
    expect(marked[1]).toEqual([{ text: "Il a parlé de la " }, { text: "créance. Le", changeId: "glued" }, { text: " reste suit." }]);
    expect(marked[2]![0]).toEqual({ text: "Hanoi, le", changeId: "space" });
  });

  it("marks the original text an undone change left in place", () => {
    const marked = markCleanedPieces(["Il a parlé de la créance.Le reste suit."], changes, new Set(["glued"]));
    expect(marked[0]).toContainEqual({ text: "créance.Le", changeId: "glued" });
  });

  it("keeps empty pieces in their place", () => {
    expect(markCleanedPieces(["a", "", "b"], [], new Set())).toEqual([[{ text: "a" }], [], [{ text: "b" }]]);
  });
});

describe("inTextOrder", () => {
  it("walks changes in the order they stand in the original, unfound ones last", () => {
    const raw = "B then A";
    const changes = [
      { id: "a", before: "A" },
      { id: "missing", before: "zzz" },
      { id: "b", before: "B" },
    ];
    expect(inTextOrder(changes, highlightChanges(raw, changes)).map((change) => change.id)).toEqual(["b", "a", "missing"]);
  });
});

describe("upload batches", () => {
  it("finds a file's batch and place from its upload key, an e-mail's items after it", () => {
    const batch = newUploadBatch();
    expect(batch).toMatch(/^[0-9a-f]{32}$/);
    expect(batchOfUploadKey(batchUploadKey(batch, 3))).toEqual({ batch, order: [3, 1] });
    expect(batchOfUploadKey(`${batchUploadKey(batch, 3)}.2`)).toEqual({ batch, order: [3, 2] });
    expect(compareBatchOrder([3, 2], [10, 1])).toBeLessThan(0);
  });

  it("treats keys made before batches (plain UUIDs) and no key as uploads of one file", () => {
    expect(batchOfUploadKey(crypto.randomUUID())).toBeNull();
    expect(batchOfUploadKey(null)).toBeNull();
  });
});
