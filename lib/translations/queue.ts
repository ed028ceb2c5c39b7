// The translation queue in SQL: one row per (article, target language) with its state —
// missing, in progress, in review, published, or outdated (the source changed after translation,
// checked block by block with the same fingerprints as staleness.ts) — filtered and paginated
// in the database.
import "server-only";
import { db } from "@/lib/db";
import { LANGUAGES } from "@/lib/i18n/languages";
import { sqlBlockHash, sqlBlockText } from "./fingerprints";

export const QUEUE_STATES = ["missing", "in_progress", "in_review", "published", "outdated"] as const;
export type QueueState = (typeof QUEUE_STATES)[number];
export const QUEUE_PAGE_SIZE = 30;

/** SQL: true when translation `t` is out of date with source `s` (both article_versions rows). */
const OUTDATED = `(
  EXISTS (
    SELECT 1 FROM jsonb_array_elements(t.body_json->'content') tb
    WHERE tb->'attrs'->>'sourceBlockId' IS NOT NULL
      AND ${sqlBlockText("tb")} <> ''
      AND coalesce(tb->'attrs'->>'sourceHash', '') <> coalesce((
        SELECT ${sqlBlockHash("sb")} FROM jsonb_array_elements(s.body_json->'content') sb
        WHERE sb->'attrs'->>'blockId' = tb->'attrs'->>'sourceBlockId' LIMIT 1), '')
  ) OR EXISTS (
    SELECT 1 FROM jsonb_array_elements(s.body_json->'content') sb
    WHERE sb->'attrs'->>'blockId' IS NOT NULL
      AND ${sqlBlockText("sb")} <> ''
      AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(t.body_json->'content') tb WHERE tb->'attrs'->>'sourceBlockId' = sb->'attrs'->>'blockId')
  ))`;

const STATE = `CASE
  WHEN t.id IS NULL THEN 'missing'
  WHEN ${OUTDATED} THEN 'outdated'
  WHEN t.status = 'PUBLISHED' THEN 'published'
  WHEN t.status IN ('IN_REVIEW', 'APPROVED') THEN 'in_review'
  ELSE 'in_progress' END`;

/** Pairs of (article, target language) with the source and the translation, when it exists. */
const PAIRS = `
  FROM articles a
  JOIN article_versions s ON s.article_id = a.id AND s.language = a.source_language
  CROSS JOIN unnest($1::text[]) AS l(language)
  LEFT JOIN article_versions t ON t.article_id = a.id AND t.language = l.language
  LEFT JOIN users u ON u.id = t.assignee_id
  WHERE l.language <> a.source_language AND s.status <> 'ARCHIVED' AND (t.id IS NULL OR t.status <> 'ARCHIVED')`;

export type QueueFilter = { language?: string; state?: QueueState; assigneeId?: string; articleId?: string };

type QueueRow = {
  article_id: string;
  source_language: string;
  language: string;
  source_title: string;
  source_status: string;
  target_id: string | null;
  target_title: string | null;
  target_status: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  assigned_at: Date | null;
  due_at: Date | null;
  updated_at: Date;
  state: QueueState;
};

function filterSql(filter: QueueFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [filter.language ? [filter.language] : [...LANGUAGES]];
  let sql = "";
  if (filter.articleId) {
    params.push(filter.articleId);
    sql += ` AND a.id = $${params.length}`;
  }
  if (filter.assigneeId) {
    params.push(filter.assigneeId);
    sql += ` AND t.assignee_id = $${params.length}`;
  }
  if (filter.state) {
    params.push(filter.state);
    sql += ` AND (${STATE}) = $${params.length}`;
  }
  return { sql, params };
}

export async function listTranslationQueue(filter: QueueFilter, page = 1) {
  const { sql, params } = filterSql(filter);
  const offset = (Math.max(1, page) - 1) * QUEUE_PAGE_SIZE;
  const [rows, counted] = await Promise.all([
    db.$queryRawUnsafe<QueueRow[]>(
      `SELECT a.id AS article_id, a.source_language, l.language, s.title AS source_title, s.status::text AS source_status,
              t.id AS target_id, t.title AS target_title, t.status::text AS target_status, t.assignee_id, u.name AS assignee_name,
              t.assigned_at, t.due_at, greatest(s.updated_at, coalesce(t.updated_at, s.updated_at)) AS updated_at,
              ${STATE} AS state
       ${PAIRS} ${sql}
       ORDER BY greatest(s.updated_at, coalesce(t.updated_at, s.updated_at)) DESC, a.id, l.language
       LIMIT ${QUEUE_PAGE_SIZE} OFFSET ${offset}`,
      ...params,
    ),
    db.$queryRawUnsafe<{ total: bigint }[]>(`SELECT count(*) AS total ${PAIRS} ${sql}`, ...params),
  ]);
  const total = Number(counted[0]?.total ?? 0);
  return {
    rows: rows.map((row) => ({
      articleId: row.article_id,
      sourceLanguage: row.source_language,
      language: row.language,
      sourceTitle: row.source_title,
      targetVersionId: row.target_id,
      targetTitle: row.target_title,
      targetStatus: row.target_status,
      assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? "" } : null,
      assignedAt: row.assigned_at,
      dueAt: row.due_at,
      updatedAt: row.updated_at,
      state: row.state,
    })),
    total,
    pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
  };
}

/** For the dashboard: translations whose source changed after they were made. */
export async function countOutdatedTranslations(language?: string): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ total: bigint }[]>(
    `SELECT count(*) AS total ${PAIRS} AND t.id IS NOT NULL AND ${OUTDATED}`,
    language ? [language] : [...LANGUAGES],
  );
  return Number(rows[0]?.total ?? 0);
}
