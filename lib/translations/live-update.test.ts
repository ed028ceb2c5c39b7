// Integration tests (real PostgreSQL) of updating a published translation while it stays live:
// the live text stays public and stale while the update is a draft and in review; publishing the
// update, approved by another person, replaces it and only then clears the staleness mark.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { getPublishedArticle } from "@/lib/public/queries";
import { transitionVersion } from "@/lib/workflow/service";
import { inlineFromText } from "./inline";
import { saveTranslationUpdate, startTranslationUpdate, transitionTranslationUpdate } from "./live-update";
import { getTranslationWorkspace } from "./queries";
import { claimTranslation, saveTranslation, submitTranslation } from "./service";
import { alignVersions } from "./staleness";

const word = () => randomUUID().replace(/-/g, "").slice(0, 10);

async function makeUser(role: Role) {
  const tag = `${role.toLowerCase()}${word()}`;
  return db.user.create({
    data: { email: `${tag}@desk.test`, name: `T ${tag}`, role, passwordHash: "x" },
    select: { id: true, role: true },
  });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error && "code" in error) return String(error.code);
    throw error;
  }
  return "accepted";
}

const edits = (entries: [string, string][]) => ({
  contents: new Map(entries.map(([id, text]) => [id, inlineFromText(text)])),
  confirmed: new Set<string>(),
  keepOrphans: new Set<string>(),
});

/** A French story with a published English translation made by `translator`, reviewed by `editor`. */
async function publishedTranslation(translator: { id: string; role: Role }, editor: { id: string; role: Role }) {
  const tag = word();
  const blocks = [`${tag}a`, `${tag}b`];
  const paragraph = (blockId: string, text: string) => ({ type: "paragraph", attrs: { blockId }, content: [{ type: "text", text }] });
  const article = await db.article.create({
    data: {
      sourceLanguage: "fr",
      versions: {
        create: {
          language: "fr",
          title: `Article ${tag}`,
          slug: `article-${tag}`,
          status: "PUBLISHED",
          publishedAt: new Date(Date.now() - 60_000),
          firstPublishedAt: new Date(Date.now() - 60_000),
          bodyJson: { type: "doc", content: [paragraph(blocks[0]!, "Premier paragraphe."), paragraph(blocks[1]!, "Second paragraphe.")] },
          bodyText: "Premier paragraphe.\nSecond paragraphe.",
        },
      },
    },
    select: { id: true, versions: { select: { id: true } } },
  });
  const versionId = await claimTranslation(article.id, "en", translator);
  await saveTranslation(
    {
      versionId,
      version: 1,
      title: `Story ${tag}`,
      standfirst: null,
      seoDescription: null,
      edits: edits([
        [blocks[0]!, "First paragraph."],
        [blocks[1]!, "Second paragraph."],
      ]),
    },
    translator,
  );
  await submitTranslation(versionId, 2, translator);
  await transitionVersion(editor, { versionId, version: 3, transition: "approve" });
  await transitionVersion(editor, { versionId, version: 4, transition: "publish" }, new Date(Date.now() - 1000));
  return { articleId: article.id, sourceVersionId: article.versions[0]!.id, versionId, blocks };
}

async function changeSourceParagraph(sourceVersionId: string, blockId: string, text: string) {
  const source = await db.articleVersion.findUniqueOrThrow({ where: { id: sourceVersionId }, select: { bodyJson: true } });
  const body = source.bodyJson as { content: { attrs: { blockId: string }; content: unknown[] }[] };
  const content = body.content.map((block) => (block.attrs.blockId === blockId ? { ...block, content: [{ type: "text", text }] } : block));
  await db.articleVersion.update({
    where: { id: sourceVersionId },
    data: { bodyJson: { ...body, content } as object, version: { increment: 1 } },
  });
}

async function liveState(articleId: string, versionId: string, sourceVersionId: string) {
  const [live, source, reader] = await Promise.all([
    db.articleVersion.findUniqueOrThrow({ where: { id: versionId }, select: { status: true, bodyText: true, bodyJson: true } }),
    db.articleVersion.findUniqueOrThrow({ where: { id: sourceVersionId }, select: { bodyJson: true } }),
    getPublishedArticle("en", articleId),
  ]);
  const states = alignVersions(source.bodyJson, live.bodyJson).rows.map((row) => row.state);
  return { status: live.status, publicText: reader?.bodyText ?? null, states };
}

