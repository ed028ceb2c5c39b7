// Boilerplate learnt from the desk's own imports, against the real database: a line four files of
// one source print is removed from the fourth (and from the earlier ones when reviewed again) as a
// recorded change; restored once, it is never removed again for that source; the story's own
// lines (a quotation) never are.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importMany } from "@/lib/import-review/batch";
import { getImportForReview } from "@/lib/import-review/queries";
import { reviseImport, stageImport } from "@/lib/import-review/service";
import { countFileLines, countFilesLines } from "@/lib/import-review/boilerplate";
import { createUser } from "@/lib/users/service";

let editorId: string;
beforeAll(async () => {
  ({ id: editorId } = await createUser(
    { email: `boilerplate-${randomUUID()}@desk.test`, name: "Learner", role: "EDITOR", password: "learner-password" },
    null,
  ));
});
afterAll(async () => {
  const shared = globalThis as { importParsePool?: { close(): Promise<void> } };
  await shared.importParsePool?.close();
  delete shared.importParsePool;
});

/** A story of its own (no duplicate of another) from one source, with the lines its pages share. */
function page(agency: string, shared: string[]) {
  const topic = randomUUID().slice(0, 8);
  const text = [
    `Le Vietnam et le Laos approfondissent leur partenariat pour le dossier ${topic}`,
    `Vientiane (${agency}) – Les deux délégations se sont réunies mardi à Vientiane pour examiner le dossier ${topic} et les projets communs.`,
    `Les responsables ont passé en revue la coopération dans l’éducation, la santé et les transports pour ${topic}.`,
    `Ils sont convenus de renforcer les échanges entre les provinces frontalières du dossier ${topic}.`,
    ...shared,
  ].join("\n");
  return { name: `page-${topic}.txt`, bytes: new TextEncoder().encode(`${text}\n`) };
}

const removals = (changes: { kind: string; before: string; files?: number }[]) =>
  changes.filter((change) => change.kind === "boilerplate-learnt").map(({ before, files }) => ({ before, files }));

describe("boilerplate learnt per source", () => {
  it("removes a line from the fourth file of a source that prints it, and from the earlier ones on review", async () => {
    const agency = "Xinhua";
    const footer = `Suivez l’actualité de la rédaction ${randomUUID().slice(0, 6)} sur nos réseaux sociaux chaque jour`;
    const quotation = `« Nous resterons des partenaires fidèles pour toujours ${randomUUID().slice(0, 6)} », a répété le ministre.`;
    const staged = [];
    for (let n = 0; n < 4; n++) staged.push(await stageImport(page(agency, [quotation, footer]), editorId));
    expect(staged.slice(0, 3).map((file) => removals(file.article.changes))).toEqual([[], [], []]);
    expect(removals(staged[3]!.article.changes)).toEqual([{ before: footer, files: 4 }]);
    expect(staged[3]!.article.paragraphs).not.toContain(footer);
    // A quotation is the story's, however often it is printed.
    expect(staged[3]!.article.paragraphs).toContain(quotation);

    // The first file, reviewed again, loses it too, and the review lists the change to undo.
    const revised = await reviseImport(staged[0]!.recordId, [], {});
    expect(removals(revised.changes)).toEqual([{ before: footer, files: 4 }]);
    const review = await getImportForReview(staged[0]!.recordId);
    const learnt = review!.allChanges.find((change) => change.kind === "boilerplate-learnt");
    expect(learnt).toMatchObject({ before: footer, files: 4 });

    // Restored by the editor: kept in that file, and never removed again for the source.
    const restored = await reviseImport(staged[0]!.recordId, [learnt!.id], {});
    expect(restored.paragraphs).toContain(footer);
    const fifth = await stageImport(page(agency, [quotation, footer]), editorId);
    expect(removals(fifth.article.changes)).toEqual([]);
    expect(fifth.article.paragraphs).toContain(footer);
    const again = await reviseImport(staged[1]!.recordId, [], {});
    expect(again.paragraphs).toContain(footer);
    // Eight uploads and four reviews through the worker pool, whose start is in the first.
  }, 90_000);

  it("counts each source apart, and a file sent twice once", async () => {
    const footer = `Retrouvez toutes nos dépêches ${randomUUID().slice(0, 6)} dans la rubrique Monde du site`;
    const same = page("Kyodo", [footer]);
    for (let n = 0; n < 4; n++) await stageImport({ ...same, name: `${n}-${same.name}` }, editorId);
    for (let n = 0; n < 2; n++) await stageImport(page("Yonhap", [footer]), editorId);
    const kyodo = await stageImport(page("Kyodo", [footer]), editorId);
    const yonhap = await stageImport(page("Yonhap", [footer]), editorId);
    expect(removals(kyodo.article.changes)).toEqual([]);
    expect(removals(yonhap.article.changes)).toEqual([]);
    const counted = await db.importBoilerplateFile.count({ where: { sourceKey: { in: ["agency:Kyodo", "agency:Yonhap"] } } });
    expect(counted).toBeGreaterThanOrEqual(5);
  });
});

