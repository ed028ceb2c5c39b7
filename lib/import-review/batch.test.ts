// The bulk import against the real database: chunks written in one transaction, duplicates within
// the batch and against earlier imports, a bad file refused alone, and failures mid-chunk that
// leave no half-written article.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importWireText } from "@/lib/import";
import { signatureBands, signatureForStorage } from "@/lib/import/fingerprint";
import { importMany } from "@/lib/import-review/batch";
import { documentFromParagraphs } from "@/lib/rich-text/document";
import { importDirectly } from "@/lib/import-review/service";
import { createUser } from "@/lib/users/service";

let editorId: string;
beforeAll(async () => {
  ({ id: editorId } = await createUser(
    { email: `bulk-${randomUUID()}@desk.test`, name: "Bulk importer", role: "EDITOR", password: "bulk-importer-password" },
    null,
  ));
});

/** A French wire story whose every sentence carries the topic, so stories share no shingles. */
function story(prefix = "bulk") {
  const topic = `t${randomUUID().replaceAll("-", "").slice(0, 10)}`;
  const sentences = [
    `Hanoï (VNA) – Le ministre des Affaires étrangères a reçu le 12 mars à Hanoï l’ambassadeur du Japon pour le dossier ${topic}.`,
    `Les deux parties ont passé en revue la mise en œuvre des accords signés ${topic} et sont convenues de promouvoir les échanges.`,
    `Le ministre a salué la contribution des entreprises japonaises ${topic} au développement socioéconomique du pays.`,
    `L’ambassadeur a affirmé que le Japon considère le Vietnam comme un partenaire important ${topic} dans la région./.`,
  ];
  const text = ` date 2024-03 Le ministre reçoit l’ambassadeur du Japon ${topic}\n\n${sentences.join("\n\n")}\n`;
  return { name: `${prefix}-${topic}.txt`, bytes: new TextEncoder().encode(text), topic };
}

const rowsFor = async (topic: string) => ({
  versions: await db.articleVersion.count({ where: { bodyText: { contains: topic } } }),
  revisions: await db.revision.count({ where: { articleVersion: { bodyText: { contains: topic } } } }),
  records: await db.importRecord.count({ where: { fileName: { contains: topic } } }),
});

