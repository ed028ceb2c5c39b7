// Integration tests of the editor's writes against the real database: optimistic concurrency,
// revisions (created, folded, restored), slug clashes, who may save, and bodies refused whole.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Role, VersionStatus } from "@/lib/generated/prisma/enums";
import { documentFromParagraphs } from "@/lib/rich-text/document";
import { diffSnapshots } from "./diff";
import { getRevisionPair, listOthersPresent, listRevisions } from "./queries";
import type { VersionSaveInput } from "./schema";
import { Refusal } from "@/lib/refusal";
import { restoreRevisionEdits, saveVersionEdits, touchPresence } from "./service";

const unique = (prefix: string) => `${prefix}${randomUUID().replace(/-/g, "").slice(0, 10)}`;

async function makeUser(role: Role) {
  const tag = unique(role.toLowerCase());
  return db.user.create({
    data: { email: `${tag}@desk.test`, name: `Editing ${role} ${tag}`, role, passwordHash: "x" },
    select: { id: true, role: true, name: true },
  });
}

/** A story in French with an optional English translation; revision 1 as the import writes it. */
async function makeStory(options: { status?: VersionStatus; translationAssigneeId?: string } = {}) {
  const title = `Sommet ${unique("t")}`;
  const body = documentFromParagraphs(["Le ministre a reçu mercredi l'ambassadeur."]);
  const article = await db.article.create({
    data: {
      sourceLanguage: "fr",
      versions: {
        create: [
          {
            language: "fr",
            status: options.status ?? "DRAFT",
            title,
            slug: unique("fr-"),
            bodyJson: body,
            bodyText: "Le ministre a reçu mercredi l'ambassadeur.",
          },
          {
            language: "en",
            title: `Summit ${title}`,
            slug: unique("en-"),
            bodyJson: body,
            bodyText: "",
            assigneeId: options.translationAssigneeId ?? null,
          },
        ],
      },
    },
    select: { id: true, versions: { select: { id: true, language: true, slug: true } } },
  });
  const fr = article.versions.find((version) => version.language === "fr")!;
  const en = article.versions.find((version) => version.language === "en")!;
  await db.revision.create({
    data: { versionId: fr.id, number: 1, snapshot: { title, slug: fr.slug, bodyJson: body, bodyText: "" }, note: "Imported from test.txt" },
  });
  return { articleId: article.id, fr, en, title, body };
}

const paragraphs = (...texts: string[]) => ({
  type: "doc",
  content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
});

function saveInput(versionId: string, baseVersion: number, overrides: Partial<VersionSaveInput> = {}): VersionSaveInput {
  return {
    versionId,
    baseVersion,
    mode: "save",
    title: "Titre modifié",
    slug: unique("slug-"),
    standfirst: "Chapô",
    datelinePlace: "Hanoï",
    sourceAgency: "VNA",
    storyDate: "2026-11",
    seoDescription: null,
    body: paragraphs("Le ministre a reçu jeudi l'ambassadeur du Japon."),
    ...overrides,
  };
}

async function rowAndRevisions(versionId: string) {
  const row = await db.articleVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { version: true, title: true, slug: true, bodyText: true, bodyJson: true, updatedById: true },
  });
  const revisions = await db.revision.findMany({
    where: { versionId },
    orderBy: { number: "asc" },
    select: { number: true, note: true, authorId: true, snapshot: true },
  });
  return { row, revisions };
}

