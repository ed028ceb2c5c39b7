// The pipeline's time grows linearly with its input on hostile shapes (issue 26): a pasted code
// with no spaces, a line of symbols, thousands of blank lines, a repeated block, run-on text and
// 2 MB of one letter. A quadratic step blows the bound by orders of magnitude; the bound itself
// is ~10x what an idle machine takes (~2 ms a kilobyte once warm), so it does not flake.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_SHAPES as SHAPES } from "./hostile-shapes";
import { importWireText } from "./index";
import { loadWordLists } from "./parse-files";

const FIXED_MS = 500;
const MS_PER_KILOBYTE = 20;

function timeImport(text: string): { kilobytes: number; elapsed: number } {
  const bytes = new TextEncoder().encode(text);
  const started = performance.now();
  importWireText(bytes, { fileName: "hostile.txt" });
  return { kilobytes: bytes.length / 1024, elapsed: performance.now() - started };
}

function expectLinear(shape: string, text: string) {
  const { kilobytes, elapsed } = timeImport(text);
  const bound = FIXED_MS + MS_PER_KILOBYTE * kilobytes;
  expect(elapsed, `${shape}: ${Math.round(elapsed)} ms for ${Math.round(kilobytes)} KB (bound ${Math.round(bound)} ms)`).toBeLessThan(
    bound,
  );
}

describe("pipeline time on hostile shapes", () => {
  // The word lists load once per process (~0.5 s); that is not the file's time.
  beforeAll(() => loadWordLists(), 30_000);

  it("stays within a fixed cost plus a bound per kilobyte", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(SHAPES)), fc.integer({ min: 2_000, max: 200_000 }), fc.nat(), (shape, length, seed) => {
        expectLinear(shape, SHAPES[shape]!(length, seed));
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it("parses the issue's files within the bound: an 8,000-letter token, run-on sentences, 2 MB of one letter", () => {
    expectLinear("8,000-letter token", SHAPES["a long token of lower-case letters"]!(8_000, 7));
    expectLinear("2 MB of one letter", "a".repeat(2 * 1024 * 1024 - 16));
    expectLinear("64 KB of sentences without spaces", SHAPES["French text without spaces"]!(64_000, 0));
    expectLinear("5,000 blank lines", SHAPES["thousands of blank lines"]!(5_000, 0));
    expectLinear("a block repeated 500 times", SHAPES["a block repeated"]!(500 * 137, 0));
  }, 120_000);
});
