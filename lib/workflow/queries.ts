// What the workflow panel shows for one language version: its state and who moved it, the
// reviewer comments and the public correction notes.
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";

/** Read once per request: the editor page and its two panels (details, comments) each ask for it. */
export const getWorkflowPanel = cache(async (versionId: string) => {
  const version = await db.articleVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true,
      articleId: true,
      language: true,
      title: true,
      status: true,
      version: true,
      scheduledAt: true,
      embargoedUntil: true,
      publishedAt: true,
      firstPublishedAt: true,
      submittedById: true,
      submittedBy: { select: { name: true } },
      approvedBy: { select: { name: true } },
      assignee: { select: { name: true } },
      article: { select: { sourceLanguage: true } },
      comments: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 200,
        select: {
          id: true,
          body: true,
          anchorBlockId: true,
          anchorQuote: true,
          resolvedAt: true,
          createdAt: true,
          author: { select: { name: true } },
        },
      },
      corrections: {
        orderBy: [{ correctedAt: "desc" }, { id: "asc" }],
        select: { id: true, body: true, correctedAt: true, author: { select: { name: true } } },
      },
    },
  });
  return version;
});

export type WorkflowPanelData = NonNullable<Awaited<ReturnType<typeof getWorkflowPanel>>>;

export async function getVersionHeading(versionId: string) {
  return db.articleVersion.findUnique({ where: { id: versionId }, select: { id: true, title: true, language: true } });
}

/** A comment thread as the editors show it: the first comment with its passage, then its replies. */
export type CommentThreadView = {
  id: string;
  versionId: string;
  body: string;
  author: string | null;
  createdAt: string;
  resolved: boolean;
  anchor: { blockId: string | null; from: number | null; to: number | null; quote: string | null };
  replies: { id: string; body: string; author: string | null; createdAt: string }[];
};

/** The comment threads of some versions (an article's, or a translation's and its source's), oldest first. */
export async function listCommentThreads(versionIds: string[]): Promise<CommentThreadView[]> {
  const rows = await db.comment.findMany({
    where: { versionId: { in: versionIds }, parentId: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 300,
    select: {
      id: true,
      versionId: true,
      body: true,
      createdAt: true,
      resolvedAt: true,
      anchorBlockId: true,
      anchorFrom: true,
      anchorTo: true,
      anchorQuote: true,
      author: { select: { name: true } },
      replies: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    versionId: row.versionId,
    body: row.body,
    author: row.author?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    resolved: row.resolvedAt !== null,
    anchor: { blockId: row.anchorBlockId, from: row.anchorFrom, to: row.anchorTo, quote: row.anchorQuote },
    replies: row.replies.map((reply) => ({
      id: reply.id,
      body: reply.body,
      author: reply.author?.name ?? null,
      createdAt: reply.createdAt.toISOString(),
    })),
  }));
}
