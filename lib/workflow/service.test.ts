// Integration tests of the workflow service against the real database: every transition for every
// role (walking the permission table), four eyes, stale versions, notes, comments, corrections.
import { describe, expect, it } from "vitest";
import { can, ROLES } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { addComment, addCorrectionNote, cancelSchedule, resolveComment, scheduleVersion, transitionVersion } from "@/lib/workflow/service";
import { makeArticle, makeUser } from "@/test/fixtures/workflow";
import { Refusal } from "@/lib/refusal";
import { TRANSITION_KINDS, TRANSITIONS } from "@/lib/workflow/transitions";

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    // Every workflow refusal is under workflow.errors: the short reason reads better below.
    if (error instanceof Refusal) return error.code.replace(/^workflow\.errors\./, "");
    throw error;
  }
  throw new Error("expected a refusal");
}

const snapshot = (id: string) =>
  db.articleVersion.findUniqueOrThrow({
    where: { id },
    select: { status: true, version: true, submittedById: true, approvedById: true, publishedAt: true, scheduledAt: true },
  });
const auditCount = (entityId: string) => db.auditLog.count({ where: { entityId } });

describe("every transition for every role", () => {
  for (const kind of TRANSITION_KINDS) {
    for (const role of ROLES) {
      const rule = TRANSITIONS[kind];
      const allowed = can(role, rule.permission);
      it(`${role} ${kind}: ${allowed ? "allowed" : "refused"}`, async () => {
        const actor = await makeUser(role);
        const submitter = await makeUser("EDITOR");
        // A translation (en of a fr story), submitted by someone else: only the role decides.
        const story = await makeArticle([{ language: "fr" }, { language: "en", status: rule.from[0], submittedById: submitter.id }]);
        const target = story.version("en");
        const input = { versionId: target.id, version: target.version, transition: kind, note: "Needs another look" };
        if (!allowed) {
          expect(await refusal(transitionVersion(actor, input))).toBe("forbidden");
          expect(await snapshot(target.id)).toMatchObject({ status: rule.from[0], version: target.version });
          expect(await auditCount(target.id)).toBe(0);
          return;
        }
        const outcome = await transitionVersion(actor, input);
        expect(outcome.status).toBe(rule.to);
        expect(await snapshot(target.id)).toMatchObject({ status: rule.to, version: target.version + 1 });
        const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: target.id } });
        expect(audit).toMatchObject({ actorId: actor.id, action: `workflow.${kind}`, entityType: "articleVersion" });
        expect(audit.details).toMatchObject({ from: rule.from[0], to: rule.to });
        const readersSeeIt = rule.from[0] === "PUBLISHED" || rule.to === "PUBLISHED";
        expect(outcome.publicChange === null).toBe(!readersSeeIt);
        if (readersSeeIt) expect(outcome.publicChange).toMatchObject({ articleIds: [story.articleId], languages: ["en"] });
      });
    }
  }

  it("refuses every transition from a state it does not start from, changing nothing", async () => {
    const editor = await makeUser("ADMIN");
    const story = await makeArticle([{ language: "fr", status: "PUBLISHED" }]);
    const target = story.version("fr");
    for (const kind of ["submit", "approve", "publish", "returnToDraft"] as const) {
      expect(
        await refusal(transitionVersion(editor, { versionId: target.id, version: target.version, transition: kind, note: "x" })),
        kind,
      ).toBe("wrongState");
    }
    expect(await snapshot(target.id)).toMatchObject({ status: "PUBLISHED", version: target.version });
    expect(await auditCount(target.id)).toBe(0);
  });

  it("walks a story through the whole happy path and records who did what", async () => {
    const writer = await makeUser("EDITOR");
    const reviewer = await makeUser("EDITOR");
    const story = await makeArticle([{ language: "fr" }]);
    const id = story.version("fr").id;
    let version = story.version("fr").version;
    ({ version } = await transitionVersion(writer, { versionId: id, version, transition: "submit" }));
    ({ version } = await transitionVersion(reviewer, { versionId: id, version, transition: "approve" }));
    const published = await transitionVersion(writer, { versionId: id, version, transition: "publish" }, new Date("2026-11-20T10:00:00Z"));
    const row = await db.articleVersion.findUniqueOrThrow({
      where: { id },
      select: { status: true, submittedById: true, approvedById: true, publishedAt: true, firstPublishedAt: true },
    });
    expect(row).toEqual({
      status: "PUBLISHED",
      submittedById: writer.id,
      approvedById: reviewer.id,
      publishedAt: new Date("2026-11-20T10:00:00Z"),
      firstPublishedAt: new Date("2026-11-20T10:00:00Z"),
    });
    expect(published.publicChange?.articleIds).toEqual([story.articleId]);
    const actions = await db.auditLog.findMany({
      where: { entityId: id },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true },
    });
    expect(actions).toEqual([
      { action: "workflow.submit", actorId: writer.id },
      { action: "workflow.approve", actorId: reviewer.id },
      { action: "workflow.publish", actorId: writer.id },
    ]);
  });
});

