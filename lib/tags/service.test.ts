// Integration tests of the taxonomy's writes against the real database: uniqueness, merge,
// delete, tagging, and translators kept out by the service itself.
import { beforeAll, describe, expect, it } from "vitest";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { normalizeForMatch } from "./normalize";
import { Refusal } from "@/lib/refusal";
import { createTag, deleteTag, mergeTags, tagArticles, untagArticle, updateTag, type TagActor } from "./service";
import { createActor, createArticle, tagFields, uniqueName } from "@/test/fixtures/tags";

let editor: TagActor;
let translator: TagActor;

beforeAll(async () => {
  editor = await createActor("EDITOR");
  translator = await createActor("TRANSLATOR");
});

async function refusal(work: Promise<unknown>): Promise<Refusal> {
  const error = await work.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(Refusal);
  return error as Refusal;
}

describe("tag uniqueness", () => {
  it("refuses a second tag of the same type with the same label, ignoring case, accents, spaces and look-alikes", async () => {
    const name = uniqueName();
    const { tagId } = await createTag(editor, tagFields({ type: "PERSON", labelFr: `Nguyễn Văn ${name}`, labelEn: `Nguyen Van ${name}` }));
    const labels = await db.tagLabel.findMany({ where: { tagId }, orderBy: { language: "asc" } });
    expect(labels.map((label) => [label.language, label.normalized])).toEqual([
      ["en", `nguyen van ${name.toLowerCase()}`],
      ["fr", `nguyen van ${name.toLowerCase()}`],
    ]);

    const again = await refusal(
      createTag(editor, tagFields({ type: "PERSON", labelFr: `  NGUYEN   VAN ${name.toUpperCase()} `, labelEn: `Someone ${name}` })),
    );
    expect(again).toMatchObject({ code: "tags.errors.duplicateLabel", field: "labelFr" });
    // The English label of one tag against the French label of the other.
    const crossed = await refusal(
      createTag(editor, tagFields({ type: "PERSON", labelFr: `Autre ${name}`, labelEn: `Nguyễn Văn ${name}` })),
    );
    expect(crossed.field).toBe("labelEn");
    // Cyrillic а in "Van".
    await refusal(createTag(editor, tagFields({ type: "PERSON", labelFr: `Nguyen V\u0430n ${name}`, labelEn: `x ${name}` })));
    expect(await db.tagLabel.count({ where: { normalized: `nguyen van ${name.toLowerCase()}` } })).toBe(2);

    // Same label, other type: another concept.
    await expect(
      createTag(editor, tagFields({ type: "EVENT", labelFr: `Nguyen Van ${name}`, labelEn: `Nguyen Van ${name}` })),
    ).resolves.toBeTruthy();
  });

  it("refuses renaming a tag to another's label, and keeps slugs on rename", async () => {
    const name = uniqueName();
    await createTag(editor, tagFields({ labelFr: `Premier ${name}`, labelEn: `First ${name}` }));
    const second = await createTag(editor, tagFields({ labelFr: `Second ${name}`, labelEn: `Second ${name} en` }));
    const refused = await refusal(updateTag(editor, second.tagId, tagFields({ labelFr: `premier ${name}`, labelEn: `Second ${name} en` })));
    expect(refused.code).toBe("tags.errors.duplicateLabel");

    const before = await db.tagLabel.findUniqueOrThrow({ where: { tagId_language: { tagId: second.tagId, language: "fr" } } });
    await updateTag(
      editor,
      second.tagId,
      tagFields({ labelFr: `Deuxième ${name}`, labelEn: `Second ${name} en`, aliases: [`Zweite ${name}`, `deuxieme ${name}`] }),
    );
    const after = await db.tagLabel.findUniqueOrThrow({ where: { tagId_language: { tagId: second.tagId, language: "fr" } } });
    expect(after).toMatchObject({ label: `Deuxième ${name}`, normalized: normalizeForMatch(`Deuxième ${name}`), slug: before.slug });
    // The alias equal to the label is not kept twice.
    expect((await db.tagAlias.findMany({ where: { tagId: second.tagId } })).map((alias) => alias.alias)).toEqual([`Zweite ${name}`]);
    expect(await db.auditLog.count({ where: { entityId: second.tagId, action: "tag.update" } })).toBe(1);
  });
});

