// The pipeline's per-field accuracy on the annotated corpus (lib/import/corpus/) stays above the
// floor measured when it was last improved (`npm run import:eval` prints the numbers).
import { describe, expect, it } from "vitest";
import { evaluateCorpus, loadCorpus } from "./eval";

// A little under what the pipeline reaches today: raise them when it does better, never lower.
const FLOORS: Record<string, number> = {
  title: 0.95,
  section: 0.9,
  date: 0.95,
  dateline: 0.97,
  lead: 0.97,
  paragraphs: 0.88,
  captions: 0.97,
  trailers: 0.95,
  signoff: 0.97,
  gluedWords: 0.78,
  noWrongSplit: 0.97,
};

describe("import quality on the annotated corpus", () => {
  it("holds at least 40 files plus the five samples, each with its expected fields", () => {
    const corpus = loadCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(45);
    expect(corpus.filter((file) => file.name.startsWith("sample-"))).toHaveLength(5);
    for (const { expected } of corpus) expect(Array.isArray(expected.paragraphs) && expected.paragraphs.length > 0).toBe(true);
  });

  it("stays above the measured floor on every field", () => {
    const { accuracy } = evaluateCorpus();
    for (const [field, floor] of Object.entries(FLOORS)) {
      expect(accuracy[field]?.share, `${field}: ${accuracy[field]?.right}/${accuracy[field]?.of}`).toBeGreaterThanOrEqual(floor);
    }
  });
});
