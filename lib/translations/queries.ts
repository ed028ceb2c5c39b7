// Admin reads of the translation workflow: the side-by-side workspace (aligned blocks with their
// state, glossary hints and memory suggestions), the glossary, pairing suggestions, the people a
// task can be assigned to, and the XLIFF export. Reads check nothing but what the page asks.
import "server-only";
import { db } from "@/lib/db";
import { sourceBlocks, targetBlocks, targetsBySource } from "./alignment";
import { blockInline } from "./inline";
import { glossaryHits, glossarySide, type GlossaryEntry } from "./glossary";
import { lookupMemory, type MemorySuggestion } from "./memory";
import { splitSentences } from "./sentences";
import { alignVersions, isOutdated } from "./staleness";
import { foldForMatching } from "./text";
import { exportXliff } from "./xliff";

export { countOutdatedTranslations, listTranslationQueue } from "./queue";

export type MemoryHint = { sentence: string; suggestions: MemorySuggestion[] };

async function glossaryFor(sourceLanguage: string, sourceText: string): Promise<GlossaryEntry[]> {
  const side = glossarySide(sourceLanguage);
  if (!side) return [];
  const folded = foldForMatching(sourceText);
  const column = side === "termFr" ? "normalized_fr" : "normalized_en";
  return db.$queryRawUnsafe<GlossaryEntry[]>(
    `SELECT id, term_fr AS "termFr", term_en AS "termEn", note FROM glossary_terms WHERE length(${column}) > 0 AND strpos($1, ${column}) > 0 ORDER BY length(${column}) DESC LIMIT 500`,
    folded,
  );
}

export async function getTranslationWorkspace(articleId: string, language: string) {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, sourceLanguage: true } });
  if (!article) return null;
  const select = {
    id: true,
    language: true,
    title: true,
    standfirst: true,
    seoDescription: true,
    bodyJson: true,
    version: true,
    status: true,
    assigneeId: true,
    assignedAt: true,
    dueAt: true,
    submittedById: true,
    embargoedUntil: true,
    assignee: { select: { name: true } },
  } as const;
  const [source, target] = await Promise.all([
    db.articleVersion.findUnique({ where: { articleId_language: { articleId, language: article.sourceLanguage } }, select }),
    db.articleVersion.findUnique({
      where: { articleId_language: { articleId, language } },
      select: {
        ...select,
        liveUpdate: {
          select: {
            id: true,
            status: true,
            version: true,
            title: true,
            standfirst: true,
            seoDescription: true,
            bodyJson: true,
            submittedById: true,
          },
        },
      },
    }),
  ]);
  if (!source) return null;
  // A published translation being brought up to date: the rows show the pending update's text.
  const update = target?.liveUpdate ?? null;
  const alignment = alignVersions(source.bodyJson, update?.bodyJson ?? target?.bodyJson ?? null);
  const sourceText = alignment.rows.map((row) => row.sourceText).join("\n");
  const entries = await glossaryFor(article.sourceLanguage, `${source.title}\n${sourceText}`);
  const sentencesPerRow = alignment.rows.map((row) => {
    const sentences = splitSentences(row.sourceText);
    return sentences.length > 1 ? [...sentences, row.sourceText] : sentences;
  });
  const memory = await lookupMemory(article.sourceLanguage, language, sentencesPerRow.flat());
  let cursor = 0;
  const rows = alignment.rows.map((row, index) => {
    const sentences = sentencesPerRow[index]!;
    const hints: MemoryHint[] = sentences
      .map((sentence, offset) => ({ sentence, suggestions: memory[cursor + offset] ?? [] }))
      .filter((hint) => hint.suggestions.length > 0);
    cursor += sentences.length;
    return { ...row, glossary: glossaryHits(entries, article.sourceLanguage, language, row.sourceText, row.targetText), memory: hints };
  });
  const strip = <T extends { bodyJson: unknown }>(version: T) => {
    const { bodyJson: _body, ...rest } = version;
    return rest;
  };
  return {
    articleId,
    sourceLanguage: article.sourceLanguage,
    language,
    source: strip(source),
    target: target ? (({ liveUpdate: _update, ...rest }) => rest)(strip(target)) : null,
    update: update ? strip(update) : null,
    rows,
    orphans: alignment.orphans,
    outdated: target ? isOutdated(alignment) : false,
    glossary: entries,
  };
}

export type TranslationWorkspace = NonNullable<Awaited<ReturnType<typeof getTranslationWorkspace>>>;

export async function getXliffExport(versionId: string): Promise<{ fileName: string; xml: string } | null> {
  const target = await db.articleVersion.findUnique({
    where: { id: versionId },
    select: { articleId: true, language: true, slug: true, bodyJson: true, article: { select: { sourceLanguage: true } } },
  });
  if (!target || target.language === target.article.sourceLanguage) return null;
  const source = await db.articleVersion.findUnique({
    where: { articleId_language: { articleId: target.articleId, language: target.article.sourceLanguage } },
    select: { version: true, bodyJson: true },
  });
  if (!source) return null;
  const bySource = targetsBySource(targetBlocks(target.bodyJson));
  const xml = exportXliff({
    articleId: target.articleId,
    sourceLanguage: target.article.sourceLanguage,
    targetLanguage: target.language,
    sourceVersion: source.version,
    units: sourceBlocks(source.bodyJson).map((block) => ({
      id: block.blockId,
      sourceHash: block.hash,
      source: blockInline(block.node),
      target: bySource.get(block.blockId)?.inline ?? [],
    })),
  });
  return { fileName: `${target.slug || target.articleId}.${target.article.sourceLanguage}-${target.language}.xlf`, xml };
}

export async function listGlossaryTerms(query = "", page = 1, pageSize = 50) {
  const folded = foldForMatching(query);
  const where = folded ? { OR: [{ normalizedFr: { contains: folded } }, { normalizedEn: { contains: folded } }] } : {};
  const [terms, total] = await Promise.all([
    db.glossaryTerm.findMany({
      where,
      orderBy: [{ normalizedFr: "asc" }, { id: "asc" }],
      skip: (Math.max(1, page) - 1) * pageSize,
      take: pageSize,
      select: { id: true, termFr: true, termEn: true, note: true, updatedAt: true },
    }),
    db.glossaryTerm.count({ where }),
  ]);
  return { terms, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export async function listPairingSuggestions(take = 50) {
  const version = { select: { language: true, title: true, storyDate: true } } as const;
  return db.pairingSuggestion.findMany({
    where: { status: "PENDING" },
    orderBy: [{ score: "desc" }, { createdAt: "desc" }],
    take,
    select: {
      id: true,
      score: true,
      reasons: true,
      articleA: { select: { id: true, versions: version } },
      articleB: { select: { id: true, versions: version } },
    },
  });
}

/** People a translation can be assigned to. */
export async function listTranslators() {
  return db.user.findMany({
    where: { active: true },
    orderBy: [{ role: "desc" }, { name: "asc" }],
    select: { id: true, name: true, role: true },
  });
}
