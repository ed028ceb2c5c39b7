// Integration tests of the translation workflow against the real database: claims and
// assignments, refusals for translators, saves with revisions, queue states (missing, in
// progress, in review, published, outdated), the SQL fingerprint matching the TypeScript one,
// XLIFF re-import checks, glossary and pairing.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { blockFingerprint } from "./fingerprints";
import type { JSONContent } from "@tiptap/core";
import { renderDocumentHtml } from "@/lib/rich-text/render";
import { blockInline, inlineFromText, type Inline } from "./inline";
import { createGlossaryTerm, deleteGlossaryTerm, updateGlossaryTerm } from "./glossary-service";
import { confirmPairing, suggestPairings } from "./pairing-service";
import { getTranslationWorkspace, getXliffExport } from "./queries";
import { countOutdatedTranslations, listTranslationQueue } from "./queue";
import { sqlBlockHash } from "./fingerprints";
import { Refusal } from "@/lib/refusal";
import { transitionVersion } from "@/lib/workflow/service";
import { assignTranslation, claimTranslation, importXliff, releaseTranslation, saveTranslation, submitTranslation } from "./service";

const word = (prefix = "w") => `${prefix}${randomUUID().replace(/-/g, "").slice(0, 10)}`;

async function makeUser(role: Role) {
  const tag = word(role.toLowerCase());
  return db.user.create({
    data: { email: `${tag}@desk.test`, name: `T ${tag}`, role, passwordHash: "x" },
    select: { id: true, role: true },
  });
}

const paragraph = (blockId: string, text: string) => ({ type: "paragraph", attrs: { blockId }, content: [{ type: "text", text }] });

async function makeFrenchArticle(paragraphs: string[], extra: { storyDate?: string; createdAt?: Date } = {}) {
  const tag = word();
  const body = { type: "doc", content: paragraphs.map((text, index) => paragraph(`${tag}p${index}`, text)) };
  const article = await db.article.create({
    data: {
      sourceLanguage: "fr",
      ...(extra.createdAt ? { createdAt: extra.createdAt } : {}),
      versions: {
        create: {
          language: "fr",
          title: `Article ${tag}`,
          slug: `article-${tag}`,
          bodyJson: body,
          bodyText: paragraphs.join("\n"),
          storyDate: extra.storyDate ?? null,
        },
      },
    },
    select: { id: true, versions: { select: { id: true } } },
  });
  return {
    articleId: article.id,
    sourceVersionId: article.versions[0]!.id,
    blockIds: paragraphs.map((_, index) => `${tag}p${index}`),
    tag,
  };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Refusal) return error.code;
    throw error;
  }
  return "accepted";
}

const edits = (texts: [string, string][] = [], confirmed: string[] = []) => ({
  contents: new Map(texts.map(([id, text]) => [id, inlineFromText(text)])),
  confirmed: new Set(confirmed),
  keepOrphans: new Set<string>(),
});
const stateOf = async (articleId: string, language = "en") => (await listTranslationQueue({ articleId, language })).rows[0]?.state;

