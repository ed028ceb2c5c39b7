"use server";
// The desk shares and revokes preview links of one version. Whoever may edit a translation may share
// its preview; the source language's version asks for article.edit.
import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, type ActionContext } from "@/lib/action";
import { userCan } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Refusal } from "@/lib/refusal";
import { createPreviewLink as createLink, revokePreviewLink as revokeLink } from "./links";

const ids = { versionId: z.string().min(1).max(64) };

/** The version exists and this person may share it; its article, to refresh the editor's pages. */
async function sharableVersion(versionId: string, { user }: ActionContext) {
  const version = await db.articleVersion.findUnique({
    where: { id: versionId },
    select: { articleId: true, language: true, article: { select: { sourceLanguage: true } } },
  });
  if (!version) throw new Refusal("errors.preview.versionNotFound");
  if (version.language === version.article.sourceLanguage && !userCan(user, "article.edit")) throw new Refusal("errors.forbidden");
  return version;
}

function refreshEditors(versionId: string, version: { articleId: string; language: string }) {
  revalidatePath(`/admin/articles/${versionId}`);
  revalidatePath(`/admin/translations/${version.articleId}/${version.language}`);
}

export const createPreviewLink = defineAction({
  permission: "translation.edit",
  schema: z.object(ids),
  async run({ versionId }, context) {
    const version = await sharableVersion(versionId, context);
    const link = await createLink(versionId, context.user.id, context.ip);
    refreshEditors(versionId, version);
    return { message: "previewLinkCreated", data: { token: link.token, expiresAt: link.expiresAt.toISOString() } };
  },
});

export const revokePreviewLink = defineAction({
  permission: "translation.edit",
  schema: z.object({ ...ids, linkId: z.string().min(1).max(64) }),
  async run({ versionId, linkId }, context) {
    const version = await sharableVersion(versionId, context);
    if (!(await revokeLink(versionId, linkId, context.user.id, context.ip))) throw new Refusal("errors.preview.notActive");
    refreshEditors(versionId, version);
    return "previewLinkRevoked";
  },
});