describe("importMany", () => {
  it("writes a chunk in one transaction: article, version, first revision, import record and audit entry per file", async () => {
    const files = [story(), story(), story()];
    const outcomes = await importMany(files, editorId);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["created", "created", "created"]);
    const ids = outcomes.map((outcome) => (outcome.status === "created" ? outcome.articleId : ""));
    const articles = await db.article.findMany({
      where: { id: { in: ids } },
      include: { versions: { include: { revisions: true } }, imports: true },
    });
    expect(articles).toHaveLength(3);
    for (const [position, file] of files.entries()) {
      const article = articles.find((candidate) => candidate.id === ids[position])!;
      expect(article).toMatchObject({ sourceLanguage: "fr", createdById: editorId });
      expect(article.updatedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(article.versions[0]).toMatchObject({
        language: "fr",
        status: "DRAFT",
        datelinePlace: "Hanoï",
        storyDate: "2024-03-12",
        updatedById: editorId,
      });
      expect(article.versions[0]!.bodyText).toContain(file.topic);
      expect(article.versions[0]!.revisions).toMatchObject([{ number: 1, authorId: editorId, note: `Imported from ${file.name}` }]);
      expect(article.imports).toMatchObject([{ status: "ACCEPTED", fileName: file.name, importedById: editorId }]);
      expect(Buffer.from(article.imports[0]!.rawBytes).equals(Buffer.from(file.bytes))).toBe(true);
    }
    const audit = await db.auditLog.findMany({ where: { action: "import.accept", entityId: { in: ids } }, orderBy: { id: "asc" } });
    expect(audit.map(({ actorId, entityType, entityId, details, ip }) => ({ actorId, entityType, entityId, details, ip }))).toEqual(
      files.map((file, position) => ({
        actorId: editorId,
        entityType: "article",
        entityId: ids[position],
        details: { file: file.name, via: "cli" },
        ip: null,
      })),
    );
    // Stored exactly as the one-file path stores them: the pipeline's result, fingerprints, the body and its snapshot.
    const article = articles.find((candidate) => candidate.id === ids[0])!;
    const parsed = importWireText(files[0]!.bytes, { fileName: files[0]!.name });
    if (!parsed.ok) throw new Error(parsed.refusal.code);
    const { rawText: _rawText, ...result } = parsed.article;
    const record = article.imports[0]!;
    expect(record.result).toEqual(JSON.parse(JSON.stringify(result)));
    expect(record.nearDuplicateSignature).toEqual(signatureForStorage(parsed.article.nearDuplicateSignature));
    expect(record.nearDuplicateBands).toEqual(signatureBands(parsed.article.nearDuplicateSignature));
    expect(record).toMatchObject({ byteSize: files[0]!.bytes.byteLength, reviewedById: editorId, contentHash: parsed.article.hash });
    const version = article.versions[0]!;
    const withoutBlockIds = (value: unknown) => JSON.parse(JSON.stringify(value, (key, field) => (key === "blockId" ? undefined : field)));
    expect(withoutBlockIds(version.bodyJson)).toEqual(
      withoutBlockIds(documentFromParagraphs(parsed.article.paragraphs, parsed.article.captions)),
    );
    const { id: _id, articleId: _articleId, revisions, createdAt: _created, updatedAt: _updated, ...stored } = version;
    expect(revisions[0]!.snapshot).toEqual(
      Object.fromEntries(
        ["title", "slug", "standfirst", "datelinePlace", "sourceAgency", "storyDate", "storyDatePrecision", "bodyJson", "bodyText"].map(
          (key) => [key, stored[key as keyof typeof stored]],
        ),
      ),
    );
    // One transaction for the chunk (not the file-by-file fallback): the rows share their xmin.
    const [row] = await db.$queryRaw<
      { transactions: bigint }[]
    >`SELECT count(DISTINCT xmin::text) AS transactions FROM import_records WHERE article_id = ANY(${ids}::text[])`;
    expect(Number(row?.transactions)).toBe(1);
  });

  it("gives stories with the same title distinct slugs, after the ones already taken", async () => {
    const first = story();
    const same = (file: ReturnType<typeof story>) => ({
      ...file,
      bytes: new TextEncoder().encode(
        new TextDecoder()
          .decode(file.bytes)
          .replace(` date 2024-03 Le ministre reçoit l’ambassadeur du Japon ${file.topic}`, ` date 2024-03 Titre partagé ${first.topic}`),
      ),
    });
    const single = await importDirectly(same(first), editorId);
    const outcomes = await importMany([same(story()), same(story())], editorId);
    const ids = [single, ...outcomes].map((outcome) => (outcome.status === "created" ? outcome.articleId : ""));
    const slugs = (await db.articleVersion.findMany({ where: { articleId: { in: ids } }, select: { articleId: true, slug: true } }))
      .sort((a, b) => ids.indexOf(a.articleId) - ids.indexOf(b.articleId))
      .map((version) => version.slug);
    const base = `titre-partage-${first.topic}`;
    expect(slugs).toEqual([base, `${base}-2`, `${base}-3`]);
  });

  it("skips exact duplicates: of an earlier import, and of a file earlier in the same batch", async () => {
    const earlier = story();
    const before = await importDirectly(earlier, editorId);
    const fresh = story();
    const outcomes = await importMany(
      [fresh, { ...earlier, name: "again.txt" }, { ...fresh, name: `copy-${fresh.name}` }, story()],
      editorId,
    );
    expect(outcomes[0]!.status).toBe("created");
    expect(outcomes[1]).toEqual({ status: "duplicate", articleId: before.status === "created" ? before.articleId : "" });
    expect(outcomes[2]).toEqual({ status: "duplicate", articleId: outcomes[0]!.status === "created" ? outcomes[0]!.articleId : "" });
    expect(outcomes[3]!.status).toBe("created");
    expect((await rowsFor(fresh.topic)).versions).toBe(1);
    expect((await rowsFor(earlier.topic)).versions).toBe(1);
  });

  it("keeps the first of two copies in different chunks", async () => {
    const files = Array.from({ length: 7 }, () => story());
    const copy = { ...files[1]!, name: `copy-${files[1]!.name}` };
    const outcomes = await importMany([...files.slice(0, 3), copy, ...files.slice(3)], editorId, { chunkSize: 2 });
    const first = outcomes[1]!;
    expect(first.status).toBe("created");
    expect(outcomes[3]).toEqual({ status: "duplicate", articleId: first.status === "created" ? first.articleId : "" });
    expect(outcomes.filter((outcome) => outcome.status === "created")).toHaveLength(7);
    expect((await rowsFor(files[1]!.topic)).versions).toBe(1);
  });

  it("refuses a bad file in the middle of a batch on its own, and imports the others", async () => {
    const [first, last] = [story(), story()];
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const outcomes = await importMany(
      [first, { name: "photo.txt", bytes: png }, { name: "empty.txt", bytes: new Uint8Array() }, last],
      editorId,
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["created", "failed", "failed", "created"]);
    expect(outcomes[1]).toMatchObject({ refusal: { code: "import.refused.binary", params: { format: "PNG" } } });
    expect(outcomes[2]).toMatchObject({ refusal: { code: "import.refused.empty" } });
    expect(await db.importRecord.count({ where: { fileName: { in: ["photo.txt", "empty.txt"] }, importedById: editorId } })).toBe(0);
  });

  it("reports outcomes in the files' order, chunk by chunk", async () => {
    const files = Array.from({ length: 7 }, () => story());
    const seen: number[] = [];
    const outcomes = await importMany(files, editorId, { chunkSize: 3, onOutcome: (index) => seen.push(index) });
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(outcomes.every((outcome) => outcome.status === "created")).toBe(true);
  });

  describe("a failure while a chunk is written", () => {
    beforeAll(async () => {
      // A file refused by the database on its import record, after its article, version and revision rows were inserted.
      await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_refuse_bulk_record() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.file_name LIKE 'refused-bulk-%' THEN RAISE EXCEPTION 'simulated bad row'; END IF; RETURN NEW; END $$`);
      await db.$executeRawUnsafe(
        `CREATE TRIGGER test_refuse_bulk_record BEFORE INSERT ON import_records FOR EACH ROW EXECUTE FUNCTION test_refuse_bulk_record()`,
      );
      // A crash at the chunk's very last statement (its audit entries), every other row already written.
      await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_crash_bulk_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.details->>'file' LIKE 'crash-bulk-%' THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$`);
      await db.$executeRawUnsafe(
        `CREATE TRIGGER test_crash_bulk_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_crash_bulk_audit()`,
      );
    });
    afterAll(async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_refuse_bulk_record ON import_records`);
      await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS test_refuse_bulk_record()`);
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_crash_bulk_audit ON audit_log`);
      await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS test_crash_bulk_audit()`);
    });

    it("refuses only the file the database refused; the rest of its chunk is imported", async () => {
      const files = [story(), story("refused-bulk"), story()];
      const outcomes = await importMany(files, editorId);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(["created", "failed", "created"]);
      expect(outcomes[1]).toMatchObject({
        refusal: { code: "import.refused.notSaved", params: { cause: expect.stringMatching(/simulated bad row/) } },
      });
      expect(await rowsFor(files[1]!.topic)).toEqual({ versions: 0, revisions: 0, records: 0 });
      expect((await rowsFor(files[0]!.topic)).versions).toBe(1);
      expect((await rowsFor(files[2]!.topic)).versions).toBe(1);
    });

    it("leaves no half-written article when the chunk fails at its last statement", async () => {
      const articlesBefore = await db.article.count();
      const crashing = [story("crash-bulk"), story("crash-bulk")];
      const outcomes = await importMany([crashing[0]!, story(), crashing[1]!], editorId);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(["failed", "created", "failed"]);
      for (const file of crashing) expect(await rowsFor(file.topic)).toEqual({ versions: 0, revisions: 0, records: 0 });
      // Other test files import in parallel: at least ours, and never the two refused ones' articles without a version.
      expect(await db.article.count()).toBeGreaterThan(articlesBefore);
      expect(await db.article.count({ where: { versions: { none: {} } } })).toBe(0);
    });
  });
});