describe("updating a published translation while it stays live", () => {
  it("keeps the live text public and stale through draft and review; publishing the approved update replaces it and clears the mark", async () => {
    const [translator, editor, otherTranslator] = await Promise.all([makeUser("TRANSLATOR"), makeUser("EDITOR"), makeUser("TRANSLATOR")]);
    const story = await publishedTranslation(translator, editor);
    await changeSourceParagraph(story.sourceVersionId, story.blocks[1]!, "Second paragraphe, corrigé.");
    const before = await liveState(story.articleId, story.versionId, story.sourceVersionId);
    expect(before).toEqual({ status: "PUBLISHED", publicText: "First paragraph.\nSecond paragraph.", states: ["current", "stale"] });

    // The live translation itself is not the translator's to write; an update of it is.
    expect(
      await refusal(
        saveTranslation(
          { versionId: story.versionId, version: 5, title: "x", standfirst: null, seoDescription: null, edits: edits([]) },
          translator,
        ),
      ),
    ).toBe("translations.errors.notEditable");
    expect(await refusal(startTranslationUpdate(story.versionId, otherTranslator))).toBe("translations.errors.notYours");
    const updateId = await startTranslationUpdate(story.versionId, translator);
    expect(await startTranslationUpdate(story.versionId, translator)).toBe(updateId);

    // The workspace shows the update's text, still stale until the translator writes the paragraph.
    const workspace = (await getTranslationWorkspace(story.articleId, "en"))!;
    expect(workspace.update).toMatchObject({ id: updateId, status: "DRAFT", version: 1 });
    expect(workspace.rows.map((row) => row.state)).toEqual(["current", "stale"]);

    // Unfinished: the stale paragraph is not written yet, so it cannot go to review.
    expect(await refusal(transitionTranslationUpdate(translator, { updateId, version: 1, transition: "submit" }))).toBe(
      "translations.errors.unfinished",
    );
    await saveTranslationUpdate(
      {
        updateId,
        version: 1,
        title: workspace.target!.title,
        standfirst: null,
        seoDescription: null,
        edits: edits([[story.blocks[1]!, "Second paragraph, corrected."]]),
      },
      translator,
    );
    // Saving the draft changes nothing live: same public text, same staleness.
    expect(await liveState(story.articleId, story.versionId, story.sourceVersionId)).toEqual(before);
    expect((await getTranslationWorkspace(story.articleId, "en"))!.rows.map((row) => row.state)).toEqual(["current", "current"]);

    await transitionTranslationUpdate(translator, { updateId, version: 2, transition: "submit" });
    expect(
      await refusal(
        saveTranslationUpdate({ updateId, version: 3, title: "x", standfirst: null, seoDescription: null, edits: edits([]) }, translator),
      ),
    ).toBe("translations.errors.notEditable");
    // Four eyes: the translator cannot approve; an editor who did not submit it can.
    expect(await refusal(transitionTranslationUpdate(translator, { updateId, version: 3, transition: "approve" }))).toBe(
      "workflow.errors.forbidden",
    );
    expect(await refusal(transitionTranslationUpdate(editor, { updateId, version: 3, transition: "publish" }))).toBe(
      "workflow.errors.wrongState",
    );
    await transitionTranslationUpdate(editor, { updateId, version: 3, transition: "approve" });
    expect(await liveState(story.articleId, story.versionId, story.sourceVersionId)).toEqual(before);

    const published = await transitionTranslationUpdate(editor, { updateId, version: 4, transition: "publish" });
    expect(published.publicChange).toMatchObject({ articleIds: [story.articleId], languages: ["en"] });
    expect(await liveState(story.articleId, story.versionId, story.sourceVersionId)).toEqual({
      status: "PUBLISHED",
      publicText: "First paragraph.\nSecond paragraph, corrected.",
      states: ["current", "current"],
    });
    expect(await db.translationUpdate.count({ where: { id: updateId } })).toBe(0);
    expect((await getTranslationWorkspace(story.articleId, "en"))!.outdated).toBe(false);
    const revisions = await db.revision.findMany({ where: { versionId: story.versionId }, orderBy: { number: "desc" }, take: 1 });
    expect(revisions[0]!.note).toBe("Update published");
  });

  it("an editor who submitted the update does not approve it (four eyes); a refusal writes nothing", async () => {
    const [translator, editor, secondEditor] = await Promise.all([makeUser("TRANSLATOR"), makeUser("EDITOR"), makeUser("EDITOR")]);
    const story = await publishedTranslation(translator, editor);
    await changeSourceParagraph(story.sourceVersionId, story.blocks[0]!, "Premier paragraphe, revu.");
    const updateId = await startTranslationUpdate(story.versionId, editor);
    await saveTranslationUpdate(
      {
        updateId,
        version: 1,
        title: "Story",
        standfirst: null,
        seoDescription: null,
        edits: edits([[story.blocks[0]!, "First paragraph, revised."]]),
      },
      editor,
    );
    await transitionTranslationUpdate(editor, { updateId, version: 2, transition: "submit" });
    expect(await refusal(transitionTranslationUpdate(editor, { updateId, version: 3, transition: "approve" }))).toBe(
      "workflow.errors.fourEyes",
    );
    expect(await refusal(transitionTranslationUpdate(secondEditor, { updateId, version: 3, transition: "returnToDraft" }))).toBe(
      "workflow.errors.noteRequired",
    );
    expect(await db.translationUpdate.findUniqueOrThrow({ where: { id: updateId }, select: { status: true, version: true } })).toEqual({
      status: "IN_REVIEW",
      version: 3,
    });
    await transitionTranslationUpdate(secondEditor, {
      updateId,
      version: 3,
      transition: "returnToDraft",
      note: "Keep the minister's title.",
    });
    expect((await db.translationUpdate.findUniqueOrThrow({ where: { id: updateId } })).status).toBe("DRAFT");
  });
});
