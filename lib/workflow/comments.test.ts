// Integration tests of comment threads against the real database: a comment on a passage, replies,
// resolve and reopen, who may do each (walking the permission table), and a translator commenting
// on the source they translate.
import { describe, expect, it } from "vitest";
import { can, ROLES } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { Refusal } from "@/lib/refusal";
import { commentSchema } from "@/lib/workflow/schema";
import { addComment, reopenComment, resolveComment } from "@/lib/workflow/service";
import { makeArticle, makeUser } from "@/test/fixtures/workflow";

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Refusal) return error.code.replace(/^workflow\.errors\./, "");
    throw error;
  }
  throw new Error("expected a refusal");
}

const thread = (id: string) =>
  db.comment.findUniqueOrThrow({
    where: { id },
    select: { resolvedAt: true, anchorBlockId: true, anchorFrom: true, anchorTo: true, anchorQuote: true, parentId: true },
  });

describe("comment threads", () => {
  it("a translator comments on the source they translate, replies, resolves and reopens", async () => {
    const translator = await makeUser("TRANSLATOR");
    const editor = await makeUser("EDITOR");
    const story = await makeArticle([
      { language: "fr", body: "Le ministre a reçu la délégation." },
      { language: "en", assigneeId: translator.id },
    ]);
    const source = story.version("fr");
    const input = commentSchema.parse({
      versionId: source.id,
      body: "Which delegation?",
      anchorBlockId: "b1",
      anchorFrom: "20",
      anchorTo: "32",
      anchorQuote: "la délégation",
    });
    const comment = await addComment(translator, input);
    expect(await thread(comment.id)).toEqual({
      resolvedAt: null,
      anchorBlockId: "b1",
      anchorFrom: 20,
      anchorTo: 32,
      anchorQuote: "la délégation",
      parentId: null,
    });

    // The editor answers; a reply to the reply joins the same thread, with no passage of its own.
    const reply = await addComment(editor, { versionId: source.id, body: "The Lao one.", parentId: comment.id, anchorQuote: "x" });
    const replyToReply = await addComment(translator, { versionId: source.id, body: "Thanks.", parentId: reply.id });
    expect(await thread(reply.id)).toMatchObject({ parentId: comment.id, anchorQuote: null, anchorBlockId: null });
    expect(await thread(replyToReply.id)).toMatchObject({ parentId: comment.id });

    // Resolving through a reply resolves the thread; twice is refused; reopen brings it back once.
    await resolveComment(translator, { commentId: replyToReply.id });
    expect((await thread(comment.id)).resolvedAt).not.toBeNull();
    expect(await refusal(resolveComment(editor, { commentId: comment.id }))).toBe("alreadyResolved");
    await reopenComment(editor, { commentId: comment.id });
    expect((await thread(comment.id)).resolvedAt).toBeNull();
    expect(await refusal(reopenComment(editor, { commentId: comment.id }))).toBe("notResolved");

    const audit = await db.auditLog.findMany({ where: { entityId: source.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(audit.map((entry) => entry.action)).toEqual([
      "comment.add",
      "comment.reply",
      "comment.reply",
      "comment.resolve",
      "comment.reopen",
    ]);
  });

  it("refuses a reply that names another version's comment", async () => {
    const editor = await makeUser("EDITOR");
    const story = await makeArticle([{ language: "fr" }, { language: "en" }]);
    const comment = await addComment(editor, { versionId: story.version("fr").id, body: "On the source." });
    expect(await refusal(addComment(editor, { versionId: story.version("en").id, body: "Elsewhere", parentId: comment.id }))).toBe(
      "notFound",
    );
    expect(await db.comment.count({ where: { versionId: story.version("en").id } })).toBe(0);
  });

  for (const role of [...ROLES, "READER" as Role]) {
    const allowed = can(role, "article.comment");
    it(`${role}: comment, reply, resolve and reopen ${allowed ? "allowed" : "refused, nothing written"}`, async () => {
      const author = await makeUser("EDITOR");
      const actor = { id: author.id, role };
      const story = await makeArticle([{ language: "fr" }]);
      const versionId = story.version("fr").id;
      const existing = await addComment(author, { versionId, body: "First." });
      const steps = [
        () => addComment(actor, { versionId, body: "Mine." }),
        () => addComment(actor, { versionId, body: "A reply.", parentId: existing.id }),
        () => resolveComment(actor, { commentId: existing.id }),
        () => reopenComment(actor, { commentId: existing.id }),
      ];
      for (const step of steps) {
        if (allowed) await step();
        else expect(await refusal(step())).toBe("forbidden");
      }
      expect(await db.comment.count({ where: { versionId } })).toBe(allowed ? 3 : 1);
      expect((await thread(existing.id)).resolvedAt).toBeNull();
    });
  }
});

describe("commentSchema", () => {
  it("takes a plain-text body and the selection's anchor, and refuses an empty body in the person's words", () => {
    expect(commentSchema.safeParse({ versionId: "v1", body: "   " }).error?.issues[0]?.message).toBe("workflow.errors.commentRequired");
    expect(commentSchema.parse({ versionId: "v1", body: " Fine ", anchorFrom: "", anchorTo: "", anchorQuote: "  " })).toEqual({
      versionId: "v1",
      body: "Fine",
      parentId: null,
      anchorFrom: null,
      anchorTo: null,
      anchorQuote: null,
    });
    expect(commentSchema.safeParse({ versionId: "v1", body: "x", anchorFrom: "-3" }).success).toBe(false);
  });
});
