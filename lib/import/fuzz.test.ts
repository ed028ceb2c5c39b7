// Property-based fuzzing of the importer: random bytes and mutated sample files never make it
// throw or hang; it always answers ok with an article or a clear error.
import { refusalTextIn } from "@/lib/i18n/refusal-text";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importWireText } from "./index";

const samplesDir = path.join(import.meta.dirname, "..", "..", "seed", "sample-articles");
const samples = readdirSync(samplesDir)
  .filter((name) => name.endsWith(".txt"))
  .map((name) => new Uint8Array(readFileSync(path.join(samplesDir, name))));

// A bound for hangs, not a speed target (speed is measured by `npm run bench`): generous enough
// for a loaded 2-core CI machine, far below what a quadratic step takes on these inputs.
const TIME_LIMIT_MS = 10_000;

function importWithinLimit(bytes: Uint8Array) {
  const started = performance.now();
  const result = importWireText(bytes, { fileName: "fuzz.txt" });
  const elapsed = performance.now() - started;
  expect(elapsed, `took ${Math.round(elapsed)} ms`).toBeLessThan(TIME_LIMIT_MS);
  if (result.ok) expect(result.article.title.length).toBeGreaterThan(0);
  else expect(refusalTextIn("en", result.refusal)).toMatch(/^.{8,}$/);
  return result;
}

/** A sample with random edits: bytes flipped, slices deleted or duplicated, junk inserted. */
const mutatedSample = fc
  .record({
    sample: fc.nat({ max: samples.length - 1 }),
    edits: fc.array(
      fc.record({
        kind: fc.constantFrom("flip", "delete", "duplicate", "insert"),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        length: fc.nat({ max: 400 }),
        junk: fc.uint8Array({ maxLength: 40 }),
      }),
      { maxLength: 8 },
    ),
  })
  .map(({ sample, edits }) => {
    const bytes = Array.from(samples[sample]!);
    for (const edit of edits) {
      const at = Math.floor(edit.at * bytes.length);
      if (edit.kind === "flip" && bytes.length) bytes[at % bytes.length] = (bytes[at % bytes.length]! ^ 0xff) & 0xff;
      if (edit.kind === "delete") bytes.splice(at, edit.length);
      if (edit.kind === "duplicate") bytes.splice(at, 0, ...bytes.slice(at, at + edit.length));
      if (edit.kind === "insert") bytes.splice(at, 0, ...edit.junk);
    }
    return new Uint8Array(bytes);
  });

describe("importer fuzzing", () => {
  it("never throws or hangs on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => void importWithinLimit(bytes)),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it("never throws or hangs on random text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 3000 }), (text) => void importWithinLimit(new TextEncoder().encode(text))),
      { numRuns: 300 },
    );
  });

  it("never throws or hangs on mutated sample files", () => {
    fc.assert(
      fc.property(mutatedSample, (bytes) => void importWithinLimit(bytes)),
      { numRuns: 200 },
    );
  });

  it("never throws on pathological shapes: one huge line, thousands of blank lines, repeated trailers", () => {
    const shapes = [
      "a".repeat(1_500_000),
      "leministre etson decondoléances ".repeat(60_000),
      "\n".repeat(500_000) + "Hanoï (VNA) – Un texte.",
      ("Voir plus\n" + "Titre. Photo : VNA\n").repeat(20_000),
      "Hanoï (VNA) – " + "x.Y".repeat(100_000),
    ];
    for (const text of shapes) importWithinLimit(new TextEncoder().encode(text));
  });
});
