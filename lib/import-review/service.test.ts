// Integration tests of imports against the real database: staging, review with undo, accept in one
// transaction, duplicates, and failures that write nothing.
import { refusalTextIn } from "@/lib/i18n/refusal-text";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acceptImport, findDuplicates, importDirectly, rejectImport, reviseImport, stageImport } from "@/lib/import-review/service";
import { createUser } from "@/lib/users/service";
import { articlesTitled, wireStory } from "@/test/fixtures/import-review";

let editorId: string;
beforeAll(async () => {
  ({ id: editorId } = await createUser(
    { email: `importer-${randomUUID()}@desk.test`, name: "Importer", role: "EDITOR", password: "importer-password" },
    null,
  ));
});

describe("importDirectly (CLI and seed)", () => {
  it("creates one draft article with its version, first revision and import record", async () => {
    const story = wireStory();
    const outcome = await importDirectly(story, editorId);
    expect(outcome.status).toBe("created");
    if (outcome.status !== "created") return;
    const article = await db.article.findUniqueOrThrow({
      where: { id: outcome.articleId },
      include: { versions: { include: { revisions: true } }, imports: true },
    });
    expect(article.sourceLanguage).toBe("fr");
    const version = article.versions[0]!;
    expect(version).toMatchObject({
      language: "fr",
      status: "DRAFT",
      datelinePlace: "Hanoï",
      sourceAgency: "VNA",
      storyDate: "2024-03-12",
      storyDatePrecision: "DAY",
    });
    expect(version.bodyText).toContain("le ministre coopération");
    expect(version.bodyText).not.toContain("Voir plus");
    expect(version.revisions).toHaveLength(1);
    expect(article.imports[0]).toMatchObject({ status: "ACCEPTED", fileName: story.name });
    expect(Buffer.from(article.imports[0]!.rawBytes).equals(Buffer.from(story.bytes))).toBe(true);
  });

  it("importing the same file twice creates one article", async () => {
    const story = wireStory();
    const first = await importDirectly(story, editorId);
    const second = await importDirectly(story, editorId);
    expect(first.status).toBe("created");
    expect(second).toEqual({ status: "duplicate", articleId: first.status === "created" ? first.articleId : "" });
    expect(await articlesTitled(story.topic)).toBe(1);
  });

  it("refuses bad files with a clear message and writes nothing", async () => {
    // Counted by the refused files' names: other test files import beside this one.
    const refused = () => db.importRecord.count({ where: { fileName: { in: ["empty.txt", "photo.txt", "big.txt"] } } });
    const before = await refused();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    for (const [name, bytes] of [
      ["empty.txt", new Uint8Array()],
      ["photo.txt", png],
      ["big.txt", new Uint8Array(2 * 1024 * 1024 + 1).fill(97)],
    ] as const) {
      const outcome = await importDirectly({ name, bytes }, editorId);
      expect(outcome.status, name).toBe("failed");
      if (outcome.status === "failed") expect(refusalTextIn("en", outcome.refusal), name).toMatch(/^(The file is|This is not a text file)/);
    }
    expect(await refused()).toBe(before);
  });

  describe("a failure in the middle of writing", () => {
    beforeAll(async () => {
      await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_refuse_import() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.file_name LIKE 'explode-%' THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$`);
      await db.$executeRawUnsafe(
        `CREATE TRIGGER test_refuse_import BEFORE INSERT ON import_records FOR EACH ROW EXECUTE FUNCTION test_refuse_import()`,
      );
    });
    afterAll(async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_refuse_import ON import_records`);
      await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS test_refuse_import()`);
    });

    it("leaves no partial article", async () => {
      const story = wireStory();
      await expect(importDirectly({ ...story, name: `explode-${story.name}` }, editorId)).rejects.toThrow(/simulated crash/);
      expect(await articlesTitled(story.topic)).toBe(0);
    });
  });
});

describe("review: stage, undo, correct, accept or reject", () => {
  it("stages a file without creating an article", async () => {
    const story = wireStory();
    const staged = await stageImport(story, editorId);
    expect(staged.duplicates).toEqual([]);
    expect(await db.importRecord.findUniqueOrThrow({ where: { id: staged.recordId } })).toMatchObject({
      status: "PENDING_REVIEW",
      articleId: null,
    });
    expect(await articlesTitled(story.topic)).toBe(0);
  });

  it("undoes one cleaning change, applies corrections, and accepts into a draft", async () => {
    const story = wireStory();
    const staged = await stageImport(story, editorId);
    const glued = staged.article.changes.find((change) => change.kind === "glued-word-split");
    expect(glued?.before).toBe("leministre");
    const revised = await reviseImport(staged.recordId, [glued!.id], {
      title: "Titre corrigé par la rédaction",
      date: "2024-03-12",
      language: "fr",
    });
    expect(revised.paragraphs.join(" ")).toContain("leministre");
    const { articleId } = await acceptImport(staged.recordId, editorId);
    const version = await db.articleVersion.findFirstOrThrow({ where: { articleId } });
    expect(version).toMatchObject({
      title: "Titre corrigé par la rédaction",
      slug: expect.stringMatching(/^titre-corrige-par-la-redaction/),
      status: "DRAFT",
    });
    expect(version.bodyText).toContain("leministre");
    await expect(acceptImport(staged.recordId, editorId)).rejects.toMatchObject({ code: "errors.import.alreadyReviewed" });
    await expect(db.auditLog.count({ where: { action: "import.accept", entityId: articleId } })).resolves.toBe(1);
  });

  it("shows exact and near duplicates, and accepts one only when asked to", async () => {
    const story = wireStory();
    const first = await stageImport(story, editorId);
    const { articleId } = await acceptImport(first.recordId, editorId);

    const again = await stageImport(story, editorId);
    expect(again.duplicates[0]).toMatchObject({ articleId, exact: true, similarity: 1 });
    await expect(acceptImport(again.recordId, editorId)).rejects.toThrow("import.duplicate");
    expect(await db.importRecord.findUniqueOrThrow({ where: { id: again.recordId } })).toMatchObject({ status: "PENDING_REVIEW" });

    const edited = new TextEncoder().encode(new TextDecoder().decode(story.bytes).replace("le tourisme", "le tourisme durable"));
    const near = await findDuplicates((await stageImport({ name: "edited.txt", bytes: edited }, editorId)).article);
    expect(near[0]).toMatchObject({ articleId, exact: false });
    expect(near[0]!.similarity).toBeGreaterThanOrEqual(0.7);
    expect(near[0]!.similarity).toBeLessThan(1);

    await acceptImport(again.recordId, editorId, { allowDuplicate: true });
    expect(await articlesTitled(story.topic)).toBe(2);
  });

  it("rejects a staged file", async () => {
    const staged = await stageImport(wireStory(), editorId);
    await rejectImport(staged.recordId, editorId);
    expect(await db.importRecord.findUniqueOrThrow({ where: { id: staged.recordId } })).toMatchObject({
      status: "REJECTED",
      articleId: null,
    });
    await expect(rejectImport(staged.recordId, editorId)).rejects.toMatchObject({ code: "errors.import.alreadyReviewed" });
  });
});
