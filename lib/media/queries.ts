// Server-only reads of the media library: the paginated, searchable list, one asset with where it
// is used, choices for pickers, and the image data public pages render (lead image, figures).
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ListSort, SortColumns } from "@/lib/list-sort";
import { getMediaStorage } from "./storage";
import { parseVariants, type StoredVariant } from "./variants";

export const MEDIA_PAGE_SIZE = 24;
export type MediaUseFilter = "all" | "used" | "unused";

/** The library's sortable columns (newest upload first by default) and the direction each opens in. */
export const MEDIA_SORT_COLUMNS = { uploaded: "desc", credit: "asc" } as const satisfies SortColumns<string>;
export type MediaSort = keyof typeof MEDIA_SORT_COLUMNS;
export const DEFAULT_MEDIA_SORT: MediaSort = "uploaded";

/** The ORDER BY of each sort; the direction is one of two fixed words, never text from the URL. */
function mediaOrder({ sort, dir }: ListSort<MediaSort>): Prisma.Sql {
  const direction = Prisma.raw(dir === "asc" ? "ASC" : "DESC");
  if (sort === "credit") return Prisma.sql`lower(coalesce(a.credit, '')) ${direction}, a.created_at DESC, a.id`;
  return Prisma.sql`a.created_at ${direction}, a.id`;
}

/** `%…%` LIKE pattern matching the text literally (its own % and _ are escaped). */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * One page of the library, newest first unless sorted otherwise. The search matches captions, alt text, credit, source
 * and copyright, ignoring case and accents ("hanoi" finds "Hà Nội"); filtering and paging run in SQL.
 */
export async function listMediaAssets(options: {
  query?: string;
  use?: MediaUseFilter;
  page?: number;
  pageSize?: number;
  sort?: ListSort<MediaSort>;
}) {
  const pageSize = options.pageSize ?? MEDIA_PAGE_SIZE;
  const page = Math.max(1, options.page ?? 1);
  const query = (options.query ?? "").trim().slice(0, 200);
  const conditions: Prisma.Sql[] = [];
  if (query) {
    const pattern = containsPattern(query);
    const matches = (column: Prisma.Sql) =>
      Prisma.sql`immutable_unaccent(lower(coalesce(${column}, ''))) LIKE immutable_unaccent(lower(${pattern}))`;
    conditions.push(Prisma.sql`(${matches(Prisma.sql`a.credit`)} OR ${matches(Prisma.sql`a.source`)} OR ${matches(Prisma.sql`a.copyright`)}
      OR EXISTS (SELECT 1 FROM media_texts t WHERE t.asset_id = a.id AND (${matches(Prisma.sql`t.caption`)} OR ${matches(Prisma.sql`t.alt`)})))`);
  }
  const used = Prisma.sql`(EXISTS (SELECT 1 FROM media_usages u WHERE u.asset_id = a.id) OR EXISTS (SELECT 1 FROM articles ar WHERE ar.lead_image_id = a.id))`;
  if (options.use === "used") conditions.push(used);
  if (options.use === "unused") conditions.push(Prisma.sql`NOT ${used}`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;

  const [rows, counted] = await Promise.all([
    db.$queryRaw<
      { id: string }[]
    >`SELECT a.id FROM media_assets a ${where} ORDER BY ${mediaOrder(options.sort ?? { sort: DEFAULT_MEDIA_SORT, dir: "desc" })} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM media_assets a ${where}`,
  ]);
  const total = Number(counted[0]?.total ?? 0);
  const ids = rows.map((row) => row.id);
  const assets = ids.length
    ? await db.mediaAsset.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          width: true,
          height: true,
          credit: true,
          variants: true,
          createdAt: true,
          texts: { select: { language: true, alt: true, caption: true } },
          _count: { select: { usages: true, leadOf: true } },
        },
      })
    : [];
  const byId = new Map(assets.map((asset) => [asset.id, asset]));
  const items = ids.flatMap((id) => {
    const asset = byId.get(id);
    if (!asset) return [];
    return [
      {
        id: asset.id,
        width: asset.width,
        height: asset.height,
        credit: asset.credit,
        createdAt: asset.createdAt,
        thumbnail: thumbnailOf(asset.variants),
        texts: Object.fromEntries(asset.texts.map((text) => [text.language, { alt: text.alt, caption: text.caption }])) as Record<
          string,
          { alt: string; caption: string } | undefined
        >,
        used: asset._count.usages + asset._count.leadOf > 0,
      },
    ];
  });
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export type MediaListItem = Awaited<ReturnType<typeof listMediaAssets>>["items"][number];

