// Shared bits of the browser tests: stored sessions, demo accounts, direct database checks.
import path from "node:path";
import { type Page } from "@playwright/test";
import pg from "pg";
import { DEMO_USERS } from "../seed/demo-users";
import type { Role } from "../lib/generated/prisma/enums";
import { currentStack } from "./stacks";

/** A role's stored sign-in on a stack's app (this worker's, unless named). */
export function storageStateFor(role: Role, stack = currentStack()): string {
  return path.join(process.env.E2E_AUTH_DIR ?? path.join(import.meta.dirname, ".auth"), String(stack), `${role.toLowerCase()}.json`);
}

export function demoUser(role: Role) {
  return DEMO_USERS.find((user) => user.role === role)!;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel(/e-mail|email/i).fill(email);
  await page.getByLabel(/mot de passe|password/i).fill(password);
  await page.getByRole("button", { name: /se connecter|sign in/i }).click();
}

/** A read straight from the database the app under test uses (DATABASE_URL). */
export async function queryDatabase<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@desk.test`;
}

/** Opens the signed-in person's menu at the foot of the sidebar (at phone width, inside the drawer). */
export async function openUserMenu(page: Page) {
  // At phone width the sidebar (and its menu) is inside the drawer; the desktop one is hidden.
  const drawerButton = page.getByTestId("open-menu");
  const inDrawer = await drawerButton.isVisible();
  if (inDrawer) await drawerButton.click();
  await (inDrawer ? page.getByRole("dialog") : page.getByTestId("sidebar")).getByTestId("user-menu").click();
  return page.getByRole("menu");
}

/** Signs out through the user menu. Only with a fresh sign-in: it ends the session on the server. */
export async function signOutThroughMenu(page: Page) {
  const menu = await openUserMenu(page);
  await menu.getByRole("menuitem", { name: /se déconnecter|sign out/i }).click();
}
