// Integration tests of suggestions: known tags found through aliases, new candidates, and an
// editor's decisions holding across rescans.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Refusal } from "@/lib/refusal";
import { acceptSuggestion, createTag, dismissSuggestion, tagArticles, type TagActor } from "./service";
import { suggestTagsForArticle } from "./suggest";
import { createActor, createArticle, tagFields, uniqueName } from "@/test/fixtures/tags";

let editor: TagActor;
let translator: TagActor;

beforeAll(async () => {
  editor = await createActor("EDITOR");
  translator = await createActor("TRANSLATOR");
});

const pending = (articleId: string) => db.tagSuggestion.findMany({ where: { articleId, status: "PENDING" }, orderBy: { label: "asc" } });

describe("suggestTagsForArticle", () => {
  it("proposes known tags through an alias without diacritics, and new candidates with their sentence", async () => {
    const person = uniqueName("Tr");
    const acronym = uniqueName("QX").toUpperCase();
    const { tagId } = await createTag(
      editor,
      tagFields({
        type: "PERSON",
        labelFr: `Trần Văn ${person}`,
        labelEn: `Tran Van ${person}`,
        aliases: [`le ministre Tran Van ${person}`],
      }),
    );
    const article = await createArticle({
      title: `Visite du ministre`,
      body: `Hanoï (VNA) – Le ministre Tran Van ${person} a reçu mardi une délégation. Les deux parties ont salué le rôle de ${acronym} dans la coopération.`,
    });
    expect((await suggestTagsForArticle(article.id)).created).toBeGreaterThanOrEqual(2);
    const suggestions = await pending(article.id);
    const known = suggestions.find((suggestion) => suggestion.tagId === tagId);
    expect(known).toMatchObject({
      label: `Trần Văn ${person}`,
      type: "PERSON",
      sentence: `Hanoï (VNA) – Le ministre Tran Van ${person} a reçu mardi une délégation.`,
    });
    const candidate = suggestions.find((suggestion) => suggestion.label === acronym);
    expect(candidate).toMatchObject({
      tagId: null,
      type: "ORGANISATION",
      sentence: `Les deux parties ont salué le rôle de ${acronym} dans la coopération.`,
    });
    // The known person is not proposed a second time as a new name.
    expect(suggestions.filter((suggestion) => suggestion.normalized.includes(person.toLowerCase()))).toHaveLength(1);
    // Nothing is tagged without a yes.
    expect(await db.articleTag.count({ where: { articleId: article.id } })).toBe(0);
  });

  it("never proposes again what an editor dismissed, accepted, or what the article already has", async () => {
    const name = uniqueName();
    const acronym = uniqueName("QW").toUpperCase();
    const other = uniqueName("QV").toUpperCase();
    const { tagId } = await createTag(editor, tagFields({ labelFr: `Sommet ${name}`, labelEn: `Summit ${name}` }));
    const tagged = await createTag(editor, tagFields({ labelFr: `Forum ${name}`, labelEn: `Forum ${name} en` }));
    const article = await createArticle({
      language: "en",
      title: `Summit ${name} opens`,
      body: `Delegates of ${acronym} and ${other} met at the Forum ${name}. The Summit ${name} closed.`,
    });
    await tagArticles(editor, [article.id], tagged.tagId);

    await suggestTagsForArticle(article.id);
    const first = await pending(article.id);
    expect(first.some((suggestion) => suggestion.tagId === tagged.tagId)).toBe(false);
    const known = first.find((suggestion) => suggestion.tagId === tagId)!;
    const dismissed = first.find((suggestion) => suggestion.label === acronym)!;
    const accepted = first.find((suggestion) => suggestion.label === other)!;
    expect(known && dismissed && accepted).toBeTruthy();

    await dismissSuggestion(editor, known.id);
    await dismissSuggestion(editor, dismissed.id);
    const outcome = await acceptSuggestion(editor, accepted.id, { labelEn: other, labelFr: other });
    expect(outcome.created).toBe(true);
    expect(await db.tag.findUniqueOrThrow({ where: { id: outcome.tagId }, select: { type: true } })).toEqual({ type: "ORGANISATION" });
    expect(await db.articleTag.findUnique({ where: { articleId_tagId: { articleId: article.id, tagId: outcome.tagId } } })).toBeTruthy();

    // Rescans (after an edit of the text, say) leave every decision as it was.
    const before = await db.tagSuggestion.count({ where: { articleId: article.id } });
    expect((await suggestTagsForArticle(article.id)).created).toBe(0);
    await db.articleVersion.updateMany({
      where: { articleId: article.id },
      data: { bodyText: `${acronym} again, ${other} again, and the SUMMIT ${name.toUpperCase()}.` },
    });
    expect((await suggestTagsForArticle(article.id)).created).toBe(0);
    expect(await db.tagSuggestion.count({ where: { articleId: article.id } })).toBe(before);
    expect(await db.tagSuggestion.findUniqueOrThrow({ where: { id: known.id } })).toMatchObject({
      status: "DISMISSED",
      decidedById: editor.id,
    });
    expect(await db.tagSuggestion.findUniqueOrThrow({ where: { id: dismissed.id } })).toMatchObject({ status: "DISMISSED" });
    expect(await db.articleTag.count({ where: { articleId: article.id, tagId } })).toBe(0);

    // A decided suggestion cannot be decided again.
    await expect(dismissSuggestion(editor, accepted.id)).rejects.toMatchObject({ code: "tags.errors.alreadyDecided" });
  });

  it("links an accepted new name to the tag that already carries it instead of creating a twin", async () => {
    const name = uniqueName("QU").toUpperCase();
    const article = await createArticle({ title: `Note`, body: `Un accord avec ${name} a été signé. Le ${name} a salué l'accord.` });
    await suggestTagsForArticle(article.id);
    const suggestion = (await pending(article.id)).find((row) => row.label === name)!;
    // Meanwhile someone created the tag by hand.
    const existing = await createTag(editor, tagFields({ type: "ORGANISATION", labelFr: name, labelEn: name }));
    const outcome = await acceptSuggestion(editor, suggestion.id);
    expect(outcome).toEqual({ tagId: existing.tagId, created: false });
  });

  it("refuses a translator's decisions", async () => {
    const name = uniqueName("QT").toUpperCase();
    const article = await createArticle({ title: `Note`, body: `Un accord avec ${name} a été signé.` });
    await suggestTagsForArticle(article.id);
    const suggestion = (await pending(article.id)).find((row) => row.label === name)!;
    await expect(acceptSuggestion(translator, suggestion.id)).rejects.toBeInstanceOf(Refusal);
    await expect(dismissSuggestion(translator, suggestion.id)).rejects.toMatchObject({ code: "errors.forbidden" });
    expect(await db.tagSuggestion.findUniqueOrThrow({ where: { id: suggestion.id } })).toMatchObject({ status: "PENDING" });
  });
});
