// Security headers on every kind of response (admin, reader, sign-in, API, photos, feeds), a strict
// nonce-based script policy that Next's own scripts follow on the desk, reader pages that carry no
// script and forbid them all, session cookie flags, and server actions refusing a cross-origin post.
import { expect, request as playwrightRequest, test, type APIResponse } from "@playwright/test";
import { queryDatabase, storageStateFor, uniqueEmail } from "./helpers";
import { insertStory, uniqueToken } from "./public-fixtures";
import { actionIdFor, encodeActionForm, postAction } from "./security-actions";

const token = uniqueToken();
const slug = `securite-${token}`;

test.beforeAll(async () => {
  await insertStory([{ language: "fr", title: `En-têtes de sécurité ${token}`, slug, paragraphs: ["Un paragraphe."] }]);
});

function policyOf(response: APIResponse): Map<string, string[]> {
  const header = response.headers()["content-security-policy"] ?? "";
  return new Map(
    header
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectCommonHeaders(response: APIResponse, path: string) {
  const headers = response.headers();
  expect(headers["x-content-type-options"], path).toBe("nosniff");
  expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], path).toContain("camera=()");
  expect(headers["x-powered-by"], path).toBeUndefined();
  // Plain HTTP here: HSTS would be meaningless and is left out.
  expect(headers["strict-transport-security"], path).toBeUndefined();
  expect(headers["content-security-policy"], path).toBeTruthy();
}

function expectStrictPagePolicy(response: APIResponse, path: string): string {
  const policy = policyOf(response);
  const scripts = policy.get("script-src") ?? [];
  expect(scripts, path).toContain("'self'");
  expect(scripts, path).toContain("'strict-dynamic'");
  expect(scripts, path).not.toContain("'unsafe-inline'");
  expect(scripts, path).not.toContain("'unsafe-eval'");
  expect(policy.get("object-src"), path).toEqual(["'none'"]);
  expect(policy.get("base-uri"), path).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors"), path).toEqual(["'none'"]);
  expect(policy.get("form-action"), path).toEqual(["'self'"]);
  const nonce = scripts.find((value) => value.startsWith("'nonce-"));
  expect(nonce, path).toBeTruthy();
  return nonce!.slice("'nonce-".length, -1);
}

/** Every executable <script> in the HTML carries this response's nonce (JSON-LD is data, not code). */
function expectScriptsCarryNonce(html: string, nonce: string, path: string) {
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]!);
  const executable = scripts.filter((attributes) => !/type="application\/(ld\+)?json"/.test(attributes));
  expect(executable.length, path).toBeGreaterThan(0);
  for (const attributes of executable) expect(attributes, path).toContain(`nonce="${nonce}"`);
}

/** A reader page: no script may run, and none is there to run (JSON-LD is data, not code). */
function expectNoScriptPolicy(response: APIResponse, html: string, path: string) {
  const policy = policyOf(response);
  expect(policy.get("script-src"), path).toEqual(["'none'"]);
  expect(policy.get("object-src"), path).toEqual(["'none'"]);
  expect(policy.get("base-uri"), path).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors"), path).toEqual(["'none'"]);
  expect(policy.get("form-action"), path).toEqual(["'self'"]);
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]!);
  expect(
    scripts.filter((attributes) => !/type="application\/ld\+json"/.test(attributes)),
    path,
  ).toEqual([]);
}

test.describe("reader pages", () => {
  for (const path of ["/fr", "/fr/article/<slug>", "/en/search?q=test", "/fr/no-such-page"]) {
    test(`${path} has the security headers and no script at all`, async ({ request }) => {
      const url = path.replace("<slug>", slug);
      const response = await request.get(url);
      expect(response.status(), path).toBe(path.includes("no-such") ? 404 : 200);
      expectCommonHeaders(response, path);
      expectNoScriptPolicy(response, await response.text(), path);
    });
  }
});

