// Fills a separate benchmark database with N synthetic articles (default 100,000; French and
// English versions, tags, revisions), through batched `INSERT … SELECT FROM unnest(…)`, and
// reports the rate. Deterministic from --seed.
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { slugify } from "@/lib/articles/slug";
import { applyMigrations } from "@/scripts/lib/database/migrations";
import { dropDatabase, startDatabaseServer } from "@/scripts/lib/database/postgres";
import { documentFromParagraphs } from "@/lib/rich-text/document";
import { loadVocabulary, pick, seededRandom, tagDefinitions, type Rng, type Vocabulary } from "./corpus";

export const BENCH_DATABASE = "cms_bench";
/** The corpus a full run measures, unless told otherwise (`npm run bench -- --count N --seed S`). */
export const BENCH_CORPUS = { count: 100_000, seed: 42 };
// Without DATABASE_URL the benchmark runs its own embedded server (own folder and port): a demo or
// a command sharing the demo's server could stop it in the middle of a run.
export const BENCH_DATA_DIR = path.resolve(import.meta.dirname, "..", ".data", "bench-postgres");
const benchServer = {
  dataDir: BENCH_DATA_DIR,
  port: Number(process.env.BENCH_PG_PORT ?? 54339),
  database: BENCH_DATABASE,
};
const BATCH = 2000;

type Row = Record<string, unknown[]>;

function paragraphs(rng: Rng, vocabulary: Vocabulary): string[] {
  return Array.from({ length: 3 + Math.floor(rng() * 4) }, () =>
    Array.from({ length: 1 + Math.floor(rng() * 2) }, () => pick(rng, vocabulary.sentences)).join(" "),
  );
}

function title(rng: Rng, vocabulary: Vocabulary): string {
  const base = pick(rng, vocabulary.titles);
  return base.length > 110 ? `${base.slice(0, base.lastIndexOf(" ", 105))}…` : base.replace(/\.$/, "");
}

