// The content API's contract: the zod schemas each handler validates its query with, and the shapes
// it answers. lib/api/openapi.ts builds /api/v1/openapi.json from these very schemas, so the document
// cannot drift from what the handlers accept and return.
import { z } from "zod";
import { LANGUAGES } from "@/lib/i18n/languages";

export const API_PAGE_SIZE = 20;
export const API_MAX_PAGE_SIZE = 100;

export const languageSchema = z.enum(LANGUAGES).meta({ description: "A language of the reader site.", example: "fr" });

const isoDate = z.iso.datetime({ offset: true }).meta({ description: "An ISO 8601 date and time.", example: "2026-12-01T08:00:00Z" });

export const listArticlesQuery = z
  .object({
    lang: languageSchema,
    cursor: z.string().max(200).optional().meta({ description: "The `nextCursor` of the previous page." }),
    limit: z.coerce.number().int().min(1).max(API_MAX_PAGE_SIZE).default(API_PAGE_SIZE).meta({ description: "Articles per page." }),
    tag: z.string().max(200).optional().meta({ description: "Only articles with this tag (its id, or its slug in `lang`)." }),
    since: isoDate.optional().meta({ description: "Only articles published at or after this time." }),
    updatedSince: isoDate.optional().meta({ description: "Only articles changed at or after this time (mirroring)." }),
    q: z.string().max(200).optional().meta({ description: "Full-text search in `lang` (the newest 1,000 matches)." }),
  })
  .strict();

export const articleQuery = z
  .object({ lang: languageSchema.optional().meta({ description: "The version's language; the source language when absent." }) })
  .strict();
export const articleIdParams = z.object({
  id: z.string().min(1).max(64).meta({ description: "The article's id (the same in every language)." }),
});
export const articleSlugParams = z.object({ lang: languageSchema, slug: z.string().min(1).max(200) });
export const tagsQuery = z.object({ lang: languageSchema }).strict();
export const photoParams = z.object({ id: z.string().min(1).max(64) });

const link = z.object({
  url: z.url().meta({ description: "The reader page." }),
  api: z.url().meta({ description: "This resource in the API." }),
});

export const tagSchema = z
  .object({
    id: z.string(),
    type: z.string().meta({ description: "PERSON, ORGANISATION, PLACE, TOPIC or EVENT." }),
    label: z.string(),
    slug: z.string(),
  })
  .meta({ id: "Tag" });

export const photoDerivativeSchema = z
  .object({ url: z.url(), width: z.int(), height: z.int(), format: z.enum(["avif", "webp"]) })
  .meta({ id: "PhotoDerivative" });

export const photoSchema = z
  .object({
    id: z.string(),
    width: z.int(),
    height: z.int(),
    credit: z.string().nullable(),
    texts: z
      .array(z.object({ language: z.string(), alt: z.string(), caption: z.string() }))
      .meta({ description: "Alt text and caption per language." }),
    derivatives: z.array(photoDerivativeSchema).meta({ description: "Resized copies, narrowest first." }),
  })
  .meta({ id: "Photo" });

export const articleSummarySchema = z
  .object({
    id: z.string().meta({ description: "The article's id, the same in every language." }),
    versionId: z.string(),
    language: z.string(),
    slug: z.string(),
    title: z.string(),
    standfirst: z.string().nullable(),
    datelinePlace: z.string().nullable(),
    publishedAt: isoDate,
    updatedAt: isoDate,
    links: link,
  })
  .meta({ id: "ArticleSummary" });

export const translationLinkSchema = z
  .object({ language: z.string(), slug: z.string(), title: z.string(), links: link })
  .meta({ id: "TranslationLink" });

export const articleSchema = articleSummarySchema
  .extend({
    sourceLanguage: z.string(),
    sourceAgency: z.string().nullable(),
    storyDate: z.string().nullable().meta({ description: "The story's own date as the wire gave it: YYYY-MM-DD, YYYY-MM or YYYY." }),
    firstPublishedAt: isoDate,
    seoDescription: z.string().nullable(),
    bodyHtml: z.string().meta({ description: "The body as the reader site renders it (sanitised HTML)." }),
    bodyText: z.string(),
    corrections: z.array(z.object({ body: z.string(), correctedAt: isoDate })),
    tags: z.array(tagSchema),
    leadPhoto: photoSchema.nullable(),
    translations: z.array(translationLinkSchema).meta({ description: "The same story published in other languages." }),
  })
  .meta({ id: "Article" });

export const articleListSchema = z
  .object({
    data: z.array(articleSummarySchema),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }),
  })
  .meta({ id: "ArticleList" });

export const tagListSchema = z.object({ data: z.array(tagSchema) }).meta({ id: "TagList" });

/** Described, not restated: the official schema (lib/api/ninjs-schema_2.2.json) is the contract. */
export const ninjsSchema = z.looseObject({ uri: z.url(), type: z.literal("text"), language: z.string() }).meta({
  id: "Ninjs",
  description:
    "An IPTC ninjs 2.2 document (http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json): headlines, bodies (HTML), descriptions, people/organisations/places/subjects/events from the tags, the dateline in places and located, the agency in infosources, the lead photo as the association named `featureimage` and each other published language as an association named `translation`.",
});

export const errorSchema = z
  .object({ error: z.object({ code: z.string().meta({ example: "unauthorized" }), message: z.string() }) })
  .meta({ id: "Error" });