describe("four-eyes rule", () => {
  it("refuses an editor approving their own submission, and changes nothing", async () => {
    const editor = await makeUser("EDITOR");
    const story = await makeArticle([{ language: "fr" }]);
    const target = story.version("fr");
    const { version } = await transitionVersion(editor, { versionId: target.id, version: target.version, transition: "submit" });
    expect(await refusal(transitionVersion(editor, { versionId: target.id, version, transition: "approve" }))).toBe("fourEyes");
    expect(await snapshot(target.id)).toMatchObject({ status: "IN_REVIEW", version, approvedById: null });
  });

  it("lets an admin approve their own submission", async () => {
    const admin = await makeUser("ADMIN");
    const story = await makeArticle([{ language: "fr" }]);
    const target = story.version("fr");
    const { version } = await transitionVersion(admin, { versionId: target.id, version: target.version, transition: "submit" });
    expect((await transitionVersion(admin, { versionId: target.id, version, transition: "approve" })).status).toBe("APPROVED");
  });
});

describe("translators", () => {
  it("submit a translation but not the source-language version", async () => {
    const translator = await makeUser("TRANSLATOR");
    const story = await makeArticle([{ language: "fr" }, { language: "en" }]);
    const source = story.version("fr");
    const translation = story.version("en");
    expect(await refusal(transitionVersion(translator, { versionId: source.id, version: source.version, transition: "submit" }))).toBe(
      "translationsOnly",
    );
    expect(await snapshot(source.id)).toMatchObject({ status: "DRAFT", version: source.version });
    expect(
      (await transitionVersion(translator, { versionId: translation.id, version: translation.version, transition: "submit" })).status,
    ).toBe("IN_REVIEW");
  });
});

