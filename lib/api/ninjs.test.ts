// ninjs against a real PostgreSQL and the official IPTC ninjs 2.2 schema: a published bilingual story
// with a tag of each type, a dateline, an agency and a lead photo gives, in each language, a document
// the schema accepts and that carries each field; a draft gives none; the route answers it with an
// ETag and 304. The OpenAPI document with the ninjs path still passes the OpenAPI 3.1 validator.
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { TagType } from "@/lib/generated/prisma/enums";
import { createStory, uniqueWord } from "@/test/fixtures/public";
import { makeUser } from "@/test/fixtures/workflow";
import { createApiKey } from "./keys";
import ninjsSchema from "./ninjs-schema_2.2.json";
import { toNinjs, type NinjsDocument } from "./ninjs";
import { openApiDocument } from "./openapi";
import { getApiArticle } from "./queries";

// Next's data cache exists only inside a Next server: the route reads straight from the database here
// (the same cached read serves /api/v1/articles/{id} in the content API's browser test).
vi.mock("@/lib/api/cached", async () => ({ getApiArticleCached: (await import("@/lib/api/queries")).getApiArticle }));

const word = uniqueWord();
const TYPES: TagType[] = ["PERSON", "ORGANISATION", "PLACE", "TOPIC", "EVENT"];
let storyId = "";
let draftId = "";
let photoId = "";
const tagIds: Partial<Record<TagType, string>> = {};

function validator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // The schema refers to GeoJSON for a place's shape; this project never sends one, so the reference
  // is made to accept nothing: a geojson field would fail validation rather than pass unchecked.
  ajv.addSchema({ $id: "https://geojson.org/schema/GeoJSON.json", not: {} });
  return ajv.compile(ninjsSchema);
}

async function createTypedTag(type: TagType) {
  const slugWord = uniqueWord("tag");
  return db.tag.create({
    data: {
      type,
      labels: {
        create: [
          {
            language: "fr",
            label: `${type} fr ${slugWord}`,
            normalized: `${type} fr ${slugWord}`.toLowerCase(),
            slug: `${type.toLowerCase()}-fr-${slugWord}`,
          },
          {
            language: "en",
            label: `${type} en ${slugWord}`,
            normalized: `${type} en ${slugWord}`.toLowerCase(),
            slug: `${type.toLowerCase()}-en-${slugWord}`,
          },
        ],
      },
    },
  });
}

beforeAll(async () => {
  for (const type of TYPES) tagIds[type] = (await createTypedTag(type)).id;
  const story = await createStory(
    [
      { language: "fr", title: `Sommet ${word}`, standfirst: `Chapeau ${word}`, paragraphs: [`Texte ${word} en français.`] },
      { language: "en", title: `Summit ${word}`, standfirst: `Standfirst ${word}`, paragraphs: [`Text ${word} in English.`] },
    ],
    { tagIds: Object.values(tagIds) },
  );
  storyId = story.articleId;
  const photo = await db.mediaAsset.create({
    data: {
      storageKey: `originals/${word}.jpg`,
      mimeType: "image/jpeg",
      byteSize: 1000,
      width: 1600,
      height: 900,
      sha256: randomUUID(),
      credit: `Agence ${word}`,
      variants: [
        { width: 800, height: 450, format: "webp", key: `variants/${word}-800.webp`, bytes: 400 },
        { width: 400, height: 225, format: "avif", key: `variants/${word}-400.avif`, bytes: 200 },
      ],
      texts: {
        create: [
          { language: "fr", alt: `Photo du sommet ${word}`, caption: `Légende ${word}` },
          { language: "en", alt: `Photo of the summit ${word}`, caption: `Caption ${word}` },
        ],
      },
    },
  });
  photoId = photo.id;
  await db.article.update({ where: { id: storyId }, data: { leadImageId: photoId } });
  draftId = (await createStory([{ language: "fr", status: "DRAFT", title: `Brouillon ${word}` }])).articleId;
});

async function ninjsOf(id: string, language: "fr" | "en"): Promise<NinjsDocument> {
  const article = await getApiArticle(id, language);
  expect(article).not.toBeNull();
  return toNinjs(article!);
}