export async function generateCorpus(client: pg.Client, count: number, seed: number, log = console.log) {
  const rng = seededRandom(seed);
  const vocabulary = loadVocabulary();
  const started = Date.now();

  await client.query(
    `INSERT INTO users (id, email, name, role, password_hash, updated_at) VALUES ('bench-editor', 'bench-editor@desk.local', 'Bench Editor', 'EDITOR', 'not-a-login', now()) ON CONFLICT DO NOTHING`,
  );
  const tags = tagDefinitions();
  await client.query(
    `INSERT INTO tags (id, type, updated_at) SELECT id, type::"TagType", now() FROM unnest($1::text[], $2::text[]) AS t(id, type)`,
    [tags.map((_, n) => `bench-tag-${n}`), tags.map((tag) => tag.type)],
  );
  await client.query(
    `INSERT INTO tag_labels (id, tag_id, language, label, normalized, slug)
     SELECT id, tag_id, language, label, lower(label), slug FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(id, tag_id, language, label, slug)`,
    [
      tags.flatMap((_, n) => [`bench-tl-${n}-fr`, `bench-tl-${n}-en`]),
      tags.flatMap((_, n) => [`bench-tag-${n}`, `bench-tag-${n}`]),
      tags.flatMap(() => ["fr", "en"]),
      tags.flatMap((tag) => [tag.fr, tag.en]),
      tags.flatMap((tag, n) => [`${slugify(tag.fr)}-${n}`, `${slugify(tag.en)}-${n}`]),
    ],
  );

  const now = Date.UTC(2026, 10, 20);
  for (let offset = 0; offset < count; offset += BATCH) {
    const articles: Row = { id: [], source: [], created: [] };
    const versions: Row = {
      id: [],
      article: [],
      language: [],
      status: [],
      title: [],
      slug: [],
      standfirst: [],
      place: [],
      agency: [],
      storyDate: [],
      body: [],
      text: [],
      published: [],
      updated: [],
    };
    const revisions: Row = { id: [], version: [], number: [], snapshot: [], created: [] };
    const articleTags: Row = { article: [], tag: [] };
    for (let n = offset; n < Math.min(count, offset + BATCH); n++) {
      const articleId = `bench-a-${n}`;
      const source = rng() < 0.6 ? "fr" : "en";
      const published = new Date(now - Math.floor(rng() * 5 * 365 * 86_400_000));
      articles.id!.push(articleId);
      articles.source!.push(source);
      articles.created!.push(published);
      // Most stories exist in both languages; some translations are still missing.
      const languages = rng() < 0.85 ? ["fr", "en"] : [source];
      for (const language of languages as ("fr" | "en")[]) {
        const versionId = `bench-v-${n}-${language}`;
        const headline = title(rng, vocabulary[language]);
        const body = paragraphs(rng, vocabulary[language]);
        const status = rng() < 0.9 ? "PUBLISHED" : pick(rng, ["DRAFT", "IN_REVIEW", "APPROVED", "ARCHIVED"]);
        const doc = documentFromParagraphs(body, rng() < 0.5 ? [pick(rng, vocabulary[language].captions)].filter(Boolean) : []);
        versions.id!.push(versionId);
        versions.article!.push(articleId);
        versions.language!.push(language);
        versions.status!.push(status);
        versions.title!.push(headline);
        versions.slug!.push(`${slugify(headline).slice(0, 60)}-${n}`);
        versions.standfirst!.push(rng() < 0.5 ? pick(rng, vocabulary[language].sentences) : null);
        versions.place!.push(language === "fr" ? "Hanoï" : "Hanoi");
        versions.agency!.push(pick(rng, ["VNA", "WVR", "VNA"]));
        versions.storyDate!.push(published.toISOString().slice(0, 10));
        versions.body!.push(JSON.stringify(doc));
        versions.text!.push(body.join("\n"));
        versions.published!.push(status === "PUBLISHED" ? published : null);
        versions.updated!.push(published);
        const revisionCount = 1 + Math.floor(rng() * 2);
        for (let r = 1; r <= revisionCount; r++) {
          revisions.id!.push(`bench-r-${n}-${language}-${r}`);
          revisions.version!.push(versionId);
          revisions.number!.push(r);
          revisions.snapshot!.push(JSON.stringify({ title: headline, bodyJson: doc }));
          revisions.created!.push(published);
        }
      }
      const tagCount = 1 + Math.floor(rng() * 3);
      const chosen = new Set<number>();
      // A few tags are very common (like the minister), most are rare: a skewed draw.
      while (chosen.size < tagCount) chosen.add(Math.floor(tags.length * rng() ** 3));
      for (const tag of chosen) {
        articleTags.article!.push(articleId);
        articleTags.tag!.push(`bench-tag-${tag}`);
      }
    }
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO articles (id, source_language, created_by_id, created_at, updated_at)
       SELECT id, source, 'bench-editor', created, created FROM unnest($1::text[], $2::text[], $3::timestamp[]) AS t(id, source, created)`,
      [articles.id, articles.source, articles.created],
    );
    await client.query(
      `INSERT INTO article_versions (id, article_id, language, status, title, slug, standfirst, dateline_place, source_agency, story_date, story_date_precision, body_json, body_text, published_at, first_published_at, updated_at, created_at)
       SELECT id, article, language, status::"VersionStatus", title, slug, standfirst, place, agency, story_date, 'DAY', body::jsonb, text, published, published, updated, updated
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::timestamp[], $14::timestamp[])
         AS t(id, article, language, status, title, slug, standfirst, place, agency, story_date, body, text, published, updated)`,
      [
        versions.id,
        versions.article,
        versions.language,
        versions.status,
        versions.title,
        versions.slug,
        versions.standfirst,
        versions.place,
        versions.agency,
        versions.storyDate,
        versions.body,
        versions.text,
        versions.published,
        versions.updated,
      ],
    );
    await client.query(
      `INSERT INTO revisions (id, version_id, number, author_id, snapshot, created_at)
       SELECT id, version, number, 'bench-editor', snapshot::jsonb, created FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::timestamp[]) AS t(id, version, number, snapshot, created)`,
      [revisions.id, revisions.version, revisions.number, revisions.snapshot, revisions.created],
    );
    await client.query(
      `INSERT INTO article_tags (article_id, tag_id) SELECT article, tag FROM unnest($1::text[], $2::text[]) AS t(article, tag)`,
      [articleTags.article, articleTags.tag],
    );
    await client.query("COMMIT");
    const done = Math.min(count, offset + BATCH);
    if (done % 20_000 === 0 || done === count)
      log(`  ${done.toLocaleString("en")} articles (${Math.round(done / ((Date.now() - started) / 1000))}/s)`);
  }
  await client.query("ANALYZE");
  const seconds = (Date.now() - started) / 1000;
  return { articles: count, seconds, articlesPerSecond: Math.round(count / seconds) };
}

/** Creates (or recreates with fresh: true) the benchmark database and fills it. */
export async function prepareBenchDatabase(options: { count: number; seed: number; fresh: boolean }) {
  const server = await startDatabaseServer(benchServer);
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  const existing = await client
    .query<{ count: string }>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'articles'")
    .then(async (result) =>
      Number(result.rows[0]?.count)
        ? Number((await client.query<{ count: string }>("SELECT count(*) FROM articles WHERE id LIKE 'bench-a-%'")).rows[0]?.count)
        : 0,
    );
  let generation: Awaited<ReturnType<typeof generateCorpus>> | null = null;
  if (options.fresh || existing !== options.count) {
    await client.end();
    await dropDatabase(server.url, BENCH_DATABASE);
    const fresh = await startDatabaseServer(benchServer);
    await applyMigrations(fresh.url);
    const writer = new pg.Client({ connectionString: fresh.url });
    await writer.connect();
    console.log(`Generating ${options.count.toLocaleString("en")} articles into ${BENCH_DATABASE}…`);
    generation = await generateCorpus(writer, options.count, options.seed);
    await writer.end();
  } else {
    await client.end();
    // A corpus made before the latest migrations gets them (new columns, indexes) before it is measured.
    const { applied } = await applyMigrations(server.url);
    if (applied.length > 0) {
      // Fresh statistics for new columns and indexes, and a visibility map for index-only scans after
      // a migration that rewrote a table, as a deployment runs after migrating.
      const analyzer = new pg.Client({ connectionString: server.url });
      await analyzer.connect();
      await analyzer.query("VACUUM ANALYZE");
      await analyzer.end();
    }
    console.log(`Reusing ${BENCH_DATABASE} (${existing.toLocaleString("en")} articles).`);
  }
  return { server, generation };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      count: { type: "string", default: "100000" },
      seed: { type: "string", default: "42" },
      fresh: { type: "boolean", default: false },
    },
  });
  const { server, generation } = await prepareBenchDatabase({
    count: Number(values.count),
    seed: Number(values.seed),
    fresh: values.fresh,
  });
  if (generation)
    console.log(`Generated ${generation.articles} articles in ${generation.seconds.toFixed(1)} s (${generation.articlesPerSecond}/s).`);
  await server.stop();
  process.exit(0);
}