describe("optimistic concurrency", () => {
  it("refuses a stale version and changes nothing", async () => {
    const [a, b] = [await makeUser("EDITOR"), await makeUser("EDITOR")];
    const story = await makeArticle([{ language: "fr", status: "IN_REVIEW", submittedById: (await makeUser("EDITOR")).id }]);
    const target = story.version("fr");
    // Both saw version 1; the first wins, the second is refused.
    await transitionVersion(a, { versionId: target.id, version: target.version, transition: "approve" });
    expect(
      await refusal(transitionVersion(b, { versionId: target.id, version: target.version, transition: "returnToDraft", note: "no" })),
    ).toBe("staleVersion");
    expect(await snapshot(target.id)).toMatchObject({ status: "APPROVED", version: target.version + 1, approvedById: a.id });
    expect(await auditCount(target.id)).toBe(1);
  });

  it("lets exactly one of two simultaneous transitions through", async () => {
    const [a, b] = [await makeUser("EDITOR"), await makeUser("EDITOR")];
    const story = await makeArticle([{ language: "fr", status: "APPROVED" }]);
    const target = story.version("fr");
    const results = await Promise.allSettled([
      transitionVersion(a, { versionId: target.id, version: target.version, transition: "publish" }),
      transitionVersion(b, { versionId: target.id, version: target.version, transition: "archive" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason instanceof Refusal && rejected.reason.code).toBe(
      "workflow.errors.staleVersion",
    );
    expect((await snapshot(target.id)).version).toBe(target.version + 1);
    expect(await auditCount(target.id)).toBe(1);
  });
});

describe("back to draft", () => {
  it("requires a note, and keeps it as a comment when given", async () => {
    const editor = await makeUser("EDITOR");
    const story = await makeArticle([{ language: "fr", status: "IN_REVIEW" }]);
    const target = story.version("fr");
    for (const note of [undefined, "", "   "]) {
      expect(
        await refusal(transitionVersion(editor, { versionId: target.id, version: target.version, transition: "returnToDraft", note })),
      ).toBe("noteRequired");
    }
    expect(await snapshot(target.id)).toMatchObject({ status: "IN_REVIEW", version: target.version });
    await transitionVersion(editor, {
      versionId: target.id,
      version: target.version,
      transition: "returnToDraft",
      note: "Check the minister's name",
    });
    expect(await snapshot(target.id)).toMatchObject({ status: "DRAFT" });
    expect(await db.comment.findFirst({ where: { versionId: target.id }, select: { body: true, authorId: true } })).toEqual({
      body: "Check the minister's name",
      authorId: editor.id,
    });
  });
});

describe("scheduling", () => {
  // In the future, so lib/scheduled-publishing/publish-due.test.ts (promoting at past times) never publishes these.
  const now = new Date("2300-11-23T12:00:00Z");
  it("schedules an approved version in the future and cancels it", async () => {
    const editor = await makeUser("EDITOR");
    const story = await makeArticle([{ language: "fr", status: "APPROVED" }]);
    const target = story.version("fr");
    const at = new Date("2300-11-24T08:00:00Z");
    expect(
      await refusal(
        scheduleVersion(editor, { versionId: target.id, version: target.version, scheduledAt: new Date("2300-11-23T11:00:00Z") }, now),
      ),
    ).toBe("scheduleInPast");
    const { version } = await scheduleVersion(editor, { versionId: target.id, version: target.version, scheduledAt: at }, now);
    expect(await snapshot(target.id)).toMatchObject({ status: "APPROVED", scheduledAt: at, version });
    expect(await refusal(cancelSchedule(editor, { versionId: target.id, version: target.version }))).toBe("staleVersion");
    await cancelSchedule(editor, { versionId: target.id, version });
    expect(await snapshot(target.id)).toMatchObject({ scheduledAt: null, version: version + 1 });
    expect(await refusal(cancelSchedule(editor, { versionId: target.id, version: version + 1 }))).toBe("wrongState");
  });

  it("refuses translators and versions that are not approved", async () => {
    const translator = await makeUser("TRANSLATOR");
    const editor = await makeUser("EDITOR");
    const approved = (await makeArticle([{ language: "fr", status: "APPROVED" }])).version("fr");
    const draft = (await makeArticle([{ language: "fr" }])).version("fr");
    const at = new Date("2300-11-24T08:00:00Z");
    expect(await refusal(scheduleVersion(translator, { versionId: approved.id, version: approved.version, scheduledAt: at }, now))).toBe(
      "forbidden",
    );
    expect(await refusal(scheduleVersion(editor, { versionId: draft.id, version: draft.version, scheduledAt: at }, now))).toBe(
      "wrongState",
    );
  });
});

describe("comments and corrections", () => {
  it("adds an anchored comment and resolves it once", async () => {
    const translator = await makeUser("TRANSLATOR");
    const target = (await makeArticle([{ language: "fr" }])).version("fr");
    const comment = await addComment(translator, {
      versionId: target.id,
      body: "Which ministry?",
      anchorBlockId: "b123",
      anchorQuote: "le ministre",
    });
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({
      anchorBlockId: "b123",
      anchorQuote: "le ministre",
      resolvedAt: null,
    });
    await resolveComment(translator, { commentId: comment.id });
    expect(await refusal(resolveComment(translator, { commentId: comment.id }))).toBe("alreadyResolved");
  });

  it("adds a correction note to a published version only, with the editor's date", async () => {
    const editor = await makeUser("EDITOR");
    const translator = await makeUser("TRANSLATOR");
    const story = await makeArticle([{ language: "fr", status: "PUBLISHED" }, { language: "en" }]);
    const when = new Date("2026-11-22T09:30:00Z");
    expect(
      await refusal(addCorrectionNote(translator as { id: string; role: Role }, { versionId: story.version("fr").id, body: "x" })),
    ).toBe("forbidden");
    expect(await refusal(addCorrectionNote(editor, { versionId: story.version("en").id, body: "x" }))).toBe("notPublished");
    const note = await addCorrectionNote(editor, {
      versionId: story.version("fr").id,
      body: "The meeting was on Tuesday.",
      correctedAt: when,
    });
    expect(note.publicChange?.articleIds).toEqual([story.articleId]);
    expect(await db.correctionNote.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({ correctedAt: when, authorId: editor.id });
    expect(await db.auditLog.count({ where: { entityId: story.version("fr").id, action: "correction.add" } })).toBe(1);
    expect(await snapshot(story.version("fr").id)).toMatchObject({ status: "PUBLISHED" });
  });
});