describe("IPTC ninjs", () => {
  it("validates against the official ninjs 2.2 schema in each language", async () => {
    const validate = validator();
    for (const language of ["fr", "en"] as const) {
      const document = await ninjsOf(storyId, language);
      const valid = validate(document);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it("the schema check can fail: a document without uri, or with a field ninjs lacks, is refused", async () => {
    const validate = validator();
    const document = await ninjsOf(storyId, "fr");
    const { uri: _uri, ...withoutUri } = document;
    expect(validate(withoutUri)).toBe(false);
    expect(validate({ ...document, translations: [] })).toBe(false);
    expect(validate({ ...document, associations: [{ ...document.associations![0], rel: "translation" }] })).toBe(false);
  });

  it("carries the version's identity, dates, texts, concepts, dateline, agency and photo", async () => {
    const article = (await getApiArticle(storyId, "fr"))!;
    const document = toNinjs(article);
    expect(document).toMatchObject({
      uri: article.links.api,
      type: "text",
      language: "fr",
      firstcreated: article.firstPublishedAt,
      versioncreated: article.updatedAt,
      slugline: article.slug,
      located: "Hanoï",
      headlines: [{ role: "main", contenttype: "text/plain", value: `Sommet ${word}` }],
      descriptions: [{ role: "summary", contenttype: "text/plain", value: `Chapeau ${word}` }],
      infosources: [{ name: "VNA", role: "http://cv.iptc.org/newscodes/contentprodpartyrole/contentSource" }],
      renditions: [{ name: "web", href: article.links.url, contenttype: "text/html" }],
    });
    expect(document.uri).toContain(`/api/v1/articles/${storyId}?lang=fr`);
    expect(document.bodies).toEqual([expect.objectContaining({ contenttype: "text/html", value: article.bodyHtml })]);
    expect(document.bodies![0]!.value).toContain(`Texte ${word} en français.`);
    const labelOf = (type: TagType) => article.tags.find((tag) => tag.id === tagIds[type])!.label;
    const named = (list: NinjsDocument["people"]) => (list ?? []).map((entry) => entry.name);
    expect(named(document.people)).toEqual([labelOf("PERSON")]);
    expect(named(document.organisations)).toEqual([labelOf("ORGANISATION")]);
    expect(named(document.subjects)).toEqual([labelOf("TOPIC")]);
    expect(named(document.events)).toEqual([labelOf("EVENT")]);
    expect(document.places).toEqual([
      { name: "Hanoï", rel: "dateline" },
      expect.objectContaining({ name: labelOf("PLACE"), literal: tagIds.PLACE }),
    ]);
    expect(document.people![0]!.uri).toMatch(/\/fr\/tag\/person-fr-/);
    const photo = document.associations!.find((association) => association.name === "featureimage");
    expect(photo).toMatchObject({
      type: "picture",
      by: `Agence ${word}`,
      descriptions: [
        { role: "alt", value: `Photo du sommet ${word}` },
        { role: "caption", value: `Légende ${word}` },
      ],
    });
    expect(photo!.uri).toContain(`/api/v1/photos/${photoId}`);
    expect(photo!.renditions).toEqual([
      expect.objectContaining({ contenttype: "image/avif", width: 400, height: 225, href: expect.stringContaining(`${word}-400.avif`) }),
      expect.objectContaining({ contenttype: "image/webp", width: 800, height: 450, href: expect.stringContaining(`${word}-800.webp`) }),
    ]);
  });

  it("links the other language's version, which links back", async () => {
    const fr = await ninjsOf(storyId, "fr");
    const en = await ninjsOf(storyId, "en");
    const translationOf = (document: NinjsDocument) => document.associations!.filter((association) => association.name === "translation");
    expect(translationOf(fr)).toEqual([
      expect.objectContaining({
        uri: en.uri,
        language: "en",
        headlines: [{ role: "main", contenttype: "text/plain", value: `Summit ${word}` }],
      }),
    ]);
    expect(translationOf(en)).toEqual([expect.objectContaining({ uri: fr.uri, language: "fr" })]);
    expect(translationOf(fr)[0]!.renditions).toContainEqual(
      expect.objectContaining({ name: "ninjs", href: expect.stringContaining(`/api/v1/ninjs/${storyId}?lang=en`) }),
    );
    expect(en.descriptions).toEqual([{ role: "summary", contenttype: "text/plain", value: `Standfirst ${word}` }]);
    expect(en.associations!.find((association) => association.name === "featureimage")!.descriptions).toContainEqual({
      role: "alt",
      contenttype: "text/plain",
      value: `Photo of the summit ${word}`,
    });
  });

  it("gives no document for a draft", async () => {
    expect(await getApiArticle(draftId, "fr")).toBeNull();
    expect(await getApiArticle(draftId)).toBeNull();
  });

  it("answers GET /api/v1/ninjs/{id} as JSON with an ETag and 304, and 404 for a draft", async () => {
    const { GET } = await import("@/app/api/v1/ninjs/[id]/route");
    const admin = await makeUser("ADMIN");
    const { key } = await createApiKey(`Ninjs ${word}`, admin.id, "127.0.0.1");
    const get = (id: string, query: string, headers: Record<string, string> = {}) =>
      GET(new Request(`http://localhost/api/v1/ninjs/${id}${query}`, { headers: { authorization: `Bearer ${key}`, ...headers } }), {
        params: Promise.resolve({ id }),
      });
    const response = await get(storyId, "?lang=en");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as NinjsDocument;
    expect(validator()(body)).toBe(true);
    expect(body).toMatchObject({ language: "en", headlines: [{ value: `Summit ${word}` }] });
    const etag = response.headers.get("etag")!;
    expect(etag).toBeTruthy();
    expect((await get(storyId, "?lang=en", { "if-none-match": etag })).status).toBe(304);
    expect((await get(draftId, "?lang=fr")).status).toBe(404);
    expect((await get(storyId, "?lang=xx")).status).toBe(400);
  });

  it("documents the ninjs path in an OpenAPI document that still validates", async () => {
    const document = openApiDocument();
    expect(Object.keys(document.paths ?? {})).toContain("/ninjs/{id}");
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