describe("merge", () => {
  it("moves articles and suggestions, keeps the merged tag's labels for redirects, and refuses a merge into itself", async () => {
    const name = uniqueName();
    const duplicate = await createTag(
      editor,
      tagFields({ type: "ORGANISATION", labelFr: `Agence ${name}`, labelEn: `Agency ${name}`, aliases: [`AG ${name}`] }),
    );
    const survivor = await createTag(editor, tagFields({ type: "ORGANISATION", labelFr: `Organisme ${name}`, labelEn: `Body ${name}` }));
    const onlyDuplicate = await createArticle({ title: `A ${name}` });
    const both = await createArticle({ title: `B ${name}` });
    await tagArticles(editor, [onlyDuplicate.id, both.id], duplicate.tagId);
    await tagArticles(editor, [both.id], survivor.tagId);
    await db.tagSuggestion.create({
      data: {
        articleId: onlyDuplicate.id,
        tagId: duplicate.tagId,
        label: "x",
        normalized: `x ${name}`,
        sentence: "x",
        status: "DISMISSED",
      },
    });

    expect((await refusal(mergeTags(editor, survivor.tagId, survivor.tagId))).code).toBe("tags.errors.mergeIntoItself");

    const { articleIds } = await mergeTags(editor, duplicate.tagId, survivor.tagId);
    expect(articleIds.sort()).toEqual([onlyDuplicate.id, both.id].sort());
    expect(await db.articleTag.count({ where: { tagId: duplicate.tagId } })).toBe(0);
    expect((await db.articleTag.findMany({ where: { tagId: survivor.tagId } })).map((row) => row.articleId).sort()).toEqual(
      [onlyDuplicate.id, both.id].sort(),
    );
    expect(await db.tagSuggestion.findFirst({ where: { articleId: onlyDuplicate.id, normalized: `x ${name}` } })).toMatchObject({
      tagId: survivor.tagId,
      status: "DISMISSED",
    });

    const merged = await db.tag.findUniqueOrThrow({ where: { id: duplicate.tagId }, include: { labels: true } });
    expect(merged.mergedIntoId).toBe(survivor.tagId);
    expect(merged.labels).toHaveLength(2);
    const aliases = (await db.tagAlias.findMany({ where: { tagId: survivor.tagId } })).map((alias) => alias.alias).sort();
    expect(aliases).toEqual([`AG ${name}`, `Agence ${name}`, `Agency ${name}`].sort());
    expect(await db.auditLog.count({ where: { action: "tag.merge", entityId: duplicate.tagId, actorId: editor.id } })).toBe(1);

    // A merged tag is no longer a merge source or target, and its label is free again.
    expect((await refusal(mergeTags(editor, duplicate.tagId, survivor.tagId))).code).toBe("tags.errors.alreadyMerged");
    await expect(
      createTag(editor, tagFields({ type: "ORGANISATION", labelFr: `Agence ${name}`, labelEn: `Agency ${name}` })),
    ).resolves.toBeTruthy();
  });
});

describe("delete", () => {
  it("reassigns articles to another tag, or just removes the tag", async () => {
    const name = uniqueName();
    const doomed = await createTag(editor, tagFields({ labelFr: `Condamné ${name}`, labelEn: `Doomed ${name}` }));
    const heir = await createTag(editor, tagFields({ labelFr: `Héritier ${name}`, labelEn: `Heir ${name}` }));
    const article = await createArticle({ title: `C ${name}` });
    await tagArticles(editor, [article.id], doomed.tagId);
    await deleteTag(editor, doomed.tagId, { reassignTo: heir.tagId });
    expect(await db.tag.findUnique({ where: { id: doomed.tagId } })).toBeNull();
    expect(await db.articleTag.findMany({ where: { articleId: article.id }, select: { tagId: true } })).toEqual([{ tagId: heir.tagId }]);

    await deleteTag(editor, heir.tagId);
    expect(await db.articleTag.count({ where: { articleId: article.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "tag.delete", entityId: { in: [doomed.tagId, heir.tagId] } } })).toBe(2);
  });
});

describe("tagging articles", () => {
  it("tags many articles, refuses unknown ones, and untags", async () => {
    const name = uniqueName();
    const { tagId } = await createTag(editor, tagFields({ labelFr: `Thème ${name}`, labelEn: `Topic ${name}` }));
    const first = await createArticle({ title: `D ${name}` });
    const second = await createArticle({ title: `E ${name}` });
    await tagArticles(editor, [first.id], tagId);
    const result = await tagArticles(editor, [first.id, second.id, "no-such-article"], tagId);
    expect(result).toEqual({ tagged: [first.id, second.id], refused: ["no-such-article"] });
    expect(await db.articleTag.count({ where: { tagId } })).toBe(2);
    await untagArticle(editor, first.id, tagId);
    expect(await db.articleTag.count({ where: { tagId } })).toBe(1);
    expect((await refusal(untagArticle(editor, first.id, tagId))).code).toBe("tags.errors.notTagged");
  });
});

describe("translators", () => {
  it("may neither manage tags nor tag articles, by the permission table and in the service itself", async () => {
    expect(can("TRANSLATOR", "tag.manage")).toBe(false);
    expect(can("TRANSLATOR", "tag.assign")).toBe(false);
    const name = uniqueName();
    const { tagId } = await createTag(editor, tagFields({ labelFr: `Sujet ${name}`, labelEn: `Subject ${name}` }));
    const other = await createTag(editor, tagFields({ labelFr: `Autre sujet ${name}`, labelEn: `Other subject ${name}` }));
    const article = await createArticle({ title: `F ${name}` });
    const auditBefore = await db.auditLog.count({ where: { actorId: translator.id } });

    for (const attempt of [
      createTag(translator, tagFields({ labelFr: `Traduit ${name}`, labelEn: `Translated ${name}` })),
      updateTag(translator, tagId, tagFields({ labelFr: `Renommé ${name}`, labelEn: `Renamed ${name}` })),
      mergeTags(translator, tagId, other.tagId),
      deleteTag(translator, tagId),
      tagArticles(translator, [article.id], tagId),
      untagArticle(translator, article.id, tagId),
    ]) {
      expect((await refusal(attempt)).code).toBe("errors.forbidden");
    }
    expect(await db.tag.findUniqueOrThrow({ where: { id: tagId } })).toMatchObject({ mergedIntoId: null });
    expect(await db.tagLabel.findFirst({ where: { normalized: normalizeForMatch(`Traduit ${name}`) } })).toBeNull();
    expect(await db.articleTag.count({ where: { articleId: article.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { actorId: translator.id } })).toBe(auditBefore);
  });
});