describe("claims, assignments and who may write", () => {
  it("claiming a missing translation creates an aligned draft; others cannot take or write it", async () => {
    const [alice, bob, editor] = await Promise.all([makeUser("TRANSLATOR"), makeUser("TRANSLATOR"), makeUser("EDITOR")]);
    const story = await makeFrenchArticle(["Premier paragraphe.", "Second paragraphe."]);
    expect(await stateOf(story.articleId)).toBe("missing");

    const versionId = await claimTranslation(story.articleId, "en", alice);
    const created = await db.articleVersion.findUniqueOrThrow({ where: { id: versionId }, include: { revisions: true } });
    expect(created).toMatchObject({ language: "en", status: "DRAFT", assigneeId: alice.id });
    expect(created.assignedAt).toBeInstanceOf(Date);
    expect(
      (created.bodyJson as { content: { attrs: { sourceBlockId: string } }[] }).content.map((block) => block.attrs.sourceBlockId),
    ).toEqual(story.blockIds);
    expect(created.revisions).toHaveLength(1);
    expect(await stateOf(story.articleId)).toBe("in_progress");

    expect(await refusal(claimTranslation(story.articleId, "en", bob))).toBe("translations.errors.claimedByOther");
    expect(await refusal(claimTranslation(story.articleId, "fr", bob))).toBe("translations.errors.notATranslation");
    const save = (actor: { id: string; role: Role }, id = versionId, version = 1) =>
      saveTranslation({ versionId: id, version, title: "T", standfirst: null, seoDescription: null, edits: edits() }, actor);
    expect(await refusal(save(bob))).toBe("translations.errors.notYours");
    expect(await refusal(save(alice, story.sourceVersionId))).toBe("translations.errors.sourceReadOnly");
    expect(await refusal(save(editor, story.sourceVersionId))).toBe("translations.errors.sourceReadOnly");
    expect(await refusal(releaseTranslation(versionId, bob))).toBe("translations.errors.notYours");
    expect(await refusal(assignTranslation({ articleId: story.articleId, language: "en", assigneeId: bob.id, dueAt: null }, bob))).toBe(
      "translations.errors.forbidden",
    );
    const source = await db.articleVersion.findUniqueOrThrow({ where: { id: story.sourceVersionId } });
    expect(source.version).toBe(1);

    // An editor may write any translation, and reassign it with a due date.
    expect((await save(editor)).version).toBe(2);
    expect(await refusal(save(alice, versionId, 1))).toBe("translations.errors.staleVersion");
    const due = new Date("2026-12-01T00:00:00Z");
    await assignTranslation({ articleId: story.articleId, language: "en", assigneeId: bob.id, dueAt: due }, editor);
    expect(await db.articleVersion.findUniqueOrThrow({ where: { id: versionId } })).toMatchObject({ assigneeId: bob.id, dueAt: due });
    expect(await refusal(save(alice, versionId, 2))).toBe("translations.errors.notYours");
    expect((await save(bob, versionId, 2)).version).toBe(3);
    expect(
      await db.auditLog.count({
        where: { entityId: versionId, action: { in: ["translation.claim", "translation.assign", "translation.save"] } },
      }),
    ).toBe(4);
  });

  it("assigning a missing translation creates it for the assignee", async () => {
    const [translator, editor] = await Promise.all([makeUser("TRANSLATOR"), makeUser("EDITOR")]);
    const story = await makeFrenchArticle(["Un paragraphe."]);
    const versionId = await assignTranslation(
      { articleId: story.articleId, language: "en", assigneeId: translator.id, dueAt: null },
      editor,
    );
    expect(await db.articleVersion.findUniqueOrThrow({ where: { id: versionId } })).toMatchObject({
      assigneeId: translator.id,
      status: "DRAFT",
    });
    expect((await listTranslationQueue({ assigneeId: translator.id })).rows.map((row) => row.articleId)).toEqual([story.articleId]);
  });
});