describe("saving a version", () => {
  it("saves with the right version: fields, server-derived text, version bump, a revision and an audit entry", async () => {
    const editor = await makeUser("EDITOR");
    const { fr } = await makeStory();
    const outcome = await saveVersionEdits(saveInput(fr.id, 1), editor);
    expect(outcome).toMatchObject({ status: "saved", version: 2, revisionNumber: 2, revisionCreated: true, publicChange: null });
    // Plain objects only: a server action cannot send ProseMirror's null-prototype attrs to the browser.
    if (outcome.status === "saved") expect(Object.getPrototypeOf(outcome.snapshot.bodyJson.content?.[0]?.attrs)).toBe(Object.prototype);
    const { row, revisions } = await rowAndRevisions(fr.id);
    expect(row).toMatchObject({
      version: 2,
      title: "Titre modifié",
      bodyText: "Le ministre a reçu jeudi l'ambassadeur du Japon.",
      updatedById: editor.id,
    });
    expect(revisions.map((revision) => revision.number)).toEqual([1, 2]);
    expect(revisions[1]).toMatchObject({ authorId: editor.id, note: null });
    expect(revisions[1]!.snapshot).toMatchObject({
      title: "Titre modifié",
      storyDate: "2026-11",
      storyDatePrecision: "MONTH",
      bodyText: row.bodyText,
    });
    expect(await db.auditLog.count({ where: { action: "article.save", entityId: fr.id, actorId: editor.id } })).toBe(1);
  });

  it("refuses a stale save and changes nothing; returns their text and what they changed since the base", async () => {
    const [first, second] = [await makeUser("EDITOR"), await makeUser("ADMIN")];
    const { fr, title, body } = await makeStory();
    const base = { title, slug: fr.slug, bodyJson: body };
    await saveVersionEdits(saveInput(fr.id, 1, { title: "Leur titre", slug: fr.slug, body: paragraphs("Leur texte à eux.") }), first);
    const before = await rowAndRevisions(fr.id);

    const outcome = await saveVersionEdits(saveInput(fr.id, 1, { title: "Mon titre", base }), second);
    expect(outcome.status).toBe("conflict");
    if (outcome.status !== "conflict") return;
    expect(outcome.current).toMatchObject({
      version: 2,
      updatedBy: first.name,
      snapshot: { title: "Leur titre", bodyText: "Leur texte à eux." },
    });
    expect(outcome.theirChanges?.fields).toContainEqual({ field: "title", before: title, after: "Leur titre" });
    expect(outcome.theirChanges?.body.some((part) => part.kind === "added" && part.text.includes("Leur"))).toBe(true);
    expect(await rowAndRevisions(fr.id)).toEqual(before);
  });

  it("overwrites deliberately on top of the version the conflict reported, as its own revision", async () => {
    const [first, second] = [await makeUser("EDITOR"), await makeUser("ADMIN")];
    const { fr } = await makeStory();
    await saveVersionEdits(saveInput(fr.id, 1, { title: "Leur titre" }), first);
    const conflict = await saveVersionEdits(saveInput(fr.id, 1, { title: "Mon titre" }), second);
    expect(conflict.status).toBe("conflict");
    if (conflict.status !== "conflict") return;
    const outcome = await saveVersionEdits(saveInput(fr.id, conflict.current.version, { title: "Mon titre", mode: "overwrite" }), second);
    expect(outcome).toMatchObject({ status: "saved", version: 3, revisionNumber: 3 });
    const { row, revisions } = await rowAndRevisions(fr.id);
    expect(row.title).toBe("Mon titre");
    expect(revisions.map((revision) => revision.note)).toEqual(["Imported from test.txt", null, "overwrite"]);
  });

  it("saves on top of a newer version that only changed workflow state (same text as the base)", async () => {
    const editor = await makeUser("EDITOR");
    const { fr, title, body } = await makeStory();
    await db.articleVersion.update({ where: { id: fr.id }, data: { version: { increment: 1 }, status: "IN_REVIEW" } });
    const outcome = await saveVersionEdits(saveInput(fr.id, 1, { base: { title, slug: fr.slug, bodyJson: body } }), editor);
    expect(outcome).toMatchObject({ status: "saved", version: 3 });
  });

  it("folds autosaves of one person into one revision, and an explicit save makes its own", async () => {
    const editor = await makeUser("EDITOR");
    const { fr } = await makeStory();
    await saveVersionEdits(saveInput(fr.id, 1, { mode: "autosave", title: "Un" }), editor);
    const folded = await saveVersionEdits(saveInput(fr.id, 2, { mode: "autosave", title: "Deux" }), editor);
    expect(folded).toMatchObject({ status: "saved", version: 3, revisionNumber: 2, revisionCreated: false });
    const explicit = await saveVersionEdits(saveInput(fr.id, 3, { mode: "save", title: "Trois" }), editor);
    expect(explicit).toMatchObject({ revisionNumber: 3, revisionCreated: true });
    const { revisions } = await rowAndRevisions(fr.id);
    expect(revisions.map((revision) => [revision.number, revision.note, (revision.snapshot as { title: string }).title])).toEqual([
      [1, "Imported from test.txt", expect.any(String)],
      [2, "autosave", "Deux"],
      [3, null, "Trois"],
    ]);
  });

  it("refuses a slug used by another version in the same language, with the field error and a suggestion", async () => {
    const editor = await makeUser("EDITOR");
    const [one, other] = [await makeStory(), await makeStory()];
    const before = await rowAndRevisions(one.fr.id);
    const attempt = saveVersionEdits(saveInput(one.fr.id, 1, { slug: other.fr.slug }), editor);
    await expect(attempt).rejects.toMatchObject({
      code: "editor.errors.slugTaken",
      field: "slug",
      data: { slugSuggestion: `${other.fr.slug}-2` },
    });
    expect(await rowAndRevisions(one.fr.id)).toEqual(before);
    // The same slug in another language is fine.
    await expect(saveVersionEdits(saveInput(one.en.id, 1, { slug: other.fr.slug }), editor)).resolves.toMatchObject({ status: "saved" });
  });

  it("refuses a translator on the source version, and on a translation they do not hold", async () => {
    const translator = await makeUser("TRANSLATOR");
    const { fr, en } = await makeStory();
    await expect(saveVersionEdits(saveInput(fr.id, 1), translator)).rejects.toMatchObject({ code: "errors.forbidden" });
    await expect(saveVersionEdits(saveInput(en.id, 1), translator)).rejects.toMatchObject({ code: "errors.forbidden" });
    expect((await rowAndRevisions(fr.id)).row.version).toBe(1);
    const held = await makeStory({ translationAssigneeId: translator.id });
    await expect(saveVersionEdits(saveInput(held.en.id, 1), translator)).resolves.toMatchObject({ status: "saved" });
  });

  it("refuses an invalid body (unknown node, javascript: link) and writes nothing", async () => {
    const editor = await makeUser("EDITOR");
    const { fr } = await makeStory();
    const before = await rowAndRevisions(fr.id);
    const auditBefore = await db.auditLog.count({ where: { entityId: fr.id } });
    const unknownNode = { type: "doc", content: [{ type: "script", content: [{ type: "text", text: "alert(1)" }] }] };
    const jsLink = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] },
      ],
    };
    for (const body of [unknownNode, jsLink, "<p>html</p>"]) {
      await expect(saveVersionEdits(saveInput(fr.id, 1, { body }), editor)).rejects.toMatchObject({
        code: "editor.errors.bodyInvalid",
        field: "body",
      });
      await expect(saveVersionEdits(saveInput(fr.id, 1, { body }), editor)).rejects.toBeInstanceOf(Refusal);
    }
    expect(await rowAndRevisions(fr.id)).toEqual(before);
    expect(await db.auditLog.count({ where: { entityId: fr.id } })).toBe(auditBefore);
  });

  it("keeps a published version published and asks for the reader pages to be refreshed", async () => {
    const editor = await makeUser("EDITOR");
    const story = await makeStory({ status: "PUBLISHED" });
    const outcome = await saveVersionEdits(saveInput(story.fr.id, 1), editor);
    expect(outcome).toMatchObject({ status: "saved", publicChange: { articleIds: [story.articleId], languages: ["fr"] } });
    expect((await db.articleVersion.findUniqueOrThrow({ where: { id: story.fr.id } })).status).toBe("PUBLISHED");
  });
});

