// Published content for the reader-site journeys, written straight into the database the app under
// test uses (the workflow's own UI is tested elsewhere), then announced the way the app announces
// its writes: a signed POST to /api/internal/revalidate, which takes the public-change fast path (lib/public-change/after-commit.ts).
import { randomBytes, randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { documentFromParagraphs, parseDocument } from "../lib/rich-text/document";
import { SIGNATURE_HEADER, signRevalidation, TIMESTAMP_HEADER } from "../lib/public-change/revalidate-signature";
import { queryDatabase } from "./helpers";

export function uniqueToken(): string {
  return Array.from(randomBytes(8), (byte) => String.fromCharCode(97 + (byte % 26))).join("");
}

export type VersionFixture = {
  language: "fr" | "en";
  status?: "DRAFT" | "IN_REVIEW" | "APPROVED" | "PUBLISHED" | "UNPUBLISHED" | "ARCHIVED";
  title: string;
  slug: string;
  standfirst?: string;
  paragraphs: string[];
  captions?: { text: string; credit: string | null }[];
  publishedAt?: Date | null;
  scheduledAt?: Date | null;
};

export async function insertStory(versions: VersionFixture[], options: { tagIds?: string[]; sourceLanguage?: string } = {}) {
  const articleId = `e2e-${randomUUID()}`;
  await queryDatabase(`INSERT INTO articles (id, source_language, updated_at) VALUES ($1, $2, now() AT TIME ZONE 'UTC')`, [
    articleId,
    options.sourceLanguage ?? versions[0]?.language ?? "fr",
  ]);
  const versionIds: Record<string, string> = {};
  for (const version of versions) {
    const parsed = parseDocument(documentFromParagraphs(version.paragraphs, version.captions ?? []));
    if (!parsed.ok) throw new Error(parsed.error);
    const status = version.status ?? "PUBLISHED";
    const publishedAt =
      version.publishedAt !== undefined ? version.publishedAt : status === "PUBLISHED" ? new Date(Date.now() - 60_000) : null;
    const id = `e2e-${randomUUID()}`;
    versionIds[version.language] = id;
    await queryDatabase(
      `INSERT INTO article_versions (id, article_id, language, status, title, slug, standfirst, dateline_place, source_agency, body_json, body_text,
                                     published_at, first_published_at, scheduled_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'Hanoï', 'VNA', $8, $9, $10, $10, $11, coalesce($10, now() AT TIME ZONE 'UTC'))`,
      // ISO strings: the columns hold UTC wall time, whatever this process's time zone.
      [
        id,
        articleId,
        version.language,
        status,
        version.title,
        version.slug,
        version.standfirst ?? null,
        JSON.stringify(parsed.doc),
        parsed.text,
        publishedAt?.toISOString() ?? null,
        version.scheduledAt?.toISOString() ?? null,
      ],
    );
  }
  for (const tagId of options.tagIds ?? [])
    await queryDatabase(`INSERT INTO article_tags (article_id, tag_id) VALUES ($1, $2)`, [articleId, tagId]);
  return { articleId, versionIds };
}

export async function insertTag(labels: { fr: string; en: string }) {
  const tagId = `e2e-${randomUUID()}`;
  const token = uniqueToken();
  await queryDatabase(`INSERT INTO tags (id, type, updated_at) VALUES ($1, 'TOPIC', now() AT TIME ZONE 'UTC')`, [tagId]);
  const slugs = {
    fr: `${labels.fr.toLowerCase().replace(/[^a-z]+/g, "-")}-${token}`,
    en: `${labels.en.toLowerCase().replace(/[^a-z]+/g, "-")}-${token}`,
  };
  for (const language of ["fr", "en"] as const) {
    await queryDatabase(`INSERT INTO tag_labels (id, tag_id, language, label, normalized, slug) VALUES ($1, $2, $3, $4, $5, $6)`, [
      `e2e-${randomUUID()}`,
      tagId,
      language,
      labels[language],
      `${labels[language].toLowerCase()} ${token}`,
      slugs[language],
    ]);
  }
  return { tagId, slugs };
}

/** What the workflow and the scheduler do after a change readers can see. */
export async function announceChange(
  request: APIRequestContext,
  change: { articleIds?: string[]; languages?: string[]; tagIds?: string[] },
) {
  const body = JSON.stringify(change);
  const timestamp = Date.now();
  const response = await request.post("/api/internal/revalidate", {
    data: body,
    headers: {
      "content-type": "application/json",
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signRevalidation(body, timestamp),
    },
  });
  if (!response.ok()) throw new Error(`revalidate answered ${response.status()}`);
}