describe("queue states and staleness", () => {
  it("goes missing → in progress → in review → published → outdated, and back when cleared", async () => {
    const translator = await makeUser("TRANSLATOR");
    const story = await makeFrenchArticle(["Le ministre a reçu l’ambassadeur.", "Les deux parties ont signé un accord."]);
    const versionId = await claimTranslation(story.articleId, "en", translator);
    const saved = await saveTranslation(
      {
        versionId,
        version: 1,
        title: "Minister receives ambassador",
        standfirst: null,
        seoDescription: null,
        edits: edits([
          [story.blockIds[0]!, "The minister received the ambassador."],
          [story.blockIds[1]!, "Both sides signed an agreement."],
        ]),
      },
      translator,
    );
    const version = await db.articleVersion.findUniqueOrThrow({
      where: { id: versionId },
      include: { revisions: { orderBy: { number: "asc" } } },
    });
    expect(version.bodyText).toBe("The minister received the ambassador.\nBoth sides signed an agreement.");
    expect(version.slug).toBe("minister-receives-ambassador");
    expect(version.revisions.map((revision) => revision.number)).toEqual([1, 2]);
    expect(version.revisions[1]!.snapshot).toMatchObject({ title: "Minister receives ambassador", bodyText: version.bodyText });

    await submitTranslation(versionId, saved.version, translator);
    expect(await stateOf(story.articleId)).toBe("in_review");
    // Translators cannot touch it once in review.
    expect(
      await refusal(
        saveTranslation(
          { versionId, version: saved.version + 1, title: "x", standfirst: null, seoDescription: null, edits: edits() },
          translator,
        ),
      ),
    ).toBe("translations.errors.notEditable");

    // Approval and publication are the workflow's: a translator may do neither.
    const inReview = await db.articleVersion.findUniqueOrThrow({ where: { id: versionId } });
    for (const transition of ["approve", "publish"] as const) {
      await expect(transitionVersion(translator, { versionId, version: inReview.version, transition })).rejects.toMatchObject({
        code: "workflow.errors.forbidden",
      });
    }
    const reviewer = await makeUser("EDITOR");
    const approved = await transitionVersion(reviewer, { versionId, version: inReview.version, transition: "approve" });
    await transitionVersion(reviewer, { versionId, version: approved.version, transition: "publish" });
    expect(await stateOf(story.articleId)).toBe("published");
    const outdatedBefore = await countOutdatedTranslations();

    // The source's second paragraph changes: exactly that translated paragraph goes stale.
    const source = await db.articleVersion.findUniqueOrThrow({ where: { id: story.sourceVersionId } });
    const body = source.bodyJson as { type: string; content: ReturnType<typeof paragraph>[] };
    body.content[1] = paragraph(story.blockIds[1]!, "Les deux parties ont signé trois accords.");
    await db.articleVersion.update({
      where: { id: story.sourceVersionId },
      data: { bodyJson: body as Prisma.InputJsonValue, version: { increment: 1 } },
    });
    expect(await stateOf(story.articleId)).toBe("outdated");
    expect((await listTranslationQueue({ articleId: story.articleId, state: "outdated" })).total).toBe(1);
    expect(await countOutdatedTranslations()).toBe(outdatedBefore + 1);
    const published = await db.articleVersion.findUniqueOrThrow({ where: { id: versionId } });
    expect(published.status).toBe("PUBLISHED");

    const workspace = (await getTranslationWorkspace(story.articleId, "en"))!;
    expect(workspace.rows.map((row) => row.state)).toEqual(["current", "stale"]);
    expect(workspace.outdated).toBe(true);
    expect(workspace.rows[1]!.diff?.some((part) => part.change === "added" && part.value.includes("trois"))).toBe(true);

    // An editor (translators cannot write published versions) confirms it is still correct.
    const editor = await makeUser("EDITOR");
    await saveTranslation(
      {
        versionId,
        version: published.version,
        title: published.title,
        standfirst: null,
        seoDescription: null,
        edits: edits([], [story.blockIds[1]!]),
      },
      editor,
    );
    expect(await stateOf(story.articleId)).toBe("published");
  });

  it("computes the same block fingerprints in SQL as in TypeScript", async () => {
    const blocks = [
      paragraph("a", "  Hanoï\u00a0(VNA) –  le ministre\u202f: « oui »  "),
      {
        type: "bulletList",
        attrs: { blockId: "l" },
        content: [
          { type: "listItem", content: [paragraph("x", "un ")] },
          { type: "listItem", content: [paragraph("y", "deux")] },
        ],
      },
      {
        type: "paragraph",
        attrs: { blockId: "m" },
        content: [{ type: "text", text: "gras", marks: [{ type: "bold" }] }, { type: "hardBreak" }, { type: "text", text: "suite" }],
      },
      { type: "figure", attrs: { blockId: "f", caption: "Légende\n du ministre", credit: "VNA" } },
    ];
    for (const block of blocks) {
      const rows = await db.$queryRawUnsafe<{ hash: string }[]>(
        `SELECT ${sqlBlockHash("b")} AS hash FROM (SELECT $1::jsonb AS b) x`,
        JSON.stringify(block),
      );
      expect(rows[0]!.hash, JSON.stringify(block)).toBe(blockFingerprint(block));
    }
  });
});

