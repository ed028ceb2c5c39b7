// Sign-in abuse against the real service and database: 200 parallel guesses judge at most five
// before the lockout refuses (even the right password), and a password reset or a role change
// makes a session token issued before it worthless. Only Next's request plumbing is replaced
// (cookies, headers, translations); the session token is a real next-auth JWT.
import { randomUUID } from "node:crypto";
import { encode, decode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Session } from "next-auth";
import { checkCredentials } from "@/lib/auth";
import { authConfig, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/config";
import { LOCKOUT_MAX_FAILURES } from "@/lib/auth/lockout";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { initialActionState } from "@/lib/action-state";
import { changeUserRole, resetUserPassword } from "@/lib/users/actions";
import { createUser } from "@/lib/users/service";

const SESSION_COOKIE = "authjs.session-token";
const browser = vi.hoisted(() => ({ sessionCookie: null as string | null }));

// `auth()` as next-auth runs it for a request: decode the session cookie, then the session callback.
vi.mock("@/lib/auth", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth")>();
  return { ...original, auth: async () => sessionFromCookie(browser.sessionCookie) };
});
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next-intl/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-intl/server")>()),
  getTranslations: async () => Object.assign((key: string) => key, { has: () => false }),
}));

function secret(): string {
  const value = process.env.AUTH_SECRET;
  if (!value) throw new Error("The Vitest global setup sets AUTH_SECRET");
  return value;
}

type JwtParams = Parameters<typeof authConfig.callbacks.jwt>[0];
type SessionParams = Parameters<typeof authConfig.callbacks.session>[0];

async function sessionFromCookie(cookie: string | null): Promise<Session | null> {
  if (!cookie) return null;
  const token = await decode({ token: cookie, secret: secret(), salt: SESSION_COOKIE });
  if (!token) return null;
  const session = { user: {}, expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000).toISOString() };
  return authConfig.callbacks.session({ session, token } as unknown as SessionParams) as Session;
}

/** Signs in through the credentials check and returns the session cookie next-auth would set. */
async function signIn(email: string, password: string): Promise<string> {
  const user = await checkCredentials({ email, password }, uniqueAddress());
  const token = authConfig.callbacks.jwt({ token: { email: user.email, name: user.name, sub: user.id }, user } as JwtParams);
  return encode({ token, secret: secret(), salt: SESSION_COOKIE, maxAge: SESSION_MAX_AGE_SECONDS });
}

function uniqueAddress(): string {
  const hex = randomUUID().replace(/-/g, "");
  return `2001:db8:${hex.slice(0, 4)}:${hex.slice(4, 8)}::${hex.slice(8, 12)}`;
}

const PASSWORD = "correct-horse-battery-staple";

async function makeUser(role: "ADMIN" | "EDITOR") {
  const email = `abuse-${randomUUID()}@desk.test`;
  const user = await createUser({ email, name: `Abuse ${role}`, role, password: PASSWORD }, null);
  return { ...user, email };
}

type Outcome = "signedIn" | "invalid" | "locked";

async function attempt(email: string, password: string, ip: string): Promise<Outcome> {
  try {
    await checkCredentials({ email, password }, ip);
    return "signedIn";
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "invalid" || code === "locked") return code;
    throw error;
  }
}

function tally(outcomes: Outcome[]) {
  return {
    signedIn: outcomes.filter((outcome) => outcome === "signedIn").length,
    invalid: outcomes.filter((outcome) => outcome === "invalid").length,
    locked: outcomes.filter((outcome) => outcome === "locked").length,
  };
}

