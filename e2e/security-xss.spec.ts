// Hostile input through the real server actions (editor save, tags, glossary, comments, user names,
// a wire-copy import, XLIFF, photo upload), then every admin and reader page that shows it, parsed
// the way a browser parses it: the payloads appear as text and never as markup.
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { queryDatabase, storageStateFor } from "./helpers";
import { announceChange, insertStory, uniqueToken } from "./public-fixtures";
import { actionIdFor, actionResultOf, encodeActionForm, postAction, type ActionResult } from "./security-actions";

const PAYLOADS = {
  script: "<script>alert(1)</script>",
  attribute: '"><img src=x onerror=alert(1)>',
  url: "javascript:alert(1)",
  svg: "<svg onload=alert(1)>",
  template: "{{constructor.constructor('alert(1)')()}}",
};
const ALL = Object.values(PAYLOADS).join(" ");
const token = uniqueToken();
const SQL = "'; DROP TABLE users; --";

type Fields = Parameters<typeof encodeActionForm>[0];
const state = { versionId: "", enVersionId: "", articleId: "", slug: `xss-${token}`, tagId: "", tagSlug: "", importId: "", userName: "" };
let editor: APIRequestContext;
let admin: APIRequestContext;

async function call(
  context: APIRequestContext,
  file: string,
  name: string,
  pagePath: string,
  fields: Fields,
): Promise<{ status: number; result: ActionResult | null }> {
  const response = await postAction(context, pagePath, actionIdFor(file, name), encodeActionForm(fields), {
    origin: test.info().project.use.baseURL!,
  });
  return { status: response.status(), result: response.status() === 200 ? actionResultOf(await response.text()) : null };
}

function body(...content: unknown[]): string {
  return JSON.stringify({ type: "doc", content });
}
const paragraph = (text: string, marks?: unknown[]) => ({
  type: "paragraph",
  attrs: { blockId: `b${Math.random().toString(36).slice(2, 10)}` },
  content: [{ type: "text", text, ...(marks ? { marks } : {}) }],
});

const saveFields = (overrides: Partial<Record<string, string>>): Fields => ({
  versionId: state.versionId,
  baseVersion: "1",
  mode: "save",
  title: `Sécurité ${token} ${PAYLOADS.script} ${PAYLOADS.attribute}`,
  slug: state.slug,
  standfirst: `${ALL} ${SQL}`,
  datelinePlace: PAYLOADS.svg,
  sourceAgency: PAYLOADS.template,
  storyDate: "2026-11-23",
  seoDescription: `${PAYLOADS.attribute} ${PAYLOADS.url}`,
  body: body(paragraph(ALL), paragraph("lien", [{ type: "link", attrs: { href: 'https://example.org/"onmouseover="alert(1)' } }]), {
    type: "figure",
    attrs: { caption: `${PAYLOADS.attribute} ${PAYLOADS.svg}`, credit: PAYLOADS.script },
  }),
  ...overrides,
});

test.beforeAll(async ({ baseURL }) => {
  editor = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor("EDITOR") });
  admin = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor("ADMIN") });
  const story = await insertStory(
    [
      { language: "fr", status: "DRAFT", title: `Brouillon ${token}`, slug: state.slug, paragraphs: ["Texte."] },
      { language: "en", status: "DRAFT", title: `Draft ${token}`, slug: `xss-en-${token}`, paragraphs: ["Text."] },
    ],
    { sourceLanguage: "fr" },
  );
  state.articleId = story.articleId;
  state.versionId = story.versionIds.fr!;
  state.enVersionId = story.versionIds.en!;
});

test.afterAll(async () => {
  await editor.dispose();
  await admin.dispose();
});

