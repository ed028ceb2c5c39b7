// Issue 25 over real HTTP and real browsers: a signed-out cookie replayed against a desk page and a
// server action is refused and writes nothing; a session ended from another browser, or by an
// admin, sends the first one to sign-in on its next click; a server action from another site is
// refused with 403 before Next's handler and shown to admins; bodies over their limit get a clear
// refusal (413 for the proxy's limit, the action's own message below it, the editor's message);
// and no response a shared cache may keep carries Set-Cookie.
import { request as playwrightRequest, expect, test, type Browser, type Page } from "@playwright/test";
import { demoUser, queryDatabase, signIn, storageStateFor, uniqueEmail, signOutThroughMenu } from "./helpers";
import { insertStory, insertTag, uniqueToken } from "./public-fixtures";
import { actionIdFor, actionResultOf, encodeActionForm, postAction } from "./security-actions";

const MB = 1024 * 1024;

/** Desktop and phone screenshots for a person to look at (E2E_SCREENSHOT_DIR, else the test's output). */
async function screenshots(page: Page, name: string, fullPage = true) {
  for (const [label, width] of [
    ["desktop", 1366],
    ["phone", 390],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    const file = `${name}-${label}.png`;
    await page.screenshot({
      path: process.env.E2E_SCREENSHOT_DIR ? `${process.env.E2E_SCREENSHOT_DIR}/${file}` : test.info().outputPath(file),
      fullPage,
    });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

async function freshBrowser(browser: Browser) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return { context, page: await context.newPage() };
}

async function createColleague(browser: Browser, name: string) {
  const email = uniqueEmail("sessions");
  const password = "sessions-password-long-enough";
  const admin = await browser.newContext({ storageState: storageStateFor("ADMIN") });
  const page = await admin.newPage();
  await page.goto("/admin/users");
  const form = page.locator("form", { has: page.getByRole("button", { name: /créer l’utilisateur|create user/i }) });
  await form.getByLabel(/^nom$|^name$/i).fill(name);
  await form.getByLabel(/e-mail|email/i).fill(email);
  await form.getByLabel(/rôle|role/i).selectOption("EDITOR");
  await form.getByLabel(/mot de passe initial|initial password/i).fill(password);
  await form.getByRole("button", { name: /créer l’utilisateur|create user/i }).click();
  await expect(page.getByTestId(`user-row-${email}`)).toBeVisible();
  return { email, password, admin, adminPage: page };
}

async function signedIn(browser: Browser, email: string, password: string): Promise<Page> {
  const { page } = await freshBrowser(browser);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/admin$/);
  return page;
}

test.describe("sessions end when the person says so", () => {
  test("a signed-out cookie replayed against a desk page and a server action is refused and writes nothing", async ({
    browser,
    baseURL,
  }) => {
    const translator = demoUser("TRANSLATOR");
    const page = await signedIn(browser, translator.email, translator.password);
    const copied = await page.context().cookies();
    expect(copied.some((cookie) => cookie.name.includes("authjs.session-token"))).toBe(true);
    await signOutThroughMenu(page);
    await expect(page).toHaveURL(/\/login/);

    const replay = await playwrightRequest.newContext({ baseURL, storageState: { cookies: copied, origins: [] } });
    const desk = await replay.get("/admin/translations", { maxRedirects: 0 });
    expect(desk.status()).not.toBe(200);
    expect(desk.headers()["location"] ?? "").toMatch(/\/login/);

    const [before] = await queryDatabase<{ locale: string }>("SELECT locale FROM users WHERE email = $1", [translator.email]);
    const other = before!.locale === "fr" ? "en" : "fr";
    const action = actionIdFor("lib/users/actions.ts", "setInterfaceLanguage");
    const posted = await postAction(replay, "/admin", action, encodeActionForm({ locale: other }), { origin: baseURL! });
    const result = actionResultOf(await posted.text());
    expect(result?.ok).toBe(false);
    expect(result?.message).toMatch(/session|reconnect|sign in/i);
    expect((await queryDatabase<{ locale: string }>("SELECT locale FROM users WHERE email = $1", [translator.email]))[0]!.locale).toBe(
      before!.locale,
    );
    await replay.dispose();
  });

  test("a session ended from another browser, then by an admin, is sent to sign-in at its next click", async ({ browser }) => {
    const name = `Sessions ${uniqueToken()}`;
    const { email, password, admin, adminPage } = await createColleague(browser, name);
    const first = await signedIn(browser, email, password);
    const second = await signedIn(browser, email, password);

    await second.goto("/admin/account");
    await expect(second.getByTestId("session-current")).toHaveCount(1);
    const others = second.getByTestId("session-other");
    await expect(others).toHaveCount(1);
    await expect(others).toContainText(/Chrom/);
    await screenshots(second, "account-sessions");
    await others.getByRole("button", { name: /actions pour|actions for/i }).click();
    await second.getByRole("menuitem", { name: /^déconnecter$|^sign out$/i }).click();
    await expect(second.getByTestId("session-other")).toHaveCount(0);

    await first.getByRole("link", { name: /^articles$/i }).click();
    await expect(first).toHaveURL(/\/login/);
    await second.getByRole("link", { name: /^articles$/i }).click();
    await expect(second).toHaveURL(/\/admin\/articles/);

    // The admin's "sign out everywhere" on the users page.
    await adminPage.reload();
    const row = adminPage.getByTestId(`user-row-${email}`);
    await expect(row.getByTestId("session-count")).toHaveText("1");
    await row.getByRole("button", { name: new RegExp(`(actions pour|actions for) ${name}`, "i") }).click();
    await adminPage.getByRole("menuitem", { name: /déconnecter partout|sign out everywhere/i }).click();
    await expect
      .poll(
        async () =>
          (
            await queryDatabase<{ n: number }>(
              "SELECT count(*)::int AS n FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1",
              [email],
            )
          )[0]!.n,
      )
      .toBe(0);
    await second.getByRole("link", { name: /tableau de bord|dashboard/i }).click();
    await expect(second).toHaveURL(/\/login/);
    await admin.close();
  });
});

test("a server action posted from another site is refused with 403 before Next, recorded and shown to admins", async ({
  baseURL,
  browser,
}) => {
  const email = uniqueEmail("forged");
  const context = await playwrightRequest.newContext({
    baseURL,
    storageState: storageStateFor("ADMIN"),
    extraHTTPHeaders: { "Accept-Language": "en" },
  });
  const createUser = actionIdFor("lib/users/actions.ts", "createUser");
  const origin = `https://evil-${uniqueToken()}.example`;
  const forged = await postAction(
    context,
    "/admin/users",
    createUser,
    encodeActionForm({ name: "Forged", email, role: "EDITOR", password: "a-long-enough-password" }),
    { origin },
  );
  expect(forged.status()).toBe(403);
  const text = await forged.text();
  expect(text).toContain("another site");
  expect(text).not.toMatch(/digest|at \w+ \(|Error:/);
  expect(await queryDatabase("SELECT 1 FROM users WHERE email = $1", [email])).toEqual([]);
  const events = await queryDatabase<{ path: string }>("SELECT path FROM security_events WHERE origin = $1", [origin]);
  expect(events).toEqual([{ path: "/admin/users" }]);
  await context.dispose();

  const admin = await browser.newContext({ storageState: storageStateFor("ADMIN") });
  const page = await admin.newPage();
  await page.goto("/admin/security");
  await expect(page.getByTestId("security-events")).toContainText(origin);
  await screenshots(page, "security-events");
  await admin.close();
});

test.describe("oversized requests get a clear refusal", () => {
  test("uploads over the proxy's limit answer 413 in the person's language; below it, the action's own limit", async ({ baseURL }) => {
    const context = await playwrightRequest.newContext({
      baseURL,
      storageState: storageStateFor("EDITOR"),
      extraHTTPHeaders: { "Accept-Language": "fr" },
    });
    const importUpload = actionIdFor("lib/import-review/actions.ts", "uploadImportFile");
    const photoUpload = actionIdFor("lib/media/actions.ts", "uploadMediaFile");
    const [before] = await queryDatabase<{ imports: number; media: number }>(
      "SELECT (SELECT count(*)::int FROM import_records) AS imports, (SELECT count(*)::int FROM media_assets) AS media",
    );

    for (const [action, path, mimeType] of [
      [importUpload, "/admin/import", "text/plain"],
      [photoUpload, "/admin/media", "image/jpeg"],
    ] as const) {
      const huge = encodeActionForm({ file: { name: "huge.bin", mimeType, buffer: Buffer.alloc(22 * MB, 65) } });
      const response = await postAction(context, path, action, huge, { origin: baseURL! });
      expect(response.status(), path).toBe(413);
      expect(await response.text()).toMatch(/Cette requête fait 22\.0 MB, soit 1\.0 MB de plus que la limite de 21\.0 MB/);
    }

    const wire = encodeActionForm({ file: { name: "wire.txt", mimeType: "text/plain", buffer: Buffer.alloc(3 * MB, 65) } });
    const wireResult = actionResultOf(await (await postAction(context, "/admin/import", importUpload, wire, { origin: baseURL! })).text());
    expect(wireResult?.ok).toBe(false);
    expect(wireResult?.errors?.file?.join(" ")).toMatch(/2 Mo|2 MB/);

    const [after] = await queryDatabase<{ imports: number; media: number }>(
      "SELECT (SELECT count(*)::int FROM import_records) AS imports, (SELECT count(*)::int FROM media_assets) AS media",
    );
    expect(after).toEqual(before);
    await context.dispose();
  });

  test("a 12 MB article save is refused with a message, not a 500, and nothing is written", async ({ baseURL }) => {
    const story = await insertStory([
      { language: "fr", status: "DRAFT", title: `Trop long ${uniqueToken()}`, slug: `trop-long-${uniqueToken()}`, paragraphs: ["Court."] },
    ]);
    const versionId = story.versionIds.fr!;
    const context = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor("EDITOR") });
    const body = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x".repeat(12 * MB) }] }] });
    const save = actionIdFor("lib/editing/actions.ts", "saveVersion");
    const response = await postAction(
      context,
      `/admin/articles/${versionId}`,
      save,
      encodeActionForm({ versionId, baseVersion: "1", mode: "save", title: "Trop long", slug: "trop-long", body }),
      { origin: baseURL! },
    );
    expect(response.status()).toBe(200);
    const result = actionResultOf(await response.text());
    expect(result?.ok).toBe(false);
    expect(JSON.stringify(result)).toMatch(/taille maximale|size limit/);
    expect((await queryDatabase<{ version: number }>("SELECT version FROM article_versions WHERE id = $1", [versionId]))[0]!.version).toBe(
      1,
    );
    await context.dispose();
  });

  test("the editor keeps a document over the limit in the page and says by how much", async ({ browser }) => {
    test.setTimeout(120_000);
    const story = await insertStory([
      {
        language: "fr",
        status: "DRAFT",
        title: `Énorme ${uniqueToken()}`,
        slug: `enorme-${uniqueToken()}`,
        paragraphs: ["Début du texte."],
      },
    ]);
    const context = await browser.newContext({ storageState: storageStateFor("EDITOR") });
    const page = await context.newPage();
    await page.goto(`/admin/articles/${story.versionIds.fr}`);
    const body = page.locator(".ProseMirror");
    await expect(body).toContainText("Début du texte.");
    // A paste of 2.1 million characters, as the browser would deliver it.
    await body.evaluate((element) => {
      const data = new DataTransfer();
      data.setData("text/plain", "y".repeat(2_100_000));
      element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await page.keyboard.press("Control+s");
    const status = page.getByTestId("save-status");
    await expect(status).toHaveAttribute("data-state", "failed");
    await expect(status).toContainText(/(dépasse la limite de 2[\s\u202f ]000[\s\u202f ]000 caractères de|characters over the limit)/);
    await expect(status).toContainText(/1\d\d[\s\u202f ,]\d{3}/);
    expect(await body.evaluate((element) => element.textContent?.length ?? 0)).toBeGreaterThan(2_000_000);
    expect(
      (await queryDatabase<{ version: number }>("SELECT version FROM article_versions WHERE id = $1", [story.versionIds.fr]))[0]!.version,
    ).toBe(1);
    // The page holds two million characters: the visible part only, around the status line.
    await status.scrollIntoViewIfNeeded();
    await screenshots(page, "editor-over-limit", false);
    await context.close();
  });
});

test("no response a shared cache may keep sets a cookie; the redirect from / is private", async ({ request }) => {
  const token = uniqueToken();
  const tag = await insertTag({ fr: `Cookies ${token}`, en: `Cookies ${token}` });
  await insertStory(
    [
      { language: "fr", title: `Article fr ${token}`, slug: `article-fr-${token}`, paragraphs: ["Un paragraphe."] },
      { language: "en", title: `Article en ${token}`, slug: `article-en-${token}`, paragraphs: ["A paragraph."] },
    ],
    { tagIds: [tag.tagId] },
  );
  const paths = [
    "/fr",
    "/en",
    `/fr/article/article-fr-${token}`,
    `/en/article/article-en-${token}`,
    `/fr/tag/${tag.slugs.fr}`,
    `/en/tag/${tag.slugs.en}`,
    "/fr/recherche?q=paragraphe",
    "/en/search?q=paragraph",
    "/fr/feed.xml",
    "/en/feed.xml",
    "/fr/atom.xml",
    "/en/atom.xml",
    "/sitemap.xml",
    "/news-sitemap.xml",
    "/robots.txt",
    "/api/health",
    "/fr/article/nothing-here",
    "/en/no-such-page",
  ];
  let publicResponses = 0;
  for (const path of paths) {
    for (const headers of [{}, { "Accept-Language": "en", Cookie: "NEXT_LOCALE=en" }] as Record<string, string>[]) {
      const response = await request.get(path, { headers, maxRedirects: 0 });
      const cacheControl = response.headers()["cache-control"] ?? "";
      const cookies = response.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie");
      if (/public/.test(cacheControl)) {
        publicResponses += 1;
        expect(cookies, `${path} ${response.status()} ${cacheControl}`).toEqual([]);
      }
    }
  }
  expect(publicResponses).toBeGreaterThan(10);

  const root = await request.get("/", { headers: { "Accept-Language": "en" }, maxRedirects: 0 });
  expect(root.status()).toBeGreaterThanOrEqual(300);
  expect(root.headers()["location"]).toMatch(/\/en$/);
  expect(root.headers()["cache-control"]).toMatch(/private/);
  const remembered = await request.get("/", { headers: { "Accept-Language": "en", Cookie: "NEXT_LOCALE=fr" }, maxRedirects: 0 });
  expect(remembered.headers()["location"]).toMatch(/\/fr$/);
});
