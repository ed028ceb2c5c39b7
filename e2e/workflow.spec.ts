// The editorial workflow in a browser: an editor submits a seeded draft, a second editor approves
// and publishes it and readers see it; a scheduled article reaches the reader home by itself; an
// embargoed one, published, answers 404 to readers and shows its embargo in the list.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { queryDatabase, signIn, storageStateFor, uniqueEmail } from "./helpers";

// Steps below wait on a background loop: give the file's tests room.
test.describe.configure({ timeout: 60_000 });

type SeededDraft = { id: string; title: string; language: string };

/** A seeded original-language draft no other test has taken (or a fresh one when none is left). */
async function takeSeededDraft(): Promise<SeededDraft> {
  const [draft] = await queryDatabase<SeededDraft>(
    `SELECT v.id, v.title, v.language FROM article_versions v JOIN articles a ON a.id = v.article_id
      WHERE v.status = 'DRAFT' AND v.language = a.source_language AND v.language IN ('fr', 'en')
      ORDER BY v.created_at, v.id LIMIT 1`,
  );
  return draft ?? createStory("DRAFT", `Story ${randomUUID().slice(0, 8)}`);
}

/** A story with one French version in the given state, straight in the database. */
async function createStory(status: string, title: string): Promise<SeededDraft> {
  const articleId = `e2e-${randomUUID()}`;
  const id = `e2e-${randomUUID()}`;
  const body = { type: "doc", content: [{ type: "paragraph", attrs: { blockId: "b1" }, content: [{ type: "text", text: title }] }] };
  await queryDatabase(`INSERT INTO articles (id, source_language, updated_at) VALUES ($1, 'fr', now())`, [articleId]);
  await queryDatabase(
    `INSERT INTO article_versions (id, article_id, language, status, title, slug, body_json, body_text, updated_at)
     VALUES ($1, $2, 'fr', $3::"VersionStatus", $4, $5, $6, $4, now())`,
    [id, articleId, status, title, id, JSON.stringify(body)],
  );
  return { id, title, language: "fr" };
}

/** A second editor, made straight in the database (the user admin has its own spec). */
async function createSecondEditor() {
  const email = uniqueEmail("reviewer");
  const password = "second-editor-password";
  const passwordHash = await hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  await queryDatabase(
    `INSERT INTO users (id, email, name, role, password_hash, updated_at) VALUES ($1, $2, 'Second Editor', 'EDITOR', $3, now())`,
    [`e2e-${randomUUID()}`, email, passwordHash],
  );
  return { email, password };
}

async function clickTransition(page: Page, kind: string, name: RegExp, expectedStatus: string) {
  await page.getByTestId(`transition-${kind}`).getByRole("button", { name }).click();
  await expect(page.getByTestId("workflow-state")).toHaveAttribute("data-status", expectedStatus);
}

/** Reloads the reader home until the headline shows (the loop and caches take a moment). */
async function expectOnReaderHome(page: Page, language: string, title: string, timeoutMs: number) {
  await expect(async () => {
    await page.goto(`/${language}`);
    await expect(page.getByRole("heading", { name: title, exact: true })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: timeoutMs, intervals: [500, 1000] });
}

async function newSignedInPage(browser: Browser, email: string, password: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/admin$/);
  return page;
}

