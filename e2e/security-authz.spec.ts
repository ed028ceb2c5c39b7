// The authorization matrix, over plain HTTP: every server action in the build's manifest and every
// admin page, as anonymous, translator, editor, admin and a deactivated user. Exactly the roles the
// permission table allows get past the check; every refused call leaves the database as it was.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser } from "@playwright/test";
import type { ActionResult } from "./security-actions";
import { hash } from "@node-rs/argon2";
import { PERMISSIONS } from "../lib/auth/permissions";
import { demoUser, queryDatabase, signIn, storageStateFor, uniqueEmail } from "./helpers";
import {
  actionResultOf,
  encodeActionForm,
  FORM_FIELD_PREFIX,
  manifestActions,
  pagePathFor,
  permissionOf,
  postAction,
} from "./security-actions";

type Role = "ADMIN" | "EDITOR" | "TRANSLATOR";
type Identity = { name: string; role: Role | null; storageState: () => string | StorageState };
type StorageState = {
  cookies: {
    name: string;
    value: string;
    domain: string;
    path: string;
    expires: number;
    httpOnly: boolean;
    secure: boolean;
    sameSite: "Lax";
  }[];
  origins: [];
};

const root = path.resolve(import.meta.dirname, "..");
const messages = (key: string) =>
  ["fr", "en"].map(
    (locale) => (JSON.parse(readFileSync(path.join(root, "messages", locale, "errors.json"), "utf8")) as Record<string, string>)[key]!,
  );
const FORBIDDEN = messages("forbidden");
const SIGN_IN = messages("signInRequired");
const ACCESS_DENIED = messages("accessDenied");

let deactivatedState: StorageState | string = "";
const nobody = (): StorageState => ({ cookies: [], origins: [] });

const identities: Identity[] = [
  { name: "anonymous", role: null, storageState: nobody },
  { name: "translator", role: "TRANSLATOR", storageState: () => storageStateFor("TRANSLATOR") },
  { name: "editor", role: "EDITOR", storageState: () => storageStateFor("EDITOR") },
  { name: "admin", role: "ADMIN", storageState: () => storageStateFor("ADMIN") },
  { name: "deactivated editor", role: null, storageState: () => deactivatedState },
];

test.beforeAll(async ({ browser, baseURL }) => {
  // A real editor who signed in, then was deactivated: their cookie is valid, their account is not.
  const email = uniqueEmail("deactivated");
  const password = "a-long-enough-password";
  const passwordHash = await hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  await queryDatabase(
    `INSERT INTO users (id, email, name, role, password_hash, updated_at) VALUES ($1, $2, 'Deactivated Editor', 'EDITOR', $3, now())`,
    [`sec-${Date.now()}`, email, passwordHash],
  );
  const context = await browser.newContext({ baseURL, storageState: nobody() });
  const page = await context.newPage();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/admin$/);
  deactivatedState = (await context.storageState()) as StorageState;
  await context.close();
  await queryDatabase(`UPDATE users SET active = false WHERE email = $1`, [email]);
});

