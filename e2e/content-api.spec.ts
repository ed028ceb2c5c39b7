// The content API as a partner meets it: an admin makes a key in the desk, the key reads the
// documented routes (each answer checked against the OpenAPI document, itself checked by an OpenAPI
// 3.1 validator), only published content comes back, ETags answer 304, and refusals are JSON with a
// reason: no key or an unknown one 401, a revoked one 403, past the rate limit 429.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { queryDatabase, storageStateFor } from "./helpers";
import { announceChange, insertStory, insertTag, uniqueToken } from "./public-fixtures";

test.use({ storageState: storageStateFor("ADMIN") });

async function makeKey(page: import("@playwright/test").Page, name: string): Promise<string> {
  await page.goto("/admin/api-keys");
  await page.getByLabel(/^(Name|Nom)/).fill(name);
  await page.getByRole("button", { name: /Create key|Créer la clé/ }).click();
  const value = page.getByTestId("new-api-key-value");
  await expect(value).toBeVisible();
  return (await value.textContent())!.trim();
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

test("a partner's key reads every documented route, answers match the OpenAPI document, only published content", async ({
  page,
  request,
}) => {
  test.slow(); // builds a key in the browser, then about twenty API calls and a schema compile
  const token = uniqueToken();
  const { tagId, slugs } = await insertTag({ fr: `Diplomatie ${token}`, en: `Diplomacy ${token}` });
  const story = await insertStory(
    [
      { language: "fr", title: `Visite ${token}`, slug: `visite-${token}`, paragraphs: [`Le ministre ${token} a reçu son homologue.`] },
      { language: "en", title: `Visit ${token}`, slug: `visit-${token}`, paragraphs: [`The minister ${token} received his counterpart.`] },
    ],
    { tagIds: [tagId] },
  );
  const draft = await insertStory(
    [{ language: "fr", status: "DRAFT", title: `Brouillon ${token}`, slug: `brouillon-${token}`, paragraphs: [`Secret ${token}.`] }],
    {
      tagIds: [tagId],
    },
  );
  await announceChange(request, { articleIds: [story.articleId, draft.articleId], languages: ["fr", "en"], tagIds: [tagId] });

  const key = await makeKey(page, `Partner ${token}`);
  expect(key).toMatch(/^cms_/);
  await expect(page.getByTestId(`api-key-Partner ${token}`)).toContainText(key.slice(0, 8));

  const documentResponse = await request.get("/api/v1/openapi.json");
  expect(documentResponse.status()).toBe(200);
  const document = await documentResponse.json();
  const validation = await new Validator().validate(document);
  expect(validation.errors ?? [], JSON.stringify(validation.errors)).toEqual([]);
  expect(validation.valid).toBe(true);
  expect(document.openapi).toMatch(/^3\.1\./);

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: "openapi" });
  const pointer = (path: string) => path.replaceAll("~", "~0").replaceAll("/", "~1");
  async function call(client: APIRequestContext, template: string, url: string) {
    const response = await client.get(url, { headers: bearer(key) });
    expect(response.status(), `${url}: ${await response.text()}`).toBe(200);
    const body = await response.json();
    const validate = ajv.compile({ $ref: `openapi#/paths/${pointer(template)}/get/responses/200/content/application~1json/schema` });
    expect(validate(body), `${url}: ${JSON.stringify(validate.errors)}`).toBe(true);
    return { body, response };
  }

  // Every documented route is called, with real ids.
  const templates = Object.keys(document.paths).sort();
  expect(templates).toEqual(["/articles", "/articles/by-slug/{lang}/{slug}", "/articles/{id}", "/ninjs/{id}", "/photos/{id}", "/tags"]);
  const list = await call(request, "/articles", `/api/v1/articles?lang=fr&tag=${slugs.fr}`);
  expect(list.body.data.map((item: { id: string }) => item.id)).toEqual([story.articleId]);
  const byId = await call(request, "/articles/{id}", `/api/v1/articles/${story.articleId}?lang=fr`);
  expect(byId.body).toMatchObject({ id: story.articleId, language: "fr", title: `Visite ${token}` });
  expect(byId.body.translations).toEqual([expect.objectContaining({ language: "en", slug: `visit-${token}` })]);
  expect(byId.body.tags).toEqual([expect.objectContaining({ id: tagId, slug: slugs.fr })]);
  const bySlug = await call(request, "/articles/by-slug/{lang}/{slug}", `/api/v1/articles/by-slug/en/visit-${token}`);
  expect(bySlug.body).toMatchObject({ id: story.articleId, language: "en" });
  const ninjs = await call(request, "/ninjs/{id}", `/api/v1/ninjs/${story.articleId}?lang=fr`);
  expect(ninjs.body).toMatchObject({ type: "text", language: "fr", headlines: [expect.objectContaining({ value: `Visite ${token}` })] });
  const tags = await call(request, "/tags", "/api/v1/tags?lang=en");
  expect(tags.body.data).toContainEqual(expect.objectContaining({ id: tagId, slug: slugs.en }));
  // A photo only a draft shows is not published.
  const photo = await request.get("/api/v1/photos/no-such-photo", { headers: bearer(key) });
  expect(photo.status()).toBe(404);
  expect((await photo.json()).error.code).toBe("not_found");

  // The draft never leaves.
  expect((await request.get(`/api/v1/articles/${draft.articleId}?lang=fr`, { headers: bearer(key) })).status()).toBe(404);
  expect((await request.get(`/api/v1/articles/by-slug/fr/brouillon-${token}`, { headers: bearer(key) })).status()).toBe(404);
  const search = await call(request, "/articles", `/api/v1/articles?lang=fr&q=${token}&limit=100`);
  expect(search.body.data.map((item: { id: string }) => item.id)).toEqual([story.articleId]);

  // ETag and 304; a bad parameter is a 400 naming it.
  const etag = byId.response.headers()["etag"]!;
  expect(etag).toBeTruthy();
  expect(byId.response.headers()["cache-control"]).toContain("s-maxage");
  const again = await request.get(`/api/v1/articles/${story.articleId}?lang=fr`, { headers: { ...bearer(key), "if-none-match": etag } });
  expect(again.status()).toBe(304);
  const bad = await request.get("/api/v1/articles?lang=xx&limit=5000", { headers: bearer(key) });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toMatch(/lang/);
  const badCursor = await request.get("/api/v1/articles?lang=fr&cursor=zzz", { headers: bearer(key) });
  expect(badCursor.status()).toBe(400);
});