test("an editor submits, a second editor approves and publishes, readers see it", async ({ browser }) => {
  const draft = await takeSeededDraft();
  // Another journey may have edited this seeded draft before (its saves are audited too): only this journey's entries count.
  const [before] = await queryDatabase<{ lastAuditId: string }>(`SELECT coalesce(max(id), 0)::text AS "lastAuditId" FROM audit_log`);
  const editorContext = await browser.newContext({ storageState: storageStateFor("EDITOR") });
  const editor = await editorContext.newPage();
  await editor.goto(`/admin/articles/${draft.id}/workflow`);
  await expect(editor.getByTestId("workflow-state")).toHaveAttribute("data-status", "DRAFT");
  await clickTransition(editor, "submit", /soumettre à relecture|submit for review/i, "IN_REVIEW");
  // Four eyes: the submitter is offered no approve button.
  await expect(editor.getByTestId("transition-approve")).toHaveCount(0);

  const second = await createSecondEditor();
  const reviewer = await newSignedInPage(browser, second.email, second.password);
  await reviewer.goto(`/admin/articles/${draft.id}/workflow`);
  await clickTransition(reviewer, "approve", /approuver|approve/i, "APPROVED");
  await clickTransition(reviewer, "publish", /publier maintenant|publish now/i, "PUBLISHED");

  await expectOnReaderHome(reviewer, draft.language, draft.title, 10_000);
  const audit = await queryDatabase<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 AND id > $2 ORDER BY id`, [
    draft.id,
    before!.lastAuditId,
  ]);
  expect(audit.map((row) => row.action)).toEqual(["workflow.submit", "workflow.approve", "workflow.publish"]);
  await editorContext.close();
  await reviewer.context().close();
});

test("bulk publish from the list says what was published and what was refused", async ({ browser }) => {
  const word = `zq${randomUUID().replace(/-/g, "").slice(0, 10)}`;
  const approved = await createStory("APPROVED", `Approved ${word}`);
  const draft = await createStory("DRAFT", `Draft ${word}`);
  const context = await browser.newContext({ storageState: storageStateFor("EDITOR") });
  const page = await context.newPage();
  // The filter form is a plain GET form: its fields land in the address.
  await page.goto("/admin/articles");
  await page.getByLabel(/rechercher dans le titre|search title and text/i).fill(word);
  await page.getByRole("button", { name: /^afficher$|^show$/i }).click();
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  const rows = page.getByTestId("article-list").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  for (const story of [approved, draft]) await page.getByRole("checkbox", { name: story.title }).check();
  await page.getByLabel(/^opération$|^operation$/i).selectOption("publish");
  await page.getByRole("button", { name: /^appliquer$|^apply$/i }).click();
  await expect(page.getByTestId("bulk-summary")).toHaveText(
    /1 publiée; 1 refusée\(s\) : non approuvée|1 published; 1 refused: not approved/,
  );
  const states = await queryDatabase<{ id: string; status: string }>(
    `SELECT id, status::text AS status FROM article_versions WHERE id = ANY($1)`,
    [[approved.id, draft.id]],
  );
  expect(Object.fromEntries(states.map((state) => [state.id, state.status]))).toEqual({ [approved.id]: "PUBLISHED", [draft.id]: "DRAFT" });
  await context.close();
});

test("the list's filters and bulk form work without JavaScript", async ({ browser }) => {
  const word = `zq${randomUUID().replace(/-/g, "").slice(0, 10)}`;
  const story = await createStory("DRAFT", `Plain ${word}`);
  const context = await browser.newContext({ storageState: storageStateFor("EDITOR"), javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/admin/articles");
  await page.getByLabel(/rechercher dans le titre|search title and text/i).fill(word);
  await page.getByLabel(/^état$|^state$/i).selectOption("DRAFT");
  await page.getByRole("button", { name: /^afficher$|^show$/i }).click();
  await expect(page).toHaveURL(new RegExp(`q=${word}.*status=DRAFT`));
  await page.getByRole("checkbox", { name: story.title }).check();
  await page.getByLabel(/^opération$|^operation$/i).selectOption("archive");
  await page.getByRole("button", { name: /^appliquer$|^apply$/i }).click();
  await expect(page.getByTestId("bulk-summary")).toHaveText(/1 archivée|1 archived/);
  const [row] = await queryDatabase<{ status: string }>(`SELECT status::text AS status FROM article_versions WHERE id = $1`, [story.id]);
  expect(row?.status).toBe("ARCHIVED");
  await context.close();
});

/** `datetime-local` text for a moment, in this machine's zone (the browser runs on it too). */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

test("a scheduled article reaches the reader home by itself; a cancelled one does not", async ({ browser }) => {
  const scheduled = await takeSeededDraft();
  await queryDatabase(`UPDATE article_versions SET status = 'APPROVED', version = version + 1 WHERE id = $1`, [scheduled.id]);
  const cancelled = await takeSeededDraft();
  await queryDatabase(`UPDATE article_versions SET status = 'APPROVED', version = version + 1 WHERE id = $1`, [cancelled.id]);

  const context = await browser.newContext({ storageState: storageStateFor("EDITOR") });
  const page = await context.newPage();
  const inAnHour = new Date(Date.now() + 60 * 60 * 1000);
  for (const version of [scheduled, cancelled]) {
    await page.goto(`/admin/articles/${version.id}/workflow`);
    await page.getByLabel(/heure de publication|publication time/i).fill(localInputValue(inAnHour));
    await page.getByRole("button", { name: /^programmer$|^schedule$/i }).click();
    await expect(page.getByTestId("workflow-scheduled")).toBeVisible();
  }
  // The form took the editor's wall-clock time, to the minute.
  const [row] = await queryDatabase<{ scheduled_at: Date }>(`SELECT scheduled_at FROM article_versions WHERE id = $1`, [scheduled.id]);
  expect(Math.abs(new Date(row!.scheduled_at).getTime() - inAnHour.getTime())).toBeLessThan(61_000);

  await page.getByRole("button", { name: /annuler la publication programmée|cancel the scheduled publication/i }).click();
  await expect(page.getByTestId("workflow-scheduled")).toHaveCount(0);

  // Rather than wait an hour: bring the first one's time to a few seconds from now. Nobody acts
  // after this; the server's loop (every SCHEDULER_INTERVAL_MS, 20 s by default) publishes it.
  await queryDatabase(`UPDATE article_versions SET scheduled_at = now() + interval '3 seconds' WHERE id = $1`, [scheduled.id]);
  await page.goto("/admin");
  await expect(page.getByTestId("scheduled")).toContainText(scheduled.title);
  await expectOnReaderHome(page, scheduled.language, scheduled.title, 40_000);

  const states = await queryDatabase<{ id: string; status: string }>(
    `SELECT id, status::text AS status FROM article_versions WHERE id = ANY($1)`,
    [[scheduled.id, cancelled.id]],
  );
  expect(Object.fromEntries(states.map((state) => [state.id, state.status]))).toEqual({
    [scheduled.id]: "PUBLISHED",
    [cancelled.id]: "APPROVED",
  });
  const audit = await queryDatabase<{ actor_id: string | null }>(
    `SELECT actor_id FROM audit_log WHERE entity_id = $1 AND action = 'workflow.scheduledPublish'`,
    [scheduled.id],
  );
  expect(audit).toEqual([{ actor_id: null }]);
  await context.close();

  // Admins read it in the audit log; editors may not open it.
  const admin = await browser.newContext({ storageState: storageStateFor("ADMIN") });
  const adminPage = await admin.newPage();
  await adminPage.goto(`/admin/audit?entity=${scheduled.id}`);
  await expect(adminPage.getByTestId("audit-log")).toContainText("workflow.scheduledPublish");
  await expect(adminPage.getByTestId("audit-log")).toContainText("workflow.schedule");
  await admin.close();
  const editorPage = await (await browser.newContext({ storageState: storageStateFor("EDITOR") })).newPage();
  await editorPage.goto("/admin/audit");
  await expect(editorPage.getByTestId("audit-log")).toHaveCount(0);
  await expect(editorPage.getByRole("heading", { level: 1 })).toHaveText(/accès|access/i);
  await editorPage.context().close();
});

test("an editor embargoes a story in the editor and publishes it: readers get a 404, the list shows the embargo", async ({ browser }) => {
  const word = `zq${randomUUID().replace(/-/g, "").slice(0, 10)}`;
  const story = await createStory("APPROVED", `Embargo ${word}`);
  const shots = path.join(import.meta.dirname, "..", "test-results", "screenshots", "embargo");
  const context = await browser.newContext({ storageState: storageStateFor("EDITOR"), viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`/admin/articles/${story.id}`);
  await page.getByRole("tab", { name: /^(circuit|workflow)$/i }).click();
  await page.getByLabel(/sous embargo jusqu’au|embargoed until/i).fill(localInputValue(new Date(Date.now() + 2 * 60 * 60 * 1000)));
  await page.getByRole("button", { name: /poser l’embargo|set the embargo/i }).click();
  await expect(page.getByTestId("editor-embargo")).toBeVisible();
  await expect(page.getByTestId("workflow-embargo")).toBeVisible();
  await page.screenshot({ path: path.join(shots, "editor-1366.png") });

  await page
    .locator("[data-primary-action]")
    .getByRole("button", { name: /publier maintenant|publish now/i })
    .click();
  await expect(page.getByTestId("workflow-state")).toHaveAttribute("data-status", "PUBLISHED");
  expect((await page.request.get(`/fr/article/${story.id}`)).status()).toBe(404);

  await page.goto(`/admin/articles?q=${word}`);
  await expect(page.getByTestId("article-list").getByTestId("embargo-badge")).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/admin/articles/${story.id}`);
  await expect(page.getByTestId("editor-embargo")).toBeVisible();
  await page.getByRole("button", { name: /^document$/i }).click();
  await page
    .getByRole("dialog")
    .getByRole("tab", { name: /^(circuit|workflow)$/i })
    .click();
  await expect(page.getByRole("dialog").getByTestId("workflow-embargo")).toBeVisible();
  await page.screenshot({ path: path.join(shots, "editor-390.png") });
  await context.close();
});