/** Row count and checksum of every table; sign-in attempts, presence heartbeats and system audit entries move on their own. */
async function databaseSnapshot(): Promise<Record<string, string>> {
  const tables = await queryDatabase<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('sign_in_attempts', 'editing_presence') ORDER BY 1`,
  );
  const parts = tables.map(({ table_name: table }) => {
    const where = table === "audit_log" ? "WHERE t.actor_id IS NOT NULL" : "";
    // A session's last-seen time (and the expiry sliding with it) moves on any request past its throttle:
    // which sessions exist is what a refused call must not change.
    const row = table === "user_sessions" ? "t.id::text" : "t::text";
    return `SELECT '${table}' AS name, count(*) || ':' || md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS digest FROM "${table}" t ${where}`;
  });
  const rows = await queryDatabase<{ name: string; digest: string }>(parts.join(" UNION ALL "));
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}

async function contextFor(identity: Identity, baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState: identity.storageState() });
}

// Signing out ends the caller's session on the server: that action is walked with fresh sign-ins of
// the demo users, so the stored sessions every other spec shares stay alive.
const ENDS_OWN_SESSION = new Set(["signOutOfAdmin"]);

async function freshSignIn(browser: Browser, baseURL: string, role: Role): Promise<StorageState> {
  const context = await browser.newContext({ baseURL, storageState: nobody() });
  const page = await context.newPage();
  const user = demoUser(role);
  await signIn(page, user.email, user.password);
  await expect(page).toHaveURL(/\/admin$/);
  const state = (await context.storageState()) as StorageState;
  await context.close();
  return state;
}

test("hand-built action posts are encoded exactly as React encodes a real form post", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, storageState: storageStateFor("ADMIN") });
  const page = await context.newPage();
  await page.goto("/admin/users");
  const form = page.locator("form", { has: page.getByRole("button", { name: /créer l’utilisateur|create user/i }) });
  await form.getByLabel(/^nom$|^name$/i).fill("Encoding Check");
  await form.getByLabel(/e-mail|email/i).fill("not-an-email");
  await form.getByLabel(/mot de passe initial|initial password/i).fill("short");
  const posted = page.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
  await form.getByRole("button", { name: /créer l’utilisateur|create user/i }).click();
  const captured = await posted;
  await expect(page.locator("#email-error")).toBeVisible();
  const browserForm = await new Response(new Uint8Array(captured.postDataBuffer()!), {
    headers: { "content-type": captured.headers()["content-type"]! },
  }).formData();
  await context.close();

  const [previousState, formReference] = JSON.parse(String(browserForm.get("0"))) as [unknown, string];
  expect(typeof previousState).toBe("object");
  expect(formReference).toBe("$K1");
  // The form's own fields, without React's hidden `$ACTION_…` inputs (the wrapper ignores those).
  const fields: Record<string, string> = {};
  const browserKeys: string[] = [];
  for (const [name, value] of browserForm.entries()) {
    if (name === "0" || name.includes("$ACTION")) continue;
    expect(name).toMatch(new RegExp(`^${FORM_FIELD_PREFIX}`));
    fields[name.slice(FORM_FIELD_PREFIX.length)] = String(value);
    browserKeys.push(name);
  }
  expect(Object.keys(fields).sort()).toEqual(["email", "name", "password", "role"]);
  expect([...browserForm.keys()].at(-1), "part 0 comes last").toBe("0");
  const ours = encodeActionForm(fields);
  expect([...ours.keys()]).toEqual([...browserKeys, "0"]);
  for (const name of browserKeys) expect(ours.getAll(name)).toEqual(browserForm.getAll(name));

  // And the server reads our encoding the same way: the same field errors come back.
  const request = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor("ADMIN") });
  const response = await postAction(request, "/admin/users", captured.headers()["next-action"]!, ours, { origin: baseURL! });
  const text = await response.text();
  expect(response.status()).toBe(200);
  expect(text).toMatch(/"email":\["[^"]+"\]/);
  expect(text).toContain('"name":"Encoding Check"');
  await request.dispose();
});

const actions = manifestActions().sort((a, b) => `${a.filename}#${a.exportedName}`.localeCompare(`${b.filename}#${b.exportedName}`));

test("the build has server actions to walk, each in a lib/<feature>/[<part>-]actions.ts file", () => {
  expect(actions.length).toBeGreaterThan(40);
  for (const action of actions) expect(action.filename, action.exportedName).toMatch(/^lib\/[\w-]+\/(?:[\w-]+-)?actions\.ts$/);
});

for (const action of actions) {
  test(`action ${action.filename.replace(/^lib\//, "").replace(/\/actions\.ts$/, "")}#${action.exportedName}`, async ({
    baseURL,
    browser,
  }) => {
    const permission = permissionOf(action);
    expect(permission.kind, `${action.filename}#${action.exportedName}: no defineAction({ permission }) found`).not.toBe("unknown");
    if (permission.kind === "permission")
      expect(Object.keys(PERMISSIONS), `${action.exportedName} names a permission outside the table`).toContain(permission.permission);
    const allowedRoles: readonly string[] =
      permission.kind === "permission" ? PERMISSIONS[permission.permission as keyof typeof PERMISSIONS] : [];
    const pagePath = pagePathFor(action);
    // An empty form: an allowed caller gets at most a validation error, a refused one the refusal.
    const call = async (identity: Identity) => {
      const context =
        ENDS_OWN_SESSION.has(action.exportedName) && identity.role
          ? await playwrightRequest.newContext({ baseURL, storageState: await freshSignIn(browser, baseURL!, identity.role) })
          : await contextFor(identity, baseURL!);
      const response = await postAction(context, pagePath, action.id, encodeActionForm({}), { origin: baseURL! });
      const text = await response.text();
      await context.dispose();
      return {
        status: response.status(),
        location: response.headers()["location"] ?? "",
        text,
        result: response.status() === 200 ? actionResultOf(text) : null,
      };
    };
    const refusedWith = (result: ActionResult | null) =>
      result?.ok === false && result.message ? [...FORBIDDEN, ...SIGN_IN].includes(result.message) : false;

    if (permission.kind === "anyone") {
      for (const identity of identities) {
        const { status, result } = await call(identity);
        expect(status, identity.name).toBeLessThan(500);
        expect(refusedWith(result), identity.name).toBe(false);
      }
      return;
    }

    const refused = identities.filter((identity) => !identity.role || !allowedRoles.includes(identity.role));
    const allowed = identities.filter((identity) => identity.role && allowedRoles.includes(identity.role));
    const before = await databaseSnapshot();
    for (const identity of refused) {
      const { status, location, text, result } = await call(identity);
      if (identity.name === "anonymous" && pagePath.startsWith("/admin")) {
        // Without any session cookie the proxy sends the post to the sign-in page before the action.
        expect(status, identity.name).toBe(307);
        expect(location, identity.name).toContain("/login");
        continue;
      }
      expect(status, `${identity.name}: ${text.slice(0, 300)}`).toBe(200);
      const expected = identity.role ? FORBIDDEN : SIGN_IN;
      expect(result?.ok, `${identity.name}: ${text.slice(0, 300)}`).toBe(false);
      expect(expected, `${identity.name} must be refused`).toContain(result?.message);
    }
    expect(await databaseSnapshot(), "a refused call changed the database").toEqual(before);

    for (const identity of allowed) {
      const { status, text, result } = await call(identity);
      expect(status, `${identity.name}: ${text.slice(0, 300)}`).toBe(200);
      expect(result, `${identity.name}: the action answered`).not.toBeNull();
      expect(refusedWith(result), `${identity.name} must get past the permission check: ${JSON.stringify(result)}`).toBe(false);
    }
  });
}

test("a forged session cookie is no session: every action answers 'sign in', nothing changes", async ({ baseURL }) => {
  const context = await playwrightRequest.newContext({
    baseURL,
    storageState: {
      cookies: [
        {
          name: "authjs.session-token",
          value: "forged.token.value",
          domain: new URL(baseURL!).hostname,
          path: "/",
          expires: -1,
          httpOnly: true,
          secure: false,
          sameSite: "Lax",
        },
      ],
      origins: [],
    },
  });
  const before = await databaseSnapshot();
  for (const action of actions.filter((entry) => permissionOf(entry).kind === "permission")) {
    const response = await postAction(context, pagePathFor(action), action.id, encodeActionForm({}), { origin: baseURL! });
    const result = actionResultOf(await response.text());
    expect(SIGN_IN, action.exportedName).toContain(result?.message);
  }
  expect(await databaseSnapshot()).toEqual(before);
  await context.dispose();
});

// ---- Admin pages ----

function pageFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? pageFiles(full) : name === "page.tsx" ? [full] : [];
  });
}

