import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractCandidates, type Candidate } from "./candidates";

const SAMPLES = path.join(import.meta.dirname, "..", "..", "seed", "sample-articles");
const sample = (prefix: string) =>
  readFileSync(
    path.join(
      SAMPLES,
      readdirSync(SAMPLES).find((name) => name.startsWith(prefix))!,
    ),
    "utf8",
  );
const byLabel = (candidates: Candidate[]) => new Map(candidates.map((candidate) => [candidate.label, candidate]));

describe("candidate extraction on the sample articles", () => {
  it("finds the people, organisations and countries of the Korean visit (French)", () => {
    const found = byLabel(extractCandidates(sample("004")));
    expect(found.get("Bui Thanh Son")?.type).toBe("PERSON");
    expect(found.get("Chung Eui Yong")?.type).toBe("PERSON");
    expect(found.get("KOICA")?.type).toBe("ORGANISATION");
    expect(found.get("ASEAN")?.type).toBe("ORGANISATION");
    const korea = [...found.values()].find((candidate) => candidate.labels?.en === "Republic of Korea");
    expect(korea).toMatchObject({ type: "PLACE", labels: { fr: "République de Corée", en: "Republic of Korea" } });
    expect(korea?.sentence).toContain("Corée");
    // One candidate per country, however many of its names the text uses.
    expect([...found.values()].filter((candidate) => candidate.labels?.en === "Republic of Korea")).toHaveLength(1);
    for (const noise of ["Le", "Les", "Il", "Photo", "Voir plus", "Hanoï (VNA)", "AE"]) expect(found.has(noise), noise).toBe(false);
  });

  it("keeps titles out of names and skips months (English)", () => {
    const candidates = extractCandidates(sample("003"));
    const found = byLabel(candidates);
    expect(found.get("Bui Thanh Son")?.type).toBe("PERSON");
    expect(found.get("Nguyen Minh Hang")?.type).toBe("PERSON");
    expect(found.get("Doan Phuong Lan")?.type).toBe("PERSON");
    expect(found.get("WEF")?.type).toBe("ORGANISATION");
    expect(found.get("Economic Diplomacy Steering Committee")?.type).toBe("ORGANISATION");
    expect(found.get("Germany")).toMatchObject({ type: "PLACE", labels: { fr: "Allemagne", en: "Germany" } });
    const labels = candidates.map((candidate) => candidate.label);
    expect(labels.some((label) => /Minister|February|Foreign/.test(label))).toBe(false);
    expect(found.get("Bui Thanh Son")?.sentence).toMatch(/Foreign Minister Bui Thanh Son/);
  });

  it("finds the minister in every sample, and the Vietnam country everywhere it is named", () => {
    for (const prefix of ["000", "001", "002", "003", "004"]) {
      const found = byLabel(extractCandidates(sample(prefix)));
      expect(found.get("Bui Thanh Son")?.type, prefix).toBe("PERSON");
    }
  });
});

describe("candidate extraction on written texts", () => {
  it("French: title as context, countries with both labels, acronyms, sentence-initial words dropped", () => {
    const text =
      "Le ministre Nguyen Minh Hang a reçu lundi à Hanoï l'ambassadeur du Japon. Selon elle, la KOICA et le WEF soutiennent le Vietnam. En janvier, la Corée du Sud a signé.";
    const found = byLabel(extractCandidates(text));
    expect(found.get("Nguyen Minh Hang")).toMatchObject({
      type: "PERSON",
      sentence: "Le ministre Nguyen Minh Hang a reçu lundi à Hanoï l'ambassadeur du Japon.",
    });
    expect(found.get("Japon")).toMatchObject({ type: "PLACE", labels: { fr: "Japon", en: "Japan" } });
    expect(found.get("Corée du Sud")).toMatchObject({ type: "PLACE", labels: { fr: "République de Corée", en: "Republic of Korea" } });
    expect(found.get("KOICA")?.type).toBe("ORGANISATION");
    expect(found.get("WEF")?.type).toBe("ORGANISATION");
    for (const noise of ["Le", "Selon", "En", "janvier", "Le ministre Nguyen Minh Hang"]) expect(found.has(noise), noise).toBe(false);
  });

  it("English: institutions keep their inner words, people lose their titles", () => {
    const text =
      "On Monday, Deputy Prime Minister Tran Hong Ha met the Ministry of Foreign Affairs of Japan and Ms. Kim Soo Jin of the ASEAN Secretariat. The United States welcomed it.";
    const found = byLabel(extractCandidates(text));
    expect(found.get("Tran Hong Ha")?.type).toBe("PERSON");
    expect(found.get("Kim Soo Jin")?.type).toBe("PERSON");
    expect(found.get("Ministry of Foreign Affairs of Japan")?.type).toBe("ORGANISATION");
    expect(found.get("ASEAN Secretariat")?.type).toBe("ORGANISATION");
    expect(found.get("Japan")?.labels).toEqual({ fr: "Japon", en: "Japan" });
    expect(found.get("ASEAN")?.type).toBe("ORGANISATION");
    expect(found.get("United States")?.labels).toEqual({ fr: "États-Unis", en: "United States" });
    for (const noise of ["On Monday", "Monday", "Deputy Prime Minister Tran Hong Ha", "The"]) expect(found.has(noise), noise).toBe(false);
  });

  it("does not take the pronoun `us` for a country, nor a lone capitalised word seen once", () => {
    const found = byLabel(extractCandidates("They told us that Davos matters. It was said."));
    expect(found.has("us")).toBe(false);
    expect(found.has("Davos")).toBe(false);
    expect(byLabel(extractCandidates("They met in Davos. Leaders returned to Davos later.")).has("Davos")).toBe(true);
  });
});
