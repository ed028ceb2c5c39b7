// One published language version as an IPTC ninjs 2.2 document (lib/api/ninjs-schema_2.2.json, the
// official schema, validates every document in lib/api/ninjs.test.ts). Pure: it maps what the content
// API already answers, so ninjs can never show more than the API does (published versions only).
import type { Locale } from "@/lib/i18n/routing";
import { absoluteUrl, paths } from "@/lib/public/site";
import { apiPaths } from "./paths";
import type { ApiArticle, ApiPhoto, ApiTag } from "./queries";

export const NINJS_VERSION = "2.2";
export const NINJS_SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json";

type Text = { role: string; contenttype: string; value: string };
type Concept = { name: string; rel?: string; role?: string; uri?: string; literal?: string };
type Rendition = { name: string; href: string; contenttype: string; width?: number; height?: number };

/** The subset of ninjs 2.2 this project writes; the schema allows much more. */
export type NinjsDocument = {
  uri: string;
  type: "text" | "picture";
  representationtype: "full" | "partial";
  standard?: { name: "ninjs"; version: string; schema: string };
  pubstatus?: "usable";
  firstcreated?: string;
  versioncreated?: string;
  language?: string;
  slugline?: string;
  located?: string;
  by?: string;
  headlines?: Text[];
  descriptions?: Text[];
  bodies?: (Text & { charcount: number; wordcount: number })[];
  subjects?: Concept[];
  people?: Concept[];
  organisations?: Concept[];
  places?: Concept[];
  events?: Concept[];
  infosources?: Concept[];
  renditions?: Rendition[];
  associations?: (NinjsDocument & { name: string })[];
};

/** ninjs 2.2 has one array per kind of concept; a TOPIC is a plain subject. */
const CONCEPT_ARRAY: Record<string, "people" | "organisations" | "places" | "subjects" | "events"> = {
  PERSON: "people",
  ORGANISATION: "organisations",
  PLACE: "places",
  TOPIC: "subjects",
  EVENT: "events",
};

/** IPTC's Content Production Party Role for the agency the story came from (ninjs wants a uri). */
const CONTENT_SOURCE_ROLE = "http://cv.iptc.org/newscodes/contentprodpartyrole/contentSource";

const IMAGE_TYPES: Record<string, string> = { avif: "image/avif", webp: "image/webp" };

function plain(role: string, value: string): Text {
  return { role, contenttype: "text/plain", value };
}

/** A tag as a concept: its reader page as uri, its id (stable across languages) as literal. */
function concept(tag: ApiTag, language: Locale): Concept {
  return { name: tag.label, rel: "about", uri: absoluteUrl(paths.tag(language, tag.slug)), literal: tag.id };
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function featureImage(photo: ApiPhoto, language: string): NinjsDocument & { name: string } {
  const text = photo.texts.find((candidate) => candidate.language === language);
  const descriptions = [...(text?.alt ? [plain("alt", text.alt)] : []), ...(text?.caption ? [plain("caption", text.caption)] : [])];
  return {
    name: "featureimage",
    uri: absoluteUrl(apiPaths.photo(photo.id)),
    type: "picture",
    representationtype: "full",
    language,
    ...(photo.credit ? { by: photo.credit } : {}),
    ...(descriptions.length ? { descriptions } : {}),
    renditions: photo.derivatives.map((derivative) => ({
      name: `${derivative.format}-${derivative.width}`,
      href: derivative.url,
      contenttype: IMAGE_TYPES[derivative.format] ?? "application/octet-stream",
      width: derivative.width,
      height: derivative.height,
    })),
  };
}

/**
 * The document's uri is the version's own address in the content API (links.api), the same one its
 * translations carry, so a partner can follow a translation association to the other document.
 */
export function toNinjs(article: ApiArticle): NinjsDocument {
  const language = article.language as Locale;
  const concepts: Pick<NinjsDocument, "people" | "organisations" | "places" | "subjects" | "events"> = {};
  for (const tag of article.tags) {
    const key = CONCEPT_ARRAY[tag.type] ?? "subjects";
    (concepts[key] ??= []).push(concept(tag, language));
  }
  if (article.datelinePlace) (concepts.places ??= []).unshift({ name: article.datelinePlace, rel: "dateline" });
  const descriptions = [
    ...(article.standfirst ? [plain("summary", article.standfirst)] : []),
    ...(article.seoDescription ? [plain("seo", article.seoDescription)] : []),
  ];
  const associations = [
    ...(article.leadPhoto ? [featureImage(article.leadPhoto, language)] : []),
    // ninjs 2.2 has no translation field and an association has no rel: its name says what it is.
    ...article.translations.map((translation) => ({
      name: "translation",
      uri: translation.links.api,
      type: "text" as const,
      representationtype: "partial" as const,
      language: translation.language,
      slugline: translation.slug,
      headlines: [plain("main", translation.title)],
      renditions: [
        { name: "web", href: translation.links.url, contenttype: "text/html" },
        { name: "ninjs", href: absoluteUrl(apiPaths.ninjs(article.id, translation.language)), contenttype: "application/json" },
      ],
    })),
  ];
  return {
    uri: article.links.api,
    type: "text",
    representationtype: "full",
    standard: { name: "ninjs", version: NINJS_VERSION, schema: NINJS_SCHEMA_URI },
    pubstatus: "usable",
    firstcreated: article.firstPublishedAt,
    versioncreated: article.updatedAt,
    language: article.language,
    slugline: article.slug,
    ...(article.datelinePlace ? { located: article.datelinePlace } : {}),
    headlines: [plain("main", article.title)],
    ...(descriptions.length ? { descriptions } : {}),
    bodies: [
      {
        role: "main",
        contenttype: "text/html",
        value: article.bodyHtml,
        charcount: article.bodyText.length,
        wordcount: countWords(article.bodyText),
      },
    ],
    ...concepts,
    ...(article.sourceAgency ? { infosources: [{ name: article.sourceAgency, role: CONTENT_SOURCE_ROLE }] } : {}),
    renditions: [{ name: "web", href: article.links.url, contenttype: "text/html" }],
    ...(associations.length ? { associations } : {}),
  };
}