test("hostile bodies and oversized fields are refused with a message, not a crash, and change nothing", async () => {
  const page = `/admin/articles/${state.versionId}`;
  const refusedBodies = [
    body({ type: "script", content: [{ type: "text", text: "alert(1)" }] }),
    body({ type: "iframe", attrs: { src: PAYLOADS.url } }),
    body(paragraph("x", [{ type: "link", attrs: { href: PAYLOADS.url } }])),
    body(paragraph("x", [{ type: "link", attrs: { href: "data:text/html,<script>alert(1)</script>" } }])),
    "<p onclick=alert(1)>not json</p>",
  ];
  for (const hostile of refusedBodies) {
    const { status, result } = await call(editor, "lib/editing/actions.ts", "saveVersion", page, saveFields({ body: hostile }));
    expect(status, hostile).toBe(200);
    expect(result?.ok, hostile).toBe(false);
  }
  const huge = "A".repeat(100 * 1024);
  for (const field of ["title", "standfirst", "seoDescription", "datelinePlace"]) {
    const { status, result } = await call(editor, "lib/editing/actions.ts", "saveVersion", page, saveFields({ [field]: huge }));
    expect(status, field).toBe(200);
    expect(result?.ok, field).toBe(false);
    expect(result?.errors?.[field]?.[0], field).toBeTruthy();
  }
  const [row] = await queryDatabase<{ version: number; title: string }>(`SELECT version, title FROM article_versions WHERE id = $1`, [
    state.versionId,
  ]);
  expect(row).toEqual({ version: 1, title: `Brouillon ${token}` });
});

test("the payloads are accepted as text through every writing action", async () => {
  const saved = await call(editor, "lib/editing/actions.ts", "saveVersion", `/admin/articles/${state.versionId}`, saveFields({}));
  expect(saved.result, JSON.stringify(saved.result)).toMatchObject({ ok: true });

  const tag = await call(editor, "lib/tags/actions.ts", "createTag", "/admin/tags", {
    type: "TOPIC",
    labelFr: `Étiquette ${token} ${PAYLOADS.script}`,
    labelEn: `Tag ${token} ${PAYLOADS.attribute}`,
    descriptionFr: ALL,
    aliases: `${PAYLOADS.svg}\n${PAYLOADS.template}\n${SQL}`,
  });
  expect(tag.result, JSON.stringify(tag.result)).toMatchObject({ ok: true });
  const [tagRow] = await queryDatabase<{ tag_id: string; slug: string }>(`SELECT tag_id, slug FROM tag_labels WHERE label = $1`, [
    `Étiquette ${token} ${PAYLOADS.script}`,
  ]);
  state.tagId = tagRow!.tag_id;
  state.tagSlug = tagRow!.slug;
  expect(state.tagSlug).toMatch(/^[a-z0-9-]+$/);
  await queryDatabase(`INSERT INTO article_tags (article_id, tag_id) VALUES ($1, $2)`, [state.articleId, state.tagId]);

  const glossary = await call(editor, "lib/translations/actions.ts", "createGlossaryEntry", "/admin/translations/glossary", {
    termFr: `terme ${token} ${PAYLOADS.script}`,
    termEn: `term ${token} ${PAYLOADS.svg}`,
    note: ALL,
  });
  expect(glossary.result, JSON.stringify(glossary.result)).toMatchObject({ ok: true });

  const comment = await call(editor, "lib/workflow/actions.ts", "addComment", `/admin/articles/${state.versionId}/workflow`, {
    versionId: state.versionId,
    body: `${ALL} ${SQL}`,
    anchorQuote: PAYLOADS.attribute,
  });
  expect(comment.result, JSON.stringify(comment.result)).toMatchObject({ ok: true });

  state.userName = `Nom ${token} ${PAYLOADS.attribute}`;
  const user = await call(admin, "lib/users/actions.ts", "createUser", "/admin/users", {
    name: state.userName,
    email: `xss-${token}@desk.test`,
    role: "TRANSLATOR",
    password: "a-long-enough-password",
  });
  expect(user.result, JSON.stringify(user.result)).toMatchObject({ ok: true });

  const wire = [
    `Le ministre reçoit ${token} ${PAYLOADS.script}`,
    "",
    `Hanoï (VNA) - ${PAYLOADS.attribute} Le vice-ministre des Affaires étrangères a reçu une délégation ${PAYLOADS.svg}.`,
    "",
    `Les deux parties ont discuté de la coopération ${PAYLOADS.template} ${PAYLOADS.url} et des échanges.`,
  ].join("\n");
  const imported = await call(editor, "lib/import-review/actions.ts", "uploadImportFile", "/admin/import", {
    file: { name: "../../etc/passwd.txt", mimeType: "text/plain", buffer: Buffer.from(wire) },
  });
  expect(imported.result, JSON.stringify(imported.result)).toMatchObject({ ok: true });
  state.importId = (imported.result as { data?: { recordId?: string } }).data!.recordId!;
  const [record] = await queryDatabase<{ row: string }>(`SELECT row_to_json(r)::text AS row FROM import_records r WHERE id = $1`, [
    state.importId,
  ]);
  expect(record!.row).not.toContain("../");
});