test("refusals are JSON with a reason: 401 without or with an unknown key, 429 past the limit, 403 once revoked", async ({
  page,
  request,
}) => {
  const none = await request.get("/api/v1/articles?lang=fr");
  expect(none.status()).toBe(401);
  expect(none.headers()["www-authenticate"]).toContain("Bearer");
  expect(await none.json()).toEqual({ error: { code: "unauthorized", message: expect.stringContaining("API key") } });
  const unknown = await request.get("/api/v1/articles?lang=fr", { headers: bearer("cms_not-a-real-key") });
  expect(unknown.status()).toBe(401);

  const token = uniqueToken();
  const name = `Limited ${token}`;
  const key = await makeKey(page, name);
  const id = (await queryDatabase<{ id: string }>("SELECT id FROM api_keys WHERE name = $1", [name]))[0]!.id;
  // Spend this minute's allowance (and the next's, should the minute turn) as many servers would have.
  const minute = Math.floor(Date.now() / 60_000) * 60_000;
  for (const start of [minute, minute + 60_000])
    await queryDatabase("INSERT INTO api_rate_windows (subject, window_start, count) VALUES ($1, $2, 1000000)", [
      `key:${id}`,
      new Date(start),
    ]);
  const limited = await request.get("/api/v1/tags?lang=fr", { headers: bearer(key) });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await limited.json()).error.code).toBe("rate_limited");
  await queryDatabase("DELETE FROM api_rate_windows WHERE subject = $1", [`key:${id}`]);
  expect((await request.get("/api/v1/tags?lang=fr", { headers: bearer(key) })).status()).toBe(200);

  await page.goto("/admin/api-keys");
  const row = page.getByTestId(`api-key-${name}`);
  await row.getByRole("button", { name: new RegExp(`(Revoke|Révoquer) ${name}`) }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^(Revoke|Révoquer)$/ })
    .click();
  await expect(row).toContainText(/Revoked|Révoquée/);
  const revoked = await request.get("/api/v1/tags?lang=fr", { headers: bearer(key) });
  expect(revoked.status()).toBe(403);
  expect((await revoked.json()).error.code).toBe("key_revoked");
});