/** The permission a page gates on (`if (!userCan(user, "…")) return <AccessDenied`), else admin.access. */
function pagePermission(file: string): keyof typeof PERMISSIONS {
  const gate = /if \(!userCan\(user, "([\w.]+)"\)\) return <AccessDenied/.exec(readFileSync(file, "utf8"));
  return (gate?.[1] ?? "admin.access") as keyof typeof PERMISSIONS;
}

const adminPages = pageFiles(path.join(root, "app", "admin")).map((file) => ({
  route: `/${path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep).join("/")}`,
  permission: pagePermission(file),
}));

/** Real ids for the dynamic segments, so an allowed visit renders the page rather than a 404. */
async function fixtureParams(): Promise<Record<string, string>> {
  const [story] = await queryDatabase<{ article_id: string; version_id: string; source_language: string }>(
    `SELECT a.id AS article_id, v.id AS version_id, a.source_language FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.language = a.source_language
     WHERE a.source_language IN ('fr', 'en') ORDER BY a.created_at LIMIT 1`,
  );
  const [tag] = await queryDatabase<{ id: string }>(`SELECT id FROM tags ORDER BY created_at LIMIT 1`);
  const [record] = await queryDatabase<{ id: string }>(
    `SELECT id FROM import_records WHERE status = 'STAGED' ORDER BY created_at LIMIT 1`,
  ).catch(() => []);
  const [anyRecord] = record ? [record] : await queryDatabase<{ id: string }>(`SELECT id FROM import_records ORDER BY created_at LIMIT 1`);
  let [asset] = await queryDatabase<{ id: string }>(`SELECT id FROM media_assets ORDER BY created_at LIMIT 1`);
  if (!asset) {
    const id = `sec-asset-${Date.now()}`;
    await queryDatabase(
      `INSERT INTO media_assets (id, storage_key, mime_type, byte_size, width, height, sha256, variants, updated_at) VALUES ($1, $2, 'image/jpeg', 1, 1, 1, $3, '[]', now())`,
      [id, `${id}/original-0.jpg`, id],
    );
    asset = { id };
  }
  // A paused feed source, never polled: the ingest source page needs one.
  let [source] = await queryDatabase<{ id: string }>(`SELECT id FROM ingest_sources ORDER BY created_at LIMIT 1`);
  if (!source) {
    source = { id: `sec-source-${Date.now()}` };
    await queryDatabase(
      `INSERT INTO ingest_sources (id, kind, name, url, enabled, next_poll_at, updated_at) VALUES ($1, 'FEED', 'Security walk', 'https://example.org/feed.xml', false, '2999-01-01', now())`,
      [source.id],
    );
  }
  return {
    "ingest/[id]": source.id,
    "[id]": story!.version_id,
    "[articleId]": story!.article_id,
    "[language]": story!.source_language === "fr" ? "en" : "fr",
    "import/[id]": anyRecord!.id,
    "media/[id]": asset.id,
    "tags/[id]": tag!.id,
  };
}

