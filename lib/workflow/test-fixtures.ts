// Data makers for the workflow and article-list integration tests: fresh users and stories with
// unique names, so test files running in parallel on one database never see each other's rows.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Role, VersionStatus } from "@/lib/generated/prisma/enums";
import { documentFromParagraphs } from "@/lib/rich-text/document";

export function uniqueWord(prefix = "w"): string {
  return `${prefix}${randomUUID().replace(/-/g, "").slice(0, 10)}`;
}

export async function makeUser(role: Role) {
  const tag = uniqueWord(role.toLowerCase());
  return db.user.create({
    data: { email: `${tag}@desk.test`, name: `Test ${role} ${tag}`, role, passwordHash: "not-a-real-hash" },
    select: { id: true, role: true, name: true },
  });
}

type VersionSpec = {
  language: string;
  status?: VersionStatus;
  title?: string;
  body?: string;
  submittedById?: string | null;
  scheduledAt?: Date | null;
  publishedAt?: Date | null;
  assigneeId?: string | null;
};

/** A story with one version per spec; the first spec's language is the source language. */
export async function makeArticle(specs: VersionSpec[], createdById?: string) {
  const first = specs[0];
  if (!first) throw new Error("makeArticle needs at least one version");
  const article = await db.article.create({
    data: {
      sourceLanguage: first.language,
      createdById: createdById ?? null,
      versions: {
        create: specs.map((spec) => {
          const title = spec.title ?? `Story ${uniqueWord()}`;
          const body = spec.body ?? `Body of ${title}.`;
          return {
            language: spec.language,
            status: spec.status ?? "DRAFT",
            title,
            slug: `${uniqueWord("s")}-${spec.language}`,
            bodyJson: documentFromParagraphs([body]),
            bodyText: body,
            submittedById: spec.submittedById ?? null,
            scheduledAt: spec.scheduledAt ?? null,
            publishedAt: spec.publishedAt ?? (spec.status === "PUBLISHED" ? new Date() : null),
            assigneeId: spec.assigneeId ?? null,
          };
        }),
      },
    },
    select: { id: true, versions: { select: { id: true, language: true, version: true, title: true } } },
  });
  const byLanguage = (language: string) => {
    const found = article.versions.find((version) => version.language === language);
    if (!found) throw new Error(`no ${language} version`);
    return found;
  };
  return { articleId: article.id, versions: article.versions, version: byLanguage };
}
