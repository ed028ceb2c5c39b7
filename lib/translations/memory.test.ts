// The translation-memory lookup against the real database: among many near duplicates it still
// returns exact matches at 100 % (newest first) before the nearest ones, keeps the 60 % floor, and
// runs as a nearest-first scan of the GiST trigram index. Rows carry a word unique to each test.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { lookupMemory, MEMORY_INDEX, MEMORY_LOOKUP_SETTINGS, memoryLookupSql } from "./memory";
import { foldForMatching } from "./text";

const word = () => `tm${randomUUID().replace(/-/g, "").slice(0, 10)}`;
const segment = (source: string, target: string, createdAt = new Date()) => ({
  sourceLanguage: "fr",
  targetLanguage: "en",
  sourceText: source,
  targetText: target,
  sourceNormalized: foldForMatching(source),
  createdAt,
});

describe("translation memory lookup", () => {
  it("puts the newest exact matches first at 100 %, among many near duplicates, and keeps the 60 % floor", async () => {
    const tag = word();
    const sentence = `Le ministre ${tag} a reçu l'ambassadeur du Japon à Hanoï pour parler de coopération.`;
    const nearDuplicates = Array.from({ length: 300 }, (_, n) =>
      segment(`Le ministre ${tag} a reçu l'ambassadeur du Japon à Hanoï pour parler de coopération ${n}.`, `near ${n}`),
    );
    // Twenty translations of the very same sentence, the newest last: more ties at distance 0 than the scan keeps.
    const exact = Array.from({ length: 20 }, (_, n) => segment(sentence, `exact ${n}`, new Date(Date.UTC(2026, 0, 1 + n))));
    const distant = segment(`Le ministre ${tag} est parti.`, "distant");
    await db.translationSegment.createMany({ data: [...nearDuplicates, ...exact, distant] });

    const [found] = await lookupMemory("fr", "en", [sentence]);
    expect(found!.map((suggestion) => [suggestion.targetText, suggestion.percent])).toEqual([
      ["exact 19", 100],
      ["exact 18", 100],
      ["exact 17", 100],
    ]);

    const [near] = await lookupMemory("fr", "en", [sentence.replace("coopération", "commerce")], 5);
    expect(near).toHaveLength(5);
    expect(near!.every((suggestion) => suggestion.percent >= 60 && suggestion.percent < 100)).toBe(true);
    expect(near!.map((suggestion) => suggestion.percent)).toEqual([...near!.map((suggestion) => suggestion.percent)].sort((a, b) => b - a));

    // 57 % like "distant", less like the others: nothing reaches the floor, though the nearest rows exist.
    expect((await lookupMemory("fr", "en", [`Le ministre ${tag} est arrivé hier soir à Paris.`]))[0]).toEqual([]);
    expect((await lookupMemory("en", "fr", [sentence]))[0]).toEqual([]);
    await db.translationSegment.deleteMany({ where: { sourceNormalized: { contains: tag } } });
  });

  it("walks the GiST trigram index nearest first, on a few thousand rows (EXPLAIN of the app's statement)", async () => {
    const tag = word();
    const rows = Array.from({ length: 8000 }, (_, index) => {
      const words = Array.from({ length: 8 }, () => randomUUID().slice(0, 6 + (index % 4)));
      return segment(`${words.join(" ")} ${tag} ${index}`, `t${index}`);
    });
    await db.translationSegment.createMany({ data: rows });
    await db.$executeRawUnsafe("VACUUM ANALYZE translation_segments");
    const probe = rows[1234]!.sourceNormalized.replace(/ \S+ /, " changed ");
    const statement = memoryLookupSql("fr", "en", [probe]);
    const plan = await db.$transaction(async (tx) => {
      for (const setting of MEMORY_LOOKUP_SETTINGS) await tx.$executeRawUnsafe(setting);
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ANALYZE ${statement.text}`, ...statement.values);
    });
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain(`Index Scan using ${MEMORY_INDEX} on translation_segments`);
    expect(text).toMatch(/Order By: \(source_normalized <-> q\.sentence\)/);
    expect(text).not.toMatch(/Seq Scan on translation_segments/);
    await db.translationSegment.deleteMany({ where: { sourceNormalized: { contains: tag } } });
  });
});