test.describe("pages", () => {
  const pages = [
    { path: "/login", role: null },
    { path: "/admin", role: "EDITOR" },
    { path: "/admin/articles", role: "EDITOR" },
    { path: "/admin/users", role: "ADMIN" },
  ] as const;

  for (const { path, role } of pages) {
    test(`${path} has the security headers and a nonce on every script`, async ({ baseURL }) => {
      const context = await playwrightRequest.newContext({
        baseURL,
        storageState: role ? storageStateFor(role) : { cookies: [], origins: [] },
      });
      const url = path.replace("<slug>", slug);
      const first = await context.get(url);
      const second = await context.get(url);
      expect(first.status(), path).toBe(200);
      expectCommonHeaders(first, path);
      const nonce = expectStrictPagePolicy(first, path);
      expect(expectStrictPagePolicy(second, path), "a fresh nonce per response").not.toBe(nonce);
      expectScriptsCarryNonce(await first.text(), nonce, path);
      await context.dispose();
    });
  }

  test("redirects and 404s carry the headers too", async ({ request }) => {
    const redirect = await request.get("/admin/users", { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expectCommonHeaders(redirect, "redirect to sign-in");
    const missing = await request.get(`/fr/article/nothing-here-${token}`);
    expect(missing.status()).toBe(404);
    expectCommonHeaders(missing, "404");
  });

  test("over HTTPS (behind a TLS proxy) HSTS is sent and insecure requests are upgraded", async ({ request }) => {
    const response = await request.get("/fr", { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers()["strict-transport-security"]).toMatch(/^max-age=\d{8,}/);
    expect(policyOf(response).has("upgrade-insecure-requests")).toBe(true);
  });
});

test("API routes, feeds and photos get the headers and a policy that lets nothing run", async ({ request }) => {
  for (const path of ["/api/health", "/fr/feed.xml", "/sitemap.xml", "/robots.txt", "/media/..%2F..%2Fetc%2Fpasswd"]) {
    const response = await request.get(path);
    expectCommonHeaders(response, path);
    expect(policyOf(response).get("default-src"), path).toEqual(["'none'"]);
  }
});

test("a reader page loads with no policy violation, and markup slipped into it cannot run", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/content security policy/i.test(message.text())) violations.push(message.text());
  });
  // The desk's sign-in page runs Next's runtime (it sets window.next while hydrating): its scripts
  // were allowed by the nonce.
  await page.goto("/login");
  await page.waitForFunction(() => "next" in window);
  await page.goto(`/fr/article/${slug}`);
  expect(await page.evaluate(() => "next" in window)).toBe(false);
  await page.goto("/fr");
  expect(violations).toEqual([]);

  // Markup slipped into the page cannot run: inline event handlers are refused by the policy.
  const ran = await page.evaluate(async () => {
    const probe = window as unknown as { __handler?: boolean };
    const holder = document.createElement("div");
    holder.innerHTML = '<img src="x:y" onerror="window.__handler = true"><svg><image href="x:y" onerror="window.__handler = true"/></svg>';
    document.body.append(holder);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return Boolean(probe.__handler);
  });
  expect(ran).toBe(false);
  expect(violations.length).toBeGreaterThan(0);
});

test("the session cookie is HttpOnly and SameSite=Lax, and Secure with the __Secure- prefix over HTTPS", async ({ browser, baseURL }) => {
  test.slow(); // two fresh contexts and two argon2 sign-ins: over 30 s on a loaded CI machine
  for (const https of [false, true]) {
    const context = await browser.newContext({
      storageState: { cookies: [], origins: [] },
      extraHTTPHeaders: https ? { "x-forwarded-proto": "https" } : {},
    });
    const page = await context.newPage();
    const setCookies: string[] = [];
    page.on("response", async (response) => {
      if (response.request().method() === "POST")
        setCookies.push(...(await response.headersArray()).filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value));
    });
    await page.goto("/login");
    await page.getByLabel(/e-mail|email/i).fill("editor@desk.local");
    await page.getByLabel(/mot de passe|password/i).fill("editor-demo-password");
    await page.getByRole("button", { name: /se connecter|sign in/i }).click();
    await expect.poll(() => setCookies.some((cookie) => /authjs\.session-token=/.test(cookie))).toBe(true);
    const session = setCookies.find((cookie) => /authjs\.session-token=/.test(cookie))!;
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).toMatch(/;\s*Path=\//i);
    if (https) {
      expect(session).toMatch(/^__Secure-authjs\.session-token=/);
      expect(session).toMatch(/;\s*Secure/i);
    } else {
      expect(session).toMatch(/^authjs\.session-token=/);
    }
    // The signed-in page keeps a request open, and closing its context has waited on it for the whole test
    // budget (the trace's last step, twice in full runs): what is checked is above, so stop waiting after 5 s;
    // the browser and what is left of the context go with the worker.
    await page.removeAllListeners("response", { behavior: "ignoreErrors" });
    await Promise.race([context.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5_000))]);
  }
  expect(baseURL).toBeTruthy();
});

test("a server action replayed from another origin is refused and changes nothing", async ({ baseURL }) => {
  const createUser = actionIdFor("lib/users/actions.ts", "createUser");
  const email = uniqueEmail("cross-origin");
  const fields = { name: "Cross Origin", email, role: "EDITOR", password: "a-long-enough-password" };
  const context = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor("ADMIN") });
  const forged = await postAction(context, "/admin/users", createUser, encodeActionForm(fields), { origin: "https://evil.example" });
  // Next compares Origin with Host and throws before the action runs (an error answer, no result).
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(await forged.text()).not.toContain("Cross Origin");
  expect(await queryDatabase("SELECT 1 FROM users WHERE email = $1", [email])).toEqual([]);
  // The same post from our own origin does create the user: the refusal above is the origin check.
  const genuine = await postAction(context, "/admin/users", createUser, encodeActionForm(fields), { origin: baseURL! });
  expect(genuine.status()).toBe(200);
  expect(await queryDatabase("SELECT 1 FROM users WHERE email = $1", [email])).toHaveLength(1);
  await context.dispose();
});