/** The smallest WebP copy, for lists and pickers. */
function thumbnailOf(variants: unknown): { url: string; width: number; height: number } | null {
  const smallest = parseVariants(variants).find((variant) => variant.format === "webp");
  return smallest ? { url: getMediaStorage().url(smallest.key), width: smallest.width, height: smallest.height } : null;
}

/**
 * Versions whose body has a figure showing the asset, read from the bodies themselves, so a body
 * saved without syncInlineUsages still counts. A scan: for one asset's page or a rare delete.
 */
export async function listVersionIdsShowingInline(assetId: string, client: Pick<typeof db, "$queryRaw"> = db): Promise<string[]> {
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT id FROM article_versions
    WHERE jsonb_path_exists(body_json, '$.** ? (@.type == "figure" && @.attrs.assetId == $id)', jsonb_build_object('id', ${assetId}::text))`;
  return rows.map((row) => row.id);
}

/** One asset for its edit page: details, texts and every version that shows it. */
export async function getMediaAsset(id: string) {
  const asset = await db.mediaAsset.findUnique({
    where: { id },
    select: {
      id: true,
      storageKey: true,
      mimeType: true,
      byteSize: true,
      width: true,
      height: true,
      credit: true,
      source: true,
      copyright: true,
      takenAt: true,
      variants: true,
      createdAt: true,
      updatedAt: true,
      uploadedBy: { select: { name: true } },
      texts: { select: { language: true, alt: true, caption: true } },
      usages: {
        select: { role: true, articleVersion: { select: { id: true, articleId: true, language: true, title: true, status: true } } },
      },
      leadOf: { select: { versions: { select: { id: true, articleId: true, language: true, title: true, status: true } } } },
    },
  });
  if (!asset) return null;
  const storage = getMediaStorage();
  const usages = new Map<string, { role: string; versionId: string; articleId: string; language: string; title: string; status: string }>();
  const addUsage = (role: string, version: { id: string; articleId: string; language: string; title: string; status: string }) =>
    usages.set(`${role}:${version.id}`, {
      role,
      versionId: version.id,
      articleId: version.articleId,
      language: version.language,
      title: version.title,
      status: version.status,
    });
  for (const usage of asset.usages) addUsage(usage.role, usage.articleVersion);
  for (const article of asset.leadOf) for (const version of article.versions) addUsage("LEAD", version);
  const inlineIds = (await listVersionIdsShowingInline(id)).filter((versionId) => !usages.has(`INLINE:${versionId}`));
  if (inlineIds.length) {
    const versions = await db.articleVersion.findMany({
      where: { id: { in: inlineIds } },
      select: { id: true, articleId: true, language: true, title: true, status: true },
    });
    for (const version of versions) addUsage("INLINE", version);
  }
  return {
    id: asset.id,
    mimeType: asset.mimeType,
    byteSize: asset.byteSize,
    width: asset.width,
    height: asset.height,
    credit: asset.credit,
    source: asset.source,
    copyright: asset.copyright,
    takenAt: asset.takenAt,
    createdAt: asset.createdAt,
    updatedAt: asset.updatedAt,
    uploadedBy: asset.uploadedBy?.name ?? null,
    originalUrl: storage.url(asset.storageKey),
    preview: thumbnailOf(asset.variants),
    variants: parseVariants(asset.variants).map((variant) => ({
      format: variant.format,
      width: variant.width,
      height: variant.height,
      bytes: variant.bytes,
      url: storage.url(variant.key),
    })),
    texts: Object.fromEntries(asset.texts.map((text) => [text.language, { alt: text.alt, caption: text.caption }])) as Record<
      string,
      { alt: string; caption: string } | undefined
    >,
    usages: [...usages.values()].sort((a, b) => a.title.localeCompare(b.title) || a.language.localeCompare(b.language)),
  };
}

/** Recent (or matching) assets for a picker: id, thumbnail and the text that identifies them. */
export async function listMediaChoices(options: { query?: string; language?: string; take?: number } = {}) {
  const { items } = await listMediaAssets({ query: options.query, page: 1, pageSize: options.take ?? 12 });
  return items.map((item) => {
    const text = (options.language ? item.texts[options.language] : undefined) ?? Object.values(item.texts).find(Boolean);
    return { id: item.id, thumbnail: item.thumbnail, alt: text?.alt ?? "", caption: text?.caption ?? "", credit: item.credit };
  });
}

export type MediaChoice = Awaited<ReturnType<typeof listMediaChoices>>[number];

/** What the public components need to render one picture in one language. */
export type ResponsiveImageData = {
  assetId: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string | null;
  /** Per format, `url widthw` pairs, narrowest first. */
  sources: { avif: { url: string; width: number }[]; webp: { url: string; width: number }[] };
  /** A mid-sized WebP for browsers that ignore `<source>`. */
  fallback: { url: string; width: number; height: number };
  /** For og:image and JSON-LD: the largest WebP copy (path relative to the site). */
  shareImage: { url: string; width: number; height: number };
};

function toResponsive(asset: {
  id: string;
  width: number;
  height: number;
  credit: string | null;
  variants: unknown;
  texts: { alt: string; caption: string }[];
}): ResponsiveImageData | null {
  const storage = getMediaStorage();
  const variants = parseVariants(asset.variants);
  const of = (format: StoredVariant["format"]) => variants.filter((variant) => variant.format === format);
  const webp = of("webp");
  const largest = webp[webp.length - 1];
  if (!largest) return null;
  const fallback = webp.find((variant) => variant.width >= 800) ?? largest;
  const text = asset.texts[0];
  return {
    assetId: asset.id,
    width: largest.width,
    height: largest.height,
    alt: text?.alt ?? "",
    caption: text?.caption ?? "",
    credit: asset.credit,
    sources: {
      avif: of("avif").map((variant) => ({ url: storage.url(variant.key), width: variant.width })),
      webp: webp.map((variant) => ({ url: storage.url(variant.key), width: variant.width })),
    },
    fallback: { url: storage.url(fallback.key), width: fallback.width, height: fallback.height },
    shareImage: { url: storage.url(largest.key), width: largest.width, height: largest.height },
  };
}

const responsiveSelect = (language: string) =>
  ({
    id: true,
    width: true,
    height: true,
    credit: true,
    variants: true,
    texts: { where: { language }, select: { alt: true, caption: true } },
  }) satisfies Prisma.MediaAssetSelect;

/** An article's lead image with the alt text and caption of one language (null without one). */
export async function getLeadImageForArticle(articleId: string, language: string): Promise<ResponsiveImageData | null> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { leadImage: { select: responsiveSelect(language) } } });
  return article?.leadImage ? toResponsive(article.leadImage) : null;
}

/** Images of inline figures, by asset id, in one language (for rendering a body's figures). */
export async function getImagesForFigures(assetIds: string[], language: string): Promise<Map<string, ResponsiveImageData>> {
  if (assetIds.length === 0) return new Map();
  const assets = await db.mediaAsset.findMany({ where: { id: { in: assetIds } }, select: responsiveSelect(language) });
  return new Map(
    assets.flatMap((asset) => {
      const image = toResponsive(asset);
      return image ? [[asset.id, image] as const] : [];
    }),
  );
}

/** One asset as a picker shows it (the current lead image, which may not be among the recent ones). */
export async function getMediaChoice(id: string, language?: string): Promise<MediaChoice | null> {
  const asset = await db.mediaAsset.findUnique({
    where: { id },
    select: { id: true, credit: true, variants: true, texts: { select: { language: true, alt: true, caption: true } } },
  });
  if (!asset) return null;
  const text = asset.texts.find((entry) => entry.language === language) ?? asset.texts[0];
  return { id: asset.id, thumbnail: thumbnailOf(asset.variants), alt: text?.alt ?? "", caption: text?.caption ?? "", credit: asset.credit };
}