function urlOf(route: string, params: Record<string, string>): string {
  return route
    .split("/")
    .map((segment, index, segments) => params[`${segments[index - 1]}/${segment}`] ?? params[segment] ?? segment)
    .join("/");
}

test("every admin page opens for exactly the roles its permission allows", async ({ baseURL }) => {
  expect(adminPages.length).toBeGreaterThan(15);
  const params = await fixtureParams();
  const contexts = await Promise.all(identities.map((identity) => contextFor(identity, baseURL!)));
  const failures: string[] = [];
  for (const { route, permission } of adminPages) {
    const url = urlOf(route, params);
    for (const [index, identity] of identities.entries()) {
      const response = await contexts[index]!.get(url, { maxRedirects: 0, failOnStatusCode: false });
      const html = await response.text();
      const allowed = identity.role !== null && (PERMISSIONS[permission] as readonly string[]).includes(identity.role);
      // The page's own h1: the admin layout serializes every UI string for the client, so the
      // access-denied text is somewhere in every admin page; only the heading says which was shown.
      const heading =
        /<h1[^>]*>([\s\S]*?)<\/h1>/
          .exec(html)?.[1]
          ?.replace(/<[^>]+>/g, "")
          .trim() ?? null;
      const denied = heading !== null && ACCESS_DENIED.includes(heading.replace(/&#x27;/g, "'").replace(/&amp;/g, "&"));
      const toLogin = [303, 307, 308].includes(response.status()) && (response.headers()["location"] ?? "").includes("/login");
      const label = `${identity.name} ${url} (${permission}) → ${response.status()}`;
      if (allowed) {
        if (response.status() !== 200 || denied || !heading)
          failures.push(`${label}: expected the page and its h1, got ${JSON.stringify(heading)}`);
      } else if (identity.role === null ? !toLogin : !denied) {
        failures.push(`${label}: expected ${identity.role === null ? "a redirect to /login" : "the access-denied heading"}`);
      }
    }
  }
  await Promise.all(contexts.map((context) => context.dispose()));
  expect(failures).toEqual([]);
});