describe("200 parallel sign-in attempts on one account", () => {
  // Every tenth attempt carries the right password: once locked, it is refused like the others.
  const passwordFor = (index: number) => (index % 10 === 9 ? PASSWORD : `wrong-guess-${index}`);

  it("from one address: at most five are judged, the rest are refused, the right password too", async () => {
    const { email } = await makeUser("EDITOR");
    const ip = uniqueAddress();
    const outcomes = await Promise.all(Array.from({ length: 200 }, (_, index) => attempt(email, passwordFor(index), ip)));
    const counts = tally(outcomes);
    expect(counts.invalid).toBeLessThanOrEqual(LOCKOUT_MAX_FAILURES);
    expect(counts.invalid + counts.signedIn).toBeLessThanOrEqual(LOCKOUT_MAX_FAILURES);
    expect(counts.locked).toBeGreaterThanOrEqual(200 - LOCKOUT_MAX_FAILURES);
    const rightPasswordLocked = outcomes.filter((outcome, index) => passwordFor(index) === PASSWORD && outcome === "locked").length;
    expect(rightPasswordLocked).toBeGreaterThanOrEqual(20 - LOCKOUT_MAX_FAILURES);
    // Every attempt was recorded, and the account stays locked for the right password afterwards.
    expect(await db.signInAttempt.count({ where: { email } })).toBe(200);
    expect(await attempt(email, PASSWORD, uniqueAddress())).toBe("locked");
  });

  it("from 200 addresses: the account's own count still stops them", async () => {
    const { email } = await makeUser("EDITOR");
    const outcomes = await Promise.all(Array.from({ length: 200 }, (_, index) => attempt(email, passwordFor(index), uniqueAddress())));
    const counts = tally(outcomes);
    expect(counts.invalid + counts.signedIn).toBeLessThanOrEqual(LOCKOUT_MAX_FAILURES);
    expect(await attempt(email, PASSWORD, uniqueAddress())).toBe("locked");
  });
});

describe("revoking sessions", () => {
  beforeEach(() => {
    browser.sessionCookie = null;
  });

  async function actAs(cookie: string, action: typeof resetUserPassword, fields: Record<string, string>) {
    browser.sessionCookie = cookie;
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    return action(initialActionState, form);
  }

  async function currentUserWith(cookie: string) {
    browser.sessionCookie = cookie;
    return getCurrentUser();
  }

  it("a password reset refuses the session issued before it; the new password signs in", async () => {
    const admin = await makeUser("ADMIN");
    const editor = await makeUser("EDITOR");
    const adminCookie = await signIn(admin.email, PASSWORD);
    const before = await signIn(editor.email, PASSWORD);
    expect(await currentUserWith(before)).toMatchObject({ id: editor.id });

    const newPassword = "a-brand-new-password-2026";
    expect(await actAs(adminCookie, resetUserPassword, { userId: editor.id, password: newPassword })).toMatchObject({ ok: true });

    expect(await currentUserWith(before)).toBeNull();
    // An action sent with the old cookie is refused before it runs.
    expect(await actAs(before, resetUserPassword, { userId: admin.id, password: newPassword })).toMatchObject({
      ok: false,
      message: "signInRequired",
    });
    await expect(signIn(editor.email, PASSWORD)).rejects.toMatchObject({ code: "invalid" });
    expect(await currentUserWith(await signIn(editor.email, newPassword))).toMatchObject({ id: editor.id });
    expect(await currentUserWith(adminCookie)).toMatchObject({ id: admin.id });
  });

  it("a role change refuses the session issued before it; a new sign-in carries the new role", async () => {
    const admin = await makeUser("ADMIN");
    const editor = await makeUser("EDITOR");
    const adminCookie = await signIn(admin.email, PASSWORD);
    const before = await signIn(editor.email, PASSWORD);
    expect(await currentUserWith(before)).toMatchObject({ role: "EDITOR" });

    expect(await actAs(adminCookie, changeUserRole, { userId: editor.id, role: "TRANSLATOR" })).toMatchObject({ ok: true });

    expect(await currentUserWith(before)).toBeNull();
    expect(await currentUserWith(await signIn(editor.email, PASSWORD))).toMatchObject({ id: editor.id, role: "TRANSLATOR" });
  });
});