describe("translation memory", () => {
  it("offers exact (100 %) and near matches of earlier translations, not unrelated ones", async () => {
    const tag = word();
    await db.translationSegment.createMany({
      data: [
        {
          sourceLanguage: "fr",
          targetLanguage: "en",
          sourceText: `Le ministre ${tag} a reçu l'ambassadeur du Japon.`,
          targetText: `Minister ${tag} received the Japanese ambassador.`,
          sourceNormalized: `le ministre ${tag} a recu l'ambassadeur du japon.`,
        },
      ],
    });
    const { lookupMemory } = await import("./memory");
    const [exact, near, unrelated] = await lookupMemory("fr", "en", [
      `Le ministre ${tag} a reçu l’ambassadeur du Japon.`,
      `Le ministre ${tag} a reçu l'ambassadeur de Corée.`,
      "Rien à voir avec cette phrase du tout.",
    ]);
    expect(exact).toEqual([
      { sourceText: expect.stringContaining(tag), targetText: `Minister ${tag} received the Japanese ambassador.`, percent: 100 },
    ]);
    expect(near).toHaveLength(1);
    expect(near![0]!.percent).toBeGreaterThanOrEqual(60);
    expect(near![0]!.percent).toBeLessThan(100);
    expect(unrelated).toEqual([]);
    expect((await lookupMemory("fr", "vi", [`Le ministre ${tag} a reçu l'ambassadeur du Japon.`]))[0]).toEqual([]);
  });

  it("stores sentence pairs when a translation is saved, and offers them for the next article", async () => {
    const translator = await makeUser("TRANSLATOR");
    const tag = word();
    const first = await makeFrenchArticle([`Phrase ${tag} une. Phrase ${tag} deux.`]);
    const versionId = await claimTranslation(first.articleId, "en", translator);
    await saveTranslation(
      {
        versionId,
        version: 1,
        title: "T",
        standfirst: null,
        seoDescription: null,
        edits: edits([[first.blockIds[0]!, `Sentence ${tag} one. Sentence ${tag} two.`]]),
      },
      translator,
    );
    const segments = await db.translationSegment.findMany({ where: { versionId }, orderBy: { sourceText: "asc" } });
    expect(segments.map((segment) => [segment.sourceText, segment.targetText])).toEqual([
      [`Phrase ${tag} deux.`, `Sentence ${tag} two.`],
      [`Phrase ${tag} une.`, `Sentence ${tag} one.`],
    ]);
    const second = await makeFrenchArticle([`Phrase ${tag} une. Autre chose ici.`]);
    const workspace = (await getTranslationWorkspace(second.articleId, "en"))!;
    expect(workspace.rows[0]!.memory[0]?.sentence).toBe(`Phrase ${tag} une.`);
    expect(workspace.rows[0]!.memory[0]?.suggestions[0]).toMatchObject({ targetText: `Sentence ${tag} one.`, percent: 100 });
  });
});