describe("restoring a revision", () => {
  it("writes the old fields as a new revision, bumps the version, and keeps every revision", async () => {
    const editor = await makeUser("EDITOR");
    const { fr, title } = await makeStory();
    await saveVersionEdits(saveInput(fr.id, 1, { title: "Deuxième", slug: fr.slug }), editor);
    const first = await db.revision.findFirstOrThrow({ where: { versionId: fr.id, number: 1 } });
    const outcome = await restoreRevisionEdits({ revisionId: first.id, baseVersion: 2 }, editor);
    expect(outcome).toMatchObject({ version: 3, revisionNumber: 3 });
    const { row, revisions } = await rowAndRevisions(fr.id);
    expect(row).toMatchObject({ version: 3, title, bodyText: "Le ministre a reçu mercredi l'ambassadeur." });
    expect(revisions.map((revision) => [revision.number, revision.note])).toEqual([
      [1, "Imported from test.txt"],
      [2, null],
      [3, "restore:1"],
    ]);
    expect(await db.auditLog.count({ where: { action: "article.restoreRevision", entityId: fr.id } })).toBe(1);
  });

  it("refuses a restore based on an outdated version", async () => {
    const editor = await makeUser("EDITOR");
    const { fr } = await makeStory();
    await saveVersionEdits(saveInput(fr.id, 1), editor);
    const first = await db.revision.findFirstOrThrow({ where: { versionId: fr.id, number: 1 } });
    await expect(restoreRevisionEdits({ revisionId: first.id, baseVersion: 1 }, editor)).rejects.toMatchObject({
      code: "editor.errors.staleRestore",
    });
    expect((await rowAndRevisions(fr.id)).revisions).toHaveLength(2);
  });
});