test("XLIFF with an entity bomb and a photo named ../../etc/passwd are refused; /media does not traverse", async ({ request }) => {
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="fr" trgLang="en"><file id="f"><unit id="u"><segment><source>a</source><target>&lol3;</target></segment></unit></file></xliff>`;
  const xliff = await call(editor, "lib/translations/actions.ts", "importTranslationXliff", `/admin/translations/${state.articleId}/en`, {
    versionId: state.enVersionId,
    version: "1",
    file: { name: "bomb.xlf", mimeType: "application/xliff+xml", buffer: Buffer.from(laughs) },
  });
  expect(xliff.status).toBe(200);
  expect(xliff.result?.ok).toBe(false);
  const [en] = await queryDatabase<{ version: number }>(`SELECT version FROM article_versions WHERE id = $1`, [state.enVersionId]);
  expect(en!.version).toBe(1);

  const before = await queryDatabase<{ count: string }>(`SELECT count(*) FROM media_assets`);
  const upload = await call(editor, "lib/media/actions.ts", "uploadMediaFile", "/admin/media", {
    file: { name: "../../etc/passwd", mimeType: "image/jpeg", buffer: Buffer.from(`root:x:0:0:root:/root:/bin/bash\n${PAYLOADS.svg}`) },
  });
  expect(upload.status).toBe(200);
  expect(upload.result?.ok).toBe(false);
  expect(upload.result?.errors?.file?.[0]).toBeTruthy();
  expect(await queryDatabase<{ count: string }>(`SELECT count(*) FROM media_assets`)).toEqual(before);

  for (const path of [
    "/media/..%2F..%2Fetc%2Fpasswd",
    "/media/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "/media/%2Fetc%2Fpasswd",
    "/media/a/..%5C..%5Cetc%5Cpasswd.jpg",
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBeGreaterThanOrEqual(400);
    expect(response.status(), path).toBeLessThan(500);
    expect(await response.text(), path).not.toContain("root:");
  }
});

/** Parses a page as a browser would (DOMParser: no script runs) and lists anything executable. */
async function injectedMarkup(parser: Page, html: string): Promise<{ findings: string[]; text: string }> {
  return parser.evaluate((source) => {
    const document = new DOMParser().parseFromString(source, "text/html");
    const findings: string[] = [];
    for (const element of document.querySelectorAll("*")) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) findings.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
        if (
          ["href", "src", "action", "formaction", "xlink:href", "data"].includes(attribute.name) &&
          /^\s*(javascript|data|vbscript):/i.test(attribute.value) &&
          !/^data:image\//.test(attribute.value)
        ) {
          findings.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
        }
      }
    }
    for (const script of document.querySelectorAll("script")) {
      const type = script.getAttribute("type");
      if (type === "application/ld+json") {
        try {
          JSON.parse(script.textContent ?? "");
        } catch {
          findings.push(`broken JSON-LD: ${script.textContent?.slice(0, 100)}`);
        }
      } else if (!script.getAttribute("nonce")) findings.push(`script without nonce: ${script.outerHTML.slice(0, 100)}`);
    }
    for (const selector of ["iframe", "object", "embed", "img[src='x']", "svg[onload]", "base"]) {
      for (const element of document.querySelectorAll(selector)) findings.push(`${selector}: ${element.outerHTML.slice(0, 100)}`);
    }
    // What a person sees: text, and the values of the form fields that hold it for editing.
    const values = [...document.querySelectorAll("input, textarea")].map((field) => (field as HTMLInputElement).value ?? field.textContent);
    return { findings, text: [document.body?.textContent ?? "", ...values].join("\n") };
  }, html);
}

test("every page showing the payloads renders them as text, never as markup", async ({ browser, baseURL }) => {
  // Published and announced, as the workflow would, so the reader pages show the story and its tag.
  await queryDatabase(
    `UPDATE article_versions SET status = 'PUBLISHED', published_at = now() - interval '1 minute', first_published_at = now() - interval '1 minute' WHERE id = $1`,
    [state.versionId],
  );
  await announceChange(admin, { articleIds: [state.articleId], languages: ["fr"], tagIds: [state.tagId] });

  const parser = await (await browser.newContext()).newPage();
  // The oracle itself sees real markup when there is some.
  const planted = await injectedMarkup(
    parser,
    `<p>${PAYLOADS.attribute}<a href="${PAYLOADS.url}">x</a>${PAYLOADS.script}${PAYLOADS.svg}</p>`,
  );
  expect(planted.findings).toHaveLength(6);
  const reader = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const pages: { context: APIRequestContext; path: string; shows?: string }[] = [
    { context: reader, path: `/fr/article/${state.slug}`, shows: PAYLOADS.script },
    { context: reader, path: "/fr", shows: PAYLOADS.attribute },
    { context: reader, path: `/fr/tag/${state.tagSlug}`, shows: PAYLOADS.script },
    { context: reader, path: `/fr/recherche?q=${encodeURIComponent(`${token} ${PAYLOADS.attribute}`)}`, shows: PAYLOADS.attribute },
    { context: reader, path: `/fr/recherche?q=${encodeURIComponent(SQL)}` },
    { context: editor, path: `/admin/articles/${state.versionId}` },
    { context: editor, path: `/admin/articles?q=${encodeURIComponent(token)}`, shows: PAYLOADS.script },
    { context: editor, path: `/admin/articles/${state.versionId}/workflow`, shows: PAYLOADS.svg },
    { context: editor, path: `/admin/articles/${state.versionId}/history` },
    { context: editor, path: `/admin/tags?q=${encodeURIComponent(token)}`, shows: PAYLOADS.script },
    { context: editor, path: `/admin/tags/${state.tagId}` },
    { context: editor, path: `/admin/tags/article/${state.articleId}`, shows: PAYLOADS.script },
    { context: editor, path: `/admin/translations/glossary?q=${encodeURIComponent(token)}`, shows: PAYLOADS.svg },
    { context: editor, path: `/admin/import/${state.importId}`, shows: PAYLOADS.svg },
    { context: editor, path: "/admin/import" },
    { context: admin, path: "/admin/users", shows: state.userName },
    { context: admin, path: "/admin/audit" },
  ];
  const problems: string[] = [];
  for (const { context, path, shows } of pages) {
    const response = await context.get(path);
    const html = await response.text();
    if (response.status() !== 200) problems.push(`${path}: status ${response.status()}`);
    const { findings, text } = await injectedMarkup(parser, html);
    for (const finding of findings) problems.push(`${path}: ${finding}`);
    if (shows && !text.includes(shows)) problems.push(`${path}: the payload is not shown as text (${shows})`);
  }
  // Feeds are XML: the payload is escaped character data there too.
  const feed = await (await reader.get("/fr/feed.xml")).text();
  expect(feed).toContain(`Sécurité ${token}`);
  expect(feed).not.toContain(PAYLOADS.script);
  expect(problems).toEqual([]);
  await reader.dispose();
  // The SQL-looking standfirst, tag alias and comment were text: the users table is still there.
  expect(await queryDatabase(`SELECT count(*) FROM users`)).toHaveLength(1);
});
