// The pipeline's time grows linearly with its input on hostile shapes (issue 26): a pasted code
// with no spaces, a line of symbols, thousands of blank lines, a repeated block, run-on text and
// 2 MB of one letter. A quadratic step blows the bound by orders of magnitude; the bound itself
// is ~10x what an idle machine takes (~2 ms a kilobyte once warm), so it does not flake.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { importWireText } from "./index";
import { loadWordLists } from "./parse-files";

const FIXED_MS = 500;
const MS_PER_KILOBYTE = 20;

const DATELINE = "Hanoï (VNA) – Le ministre des Affaires étrangères a reçu mercredi son homologue.\n";

/** Deterministic pseudo-random text over an alphabet (fast-check picks the seed). */
function noise(length: number, alphabet: string, seed: number): string {
  const chars: string[] = [];
  let state = seed || 1;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    chars.push(alphabet.charAt(state % alphabet.length));
  }
  return chars.join("");
}

const SHAPES: Record<string, (length: number, seed: number) => string> = {
  "a long token (base64)": (n, seed) => DATELINE + noise(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", seed),
  "a long token of lower-case letters": (n, seed) => DATELINE + noise(n, "etaoinshrdlucmfwypvbgkqjxzéèà", seed),
  "a long line of symbols": (n, seed) => DATELINE + noise(n, "=-*#~.,;:!?/_|<>", seed),
  "thousands of blank lines": (n) => DATELINE + "\n".repeat(n) + "Fin du texte.\n",
  "a block repeated": (n) => "Le Vietnam et la France renforcent leur coopération.\n\n".repeat(Math.ceil(n / 55)),
  "French text without spaces": (n) => DATELINE + "Leministredesaffairesétrangèresareçumercredisonhomologue.".repeat(Math.ceil(n / 57)),
  "English text without spaces": (n) => "Hanoi (VNA) - The minister met.\n" + "theministermethiscounterpartonwednesday,".repeat(Math.ceil(n / 40)),
  "one letter": (n) => "a".repeat(n),
};

function timeImport(text: string): { kilobytes: number; elapsed: number } {
  const bytes = new TextEncoder().encode(text);
  const started = performance.now();
  importWireText(bytes, { fileName: "hostile.txt" });
  return { kilobytes: bytes.length / 1024, elapsed: performance.now() - started };
}

function expectLinear(shape: string, text: string) {
  const { kilobytes, elapsed } = timeImport(text);
  const bound = FIXED_MS + MS_PER_KILOBYTE * kilobytes;
  expect(elapsed, `${shape}: ${Math.round(elapsed)} ms for ${Math.round(kilobytes)} KB (bound ${Math.round(bound)} ms)`).toBeLessThan(bound);
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
    expectLinear("a block repeated 500 times", (DATELINE + "Le Vietnam et la France renforcent leur coopération.\n\n").repeat(500));
  }, 120_000);
});