describe("the CLI's batch", () => {
  it("learns as files are imported: per agency in the database, and the batch's own counts for files naming none", async () => {
    const footer = `Toutes les dépêches de la semaine ${randomUUID().slice(0, 6)} dans notre lettre d’information`;
    const unsourced = () => {
      const { name, bytes } = page("Bernama", [footer]);
      return { name, bytes: new TextEncoder().encode(new TextDecoder().decode(bytes).replace(" (Bernama) –", ",")) };
    };
    const files = [page("Bernama", [footer]), page("Bernama", [footer]), page("Bernama", [footer]), page("Bernama", [footer])];
    const unsourcedFiles = [unsourced(), unsourced(), unsourced(), unsourced()];
    const outcomes = await importMany([...files, ...unsourcedFiles], editorId);
    const bodies = await Promise.all(
      outcomes.map(async (outcome) => {
        if (outcome.status !== "created") throw new Error(JSON.stringify(outcome));
        const version = await db.articleVersion.findFirstOrThrow({ where: { articleId: outcome.articleId }, select: { bodyText: true } });
        return version.bodyText.includes(footer);
      }),
    );
    expect(bodies).toEqual([true, true, true, false, true, true, true, false]);
  }, 60_000);
});

describe("countFilesLines", () => {
  it("counts a chunk in one statement exactly as file after file: repeats, copies, sources apart, kept lines", async () => {
    const run = randomUUID().slice(0, 8);
    // The same files for two pairs of sources, one counted file by file, the other in one statement.
    const chunk = (prefix: string) => {
      const [a, b] = [`${prefix}-a-${run}`, `${prefix}-b-${run}`];
      const file = (source: string, text: string, keys: string[]) => ({ source, text, keys });
      return [
        file(a, "one", ["menu", "footer", "k1"]),
        file(a, "two", ["menu", "footer", "k2"]),
        file(b, "one", ["menu", "k1"]),
        file(a, "one", ["menu", "footer", "k1"]), // a copy: not counted again
        file(a, "three", ["menu", "footer", "restored"]),
        file(a, "four", []),
        file(a, "five", ["menu", "restored", "k5"]),
        file(b, "six", ["menu", "k6"]),
      ];
    };
    const [oneByOne, together] = [chunk(`seq`), chunk(`one`)];
    // Counted before the chunk: a line restored by an editor, and one file already seen.
    for (const files of [oneByOne, together]) {
      await db.importBoilerplateLine.create({ data: { sourceKey: files[0]!.source, lineHash: "restored", fileCount: 0, kept: true } });
      await countFileLines(files[1]!.source, "two", db, ["menu", "footer", "k2"]);
    }
    const sequential = [];
    for (const file of oneByOne) sequential.push(await countFileLines(file.source, file.text, db, file.keys));
    const chunked = await countFilesLines(together);
    const sorted = (counts: { key: string }[][]) => counts.map((file) => [...file].sort((x, y) => x.key.localeCompare(y.key)));
    expect(sorted(chunked)).toEqual(sorted(sequential));
    const count = (key: string, files: number, kept = false) => ({ key, files, kept });
    expect(sorted(chunked)).toEqual([
      [count("footer", 2), count("k1", 1), count("menu", 2)],
      [count("footer", 2), count("k2", 1), count("menu", 2)], // counted before the chunk
      [count("k1", 1), count("menu", 1)], // another source
      [count("footer", 2), count("k1", 1), count("menu", 2)], // a copy of the first
      [count("footer", 3), count("menu", 3), count("restored", 1, true)],
      [],
      [count("k5", 1), count("menu", 4), count("restored", 2, true)],
      [count("k6", 1), count("menu", 2)],
    ]);
    // And the table ends the same.
    const table = async (files: { source: string }[]) =>
      (
        await db.importBoilerplateLine.findMany({
          where: { sourceKey: { in: [files[0]!.source, files[2]!.source] } },
          select: { lineHash: true, fileCount: true, kept: true },
          orderBy: [{ sourceKey: "asc" }, { lineHash: "asc" }],
        })
      ).map(({ lineHash, fileCount, kept }) => [lineHash, fileCount, kept]);
    expect(await table(together)).toEqual(await table(oneByOne));
  });
});