describe("XLIFF re-import", () => {
  it("applies a matching file and refuses another article's, or one made before the source changed", async () => {
    const translator = await makeUser("TRANSLATOR");
    const story = await makeFrenchArticle(["Bonjour.", "Au revoir."]);
    const other = await makeFrenchArticle(["Autre."]);
    const versionId = await claimTranslation(story.articleId, "en", translator);
    const otherVersionId = await claimTranslation(other.articleId, "en", translator);
    const exported = (await getXliffExport(versionId))!;
    const filled = exported.xml.replace("<target></target>", "<target>Hello &amp; welcome.</target>");
    const saved = await importXliff(versionId, 1, filled, translator);
    expect(saved.version).toBe(2);
    expect((await db.articleVersion.findUniqueOrThrow({ where: { id: versionId } })).bodyText).toBe("Hello & welcome.");

    const before = await db.articleVersion.findUniqueOrThrow({ where: { id: otherVersionId } });
    expect(await refusal(importXliff(otherVersionId, 1, filled, translator))).toBe("translations.errors.xliff.otherArticle");
    expect(await refusal(importXliff(versionId, 2, "<xliff><broken>", translator))).toBe("translations.errors.xliff.malformed");
    expect(await refusal(importXliff(versionId, 2, `<!DOCTYPE x [<!ENTITY a "b">]>${filled}`, translator))).toBe(
      "translations.errors.xliff.doctype",
    );
    await db.articleVersion.update({ where: { id: story.sourceVersionId }, data: { version: { increment: 1 } } });
    expect(await refusal(importXliff(versionId, 2, filled, translator))).toBe("translations.errors.xliff.otherSourceVersion");
    expect((await db.articleVersion.findUniqueOrThrow({ where: { id: otherVersionId } })).version).toBe(before.version);
    expect((await db.articleVersion.findUniqueOrThrow({ where: { id: versionId } })).version).toBe(2);
  });
});

describe("inline formatting", () => {
  it("keeps a paragraph's link and bold through a save, the XLIFF export and its re-import; refuses an unsafe link", async () => {
    const translator = await makeUser("TRANSLATOR");
    const story = await makeFrenchArticle(["Le ministère a confirmé."]);
    const marked = [
      { type: "text", text: "Le " },
      { type: "text", text: "ministère", marks: [{ type: "link", attrs: { href: "https://example.org/mae" } }] },
      { type: "text", text: " a " },
      { type: "text", text: "confirmé", marks: [{ type: "bold" }] },
      { type: "text", text: "." },
    ];
    await db.articleVersion.update({
      where: { id: story.sourceVersionId },
      data: { bodyJson: { type: "doc", content: [{ type: "paragraph", attrs: { blockId: story.blockIds[0] }, content: marked }] } },
    });
    const versionId = await claimTranslation(story.articleId, "en", translator);
    const translated: Inline = [
      { type: "text", text: "The " },
      { type: "text", text: "ministry", marks: [{ type: "link", attrs: { href: "https://example.org/mae" } }] },
      { type: "text", text: " " },
      { type: "text", text: "confirmed", marks: [{ type: "bold" }] },
      { type: "text", text: "." },
    ];
    const base = { versionId, title: "Confirmed", standfirst: null, seoDescription: null };
    await saveTranslation(
      {
        ...base,
        version: 1,
        edits: { contents: new Map([[story.blockIds[0]!, translated]]), confirmed: new Set(), keepOrphans: new Set() },
      },
      translator,
    );
    const stored = await db.articleVersion.findUniqueOrThrow({ where: { id: versionId } });
    expect(blockInline((stored.bodyJson as { content: JSONContent[] }).content[0]!)).toEqual(translated);
    expect(renderDocumentHtml(stored.bodyJson)).toMatch(
      /<a [^>]*href="https:\/\/example.org\/mae"[^>]*>ministry<\/a> <strong>confirmed<\/strong>/,
    );

    // Out through XLIFF and back in, edited in a CAT tool with the codes kept: the marks survive.
    const exported = (await getXliffExport(versionId))!.xml;
    expect(exported).toMatch(
      /<target>The <pc id="\d+" type="link" dataRefStart="d1">ministry<\/pc> <pc id="\d+" type="fmt" subType="xlf:b">confirmed<\/pc>.<\/target>/,
    );
    await importXliff(versionId, 2, exported.replace(">confirmed</pc>", ">has confirmed</pc>"), translator);
    const reimported = await db.articleVersion.findUniqueOrThrow({ where: { id: versionId } });
    expect(blockInline((reimported.bodyJson as { content: JSONContent[] }).content[0]!)).toEqual(
      translated.map((node) => (node.type === "text" && node.text === "confirmed" ? { ...node, text: "has confirmed" } : node)),
    );

    const unsafe: Inline = [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }];
    expect(
      await refusal(
        saveTranslation(
          {
            ...base,
            version: 3,
            edits: { contents: new Map([[story.blockIds[0]!, unsafe]]), confirmed: new Set(), keepOrphans: new Set() },
          },
          translator,
        ),
      ),
    ).toBe("translations.errors.invalidBody");
    expect((await db.articleVersion.findUniqueOrThrow({ where: { id: versionId } })).version).toBe(3);
  });
});