describe("history reads", () => {
  it("lists revisions newest first and compares two by the text derived from their bodies", async () => {
    const editor = await makeUser("EDITOR");
    const { fr, title, body } = await makeStory();
    // Revision 1 stored a text made differently (the import joined the standfirst in): not a change.
    await saveVersionEdits(
      saveInput(fr.id, 1, {
        title: `${title} bis`,
        slug: fr.slug,
        standfirst: null,
        datelinePlace: null,
        sourceAgency: null,
        storyDate: null,
        body,
      }),
      editor,
    );
    const { revisions, total } = await listRevisions(fr.id);
    expect(total).toBe(2);
    expect(revisions.map((revision) => [revision.number, revision.author?.name ?? null])).toEqual([
      [2, editor.name],
      [1, null],
    ]);
    const pair = await getRevisionPair(fr.id, 1, 2);
    const diff = diffSnapshots(pair!.before.snapshot, pair!.after.snapshot);
    expect(diff.fields).toEqual([{ field: "title", before: title, after: `${title} bis` }]);
    expect(diff.body).toEqual([]);
    expect(await getRevisionPair(fr.id, 1, 9)).toBeNull();
  });
});

describe("editing presence", () => {
  it("lists the others seen in the last minute, not oneself nor people gone", async () => {
    const [me, colleague, gone] = [await makeUser("EDITOR"), await makeUser("ADMIN"), await makeUser("EDITOR")];
    const { fr } = await makeStory();
    const now = new Date();
    await touchPresence(fr.id, colleague.id, now);
    await touchPresence(fr.id, gone.id, new Date(now.getTime() - 61_000));
    expect(await touchPresence(fr.id, me.id, now)).toEqual([{ id: colleague.id, name: colleague.name }]);
    expect(await listOthersPresent(fr.id, colleague.id, now)).toEqual([{ id: me.id, name: me.name }]);
  });
});
