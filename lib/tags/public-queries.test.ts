// The public tag page's routing (resolveTagSlug): a tag's slug shows it, a merged tag's old slug redirects (308) to
// the survivor's slug in the same language, an unknown slug is a 404; only published articles listed.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listPublishedArticlesForTag, resolveTagSlug } from "./public-queries";
import { createTag, mergeTags, tagArticles, type TagActor } from "./service";
import { createActor, createArticle, tagFields, uniqueName } from "@/test/fixtures/tags";

let editor: TagActor;
beforeAll(async () => {
  editor = await createActor("EDITOR");
});

const slugOf = async (tagId: string, language: string) =>
  (await db.tagLabel.findUniqueOrThrow({ where: { tagId_language: { tagId, language } } })).slug;

describe("tag page", () => {
  it("shows a tag, redirects a merged tag's slugs in each language, and 404s unknown slugs", async () => {
    const name = uniqueName();
    const old = await createTag(editor, tagFields({ type: "PLACE", labelFr: `Corée ${name}`, labelEn: `Korea ${name}` }));
    const survivor = await createTag(
      editor,
      tagFields({ type: "PLACE", labelFr: `République ${name}`, labelEn: `Republic ${name}`, descriptionFr: "Un pays." }),
    );
    // A tag answers only once it leads to a published story.
    const story = await createArticle({ title: `Publié ${name}`, status: "PUBLISHED" });
    await tagArticles(editor, [story.id], old.tagId);
    const oldFr = await slugOf(old.tagId, "fr");
    const oldEn = await slugOf(old.tagId, "en");

    expect(await resolveTagSlug("fr", oldFr)).toMatchObject({ kind: "tag", tag: { id: old.tagId, label: `Corée ${name}` } });
    await mergeTags(editor, old.tagId, survivor.tagId);

    const survivorFr = await slugOf(survivor.tagId, "fr");
    const survivorEn = await slugOf(survivor.tagId, "en");
    expect(await resolveTagSlug("fr", oldFr)).toEqual({ kind: "redirect", slug: survivorFr });
    expect(await resolveTagSlug("en", oldEn)).toEqual({ kind: "redirect", slug: survivorEn });
    expect(await resolveTagSlug("fr", survivorFr)).toMatchObject({
      kind: "tag",
      tag: { id: survivor.tagId, label: `République ${name}`, description: "Un pays." },
    });
    // A slug of the other language leads to this language's slug.
    expect(await resolveTagSlug("fr", survivorEn)).toEqual({ kind: "redirect", slug: survivorFr });

    expect(await resolveTagSlug("fr", `no-such-tag-${name.toLowerCase()}`)).toEqual({ kind: "missing" });
  });

  it("answers 404 for a tag none of whose stories is published in the page's language", async () => {
    const name = uniqueName();
    const { tagId } = await createTag(editor, tagFields({ labelFr: `Vide ${name}`, labelEn: `Empty ${name}` }));
    const fr = await slugOf(tagId, "fr");
    expect(await resolveTagSlug("fr", fr)).toEqual({ kind: "missing" });

    const draft = await createArticle({ title: `Brouillon ${name}` });
    const english = await createArticle({ language: "en", title: `Published ${name}`, status: "PUBLISHED" });
    await tagArticles(editor, [draft.id, english.id], tagId);
    expect(await resolveTagSlug("fr", fr)).toEqual({ kind: "missing" });
    expect(await resolveTagSlug("en", await slugOf(tagId, "en"))).toMatchObject({ kind: "tag", tag: { id: tagId } });

    await db.articleVersion.updateMany({ where: { articleId: draft.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    expect(await resolveTagSlug("fr", fr)).toMatchObject({ kind: "tag", tag: { id: tagId } });
  });

  it("lists only the tag's published articles in the page's language", async () => {
    const name = uniqueName();
    const { tagId } = await createTag(editor, tagFields({ labelFr: `Liste ${name}`, labelEn: `List ${name}` }));
    const published = await createArticle({ title: `Publié ${name}`, status: "PUBLISHED" });
    const draft = await createArticle({ title: `Brouillon ${name}` });
    const english = await createArticle({ language: "en", title: `Published ${name}`, status: "PUBLISHED" });
    const future = await createArticle({ title: `Futur ${name}`, status: "PUBLISHED" });
    await db.articleVersion.updateMany({ where: { articleId: future.id }, data: { publishedAt: new Date(Date.now() + 3_600_000) } });
    await tagArticles(editor, [published.id, draft.id, english.id, future.id], tagId);

    const fr = await listPublishedArticlesForTag(tagId, "fr");
    expect(fr.articles.map((article) => article.title)).toEqual([`Publié ${name}`]);
    const en = await listPublishedArticlesForTag(tagId, "en");
    expect(en.articles.map((article) => article.title)).toEqual([`Published ${name}`]);
  });
});