describe("glossary", () => {
  it("creates, refuses duplicates, edits and deletes terms, with audit", async () => {
    const editor = await makeUser("EDITOR");
    const tag = word();
    const id = await createGlossaryTerm(
      { termFr: `diplomatie économique ${tag}`, termEn: `economic diplomacy ${tag}`, note: null },
      editor,
    );
    expect(await db.glossaryTerm.findUniqueOrThrow({ where: { id } })).toMatchObject({ normalizedFr: `diplomatie economique ${tag}` });
    expect(
      await refusal(
        createGlossaryTerm({ termFr: `Diplomatie Economique ${tag}`, termEn: `Economic diplomacy ${tag}`, note: null }, editor),
      ),
    ).toBe("translations.errors.termExists");
    await updateGlossaryTerm(id, { termFr: `Hanoï ${tag}`, termEn: `Hanoi ${tag}`, note: "lieu" }, editor);
    const story = await makeFrenchArticle([`Le sommet de hanoi ${tag} s’ouvre.`]);
    const workspace = (await getTranslationWorkspace(story.articleId, "en"))!;
    expect(workspace.rows[0]!.glossary).toEqual([{ id, source: `Hanoï ${tag}`, target: `Hanoi ${tag}`, note: "lieu", used: false }]);
    await deleteGlossaryTerm(id, editor);
    expect(await db.auditLog.count({ where: { entityId: id } })).toBe(3);
  });
});

describe("pairing originals", () => {
  it("suggests two originals of the same event and merges them on confirmation", async () => {
    const editor = await makeUser("EDITOR");
    const tag = word("Zed");
    const name = tag.charAt(0).toUpperCase() + tag.slice(1);
    const fr = await makeFrenchArticle([`Hanoï (VNA) – Le ministre ${name} Quartz a reçu l’ambassadeur Ito Naoki.`], {
      storyDate: "2031-01-02",
      createdAt: new Date(Date.now() - 60_000),
    });
    const en = await db.article.create({
      data: {
        sourceLanguage: "en",
        versions: {
          create: {
            language: "en",
            title: `Minister ${name}`,
            slug: `minister-${tag}`,
            storyDate: "2031-01-02",
            bodyText: `Hanoi (VNA) – Minister ${name} Quartz received Ambassador Ito Naoki.`,
            bodyJson: {
              type: "doc",
              content: [paragraph(`${tag}e`, `Hanoi (VNA) – Minister ${name} Quartz received Ambassador Ito Naoki.`)],
            },
          },
        },
      },
      select: { id: true },
    });
    await suggestPairings();
    const suggestion = await db.pairingSuggestion.findFirstOrThrow({ where: { articleAId: fr.articleId, articleBId: en.id } });
    expect(suggestion.score).toBeGreaterThanOrEqual(0.5);
    await confirmPairing(suggestion.id, editor);
    expect(await db.article.findUnique({ where: { id: en.id } })).toBeNull();
    const versions = await db.articleVersion.findMany({ where: { articleId: fr.articleId }, orderBy: { language: "asc" } });
    expect(versions.map((version) => version.language)).toEqual(["en", "fr"]);
    expect(await stateOf(fr.articleId)).toBe("in_progress");
  });
});
