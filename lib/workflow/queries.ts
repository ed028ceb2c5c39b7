// What the workflow panel shows for one language version: its state and who moved it, the
// reviewer comments and the public correction notes.
import "server-only";
import { db } from "@/lib/db";

export async function getWorkflowPanel(versionId: string) {
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
}

export type WorkflowPanelData = NonNullable<Awaited<ReturnType<typeof getWorkflowPanel>>>;

export async function getVersionHeading(versionId: string) {
  return db.articleVersion.findUnique({ where: { id: versionId }, select: { id: true, title: true, language: true } });
}
