// Server-side sessions against the real database: a sign-in opens a row, a deleted row is no
// session whatever the token says, last seen is written at most every few minutes, an admin's
// "sign out everywhere" and a deactivation delete the rows, and the job queue sweeps expired ones.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Session } from "next-auth";
import { checkCredentials } from "@/lib/auth";
import { createSession, describeUserAgent, LAST_SEEN_INTERVAL_MS, listActiveSessions, loadSessionUser } from "@/lib/auth/sessions";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { initialActionState } from "@/lib/action-state";
import { createJobQueue, createQueues, QUEUES } from "@/lib/jobs/queue";
import { workSweepSessions } from "@/lib/jobs/start";
import { endOtherOwnSessions, endOwnSession, endUserSessions, setUserActive } from "@/lib/users/actions";
import { createUser } from "@/lib/users/service";

const browser = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("@/lib/auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth")>()),
  auth: async () => browser.session,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next-intl/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-intl/server")>()),
  getTranslations: async () => Object.assign((key: string) => key, { has: () => false }),
}));

const PASSWORD = "sessions-test-password";
const FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

async function makeUser(role: "ADMIN" | "EDITOR" = "EDITOR") {
  const email = `sessions-${randomUUID()}@desk.test`;
  return createUser({ email, name: `Sessions ${role}`, role, password: PASSWORD }, null);
}

/** Signs in through the real credentials check; returns what next-auth's session callback would give. */
async function signIn(email: string, userAgent = FIREFOX_LINUX): Promise<Session> {
  const user = await checkCredentials({ email, password: PASSWORD }, `198.51.100.${Math.floor(Math.random() * 250)}`, userAgent);
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
    sessionId: user.sessionId,
    expires: new Date(Date.now() + 3600_000).toISOString(),
  };
}

async function as(session: Session | null) {
  browser.session = session;
  return getCurrentUser();
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("server-side sessions", () => {
  beforeEach(() => {
    browser.session = null;
  });

  it("a sign-in opens a row with the browser and address; the token's id must name a live row", async () => {
    const user = await makeUser();
    const session = await signIn(user.email);
    expect((await as(session))?.id).toBe(user.id);
    const [row] = await listActiveSessions(user.id);
    expect(row).toMatchObject({ id: session.sessionId, browser: "Firefox 128", system: "Linux" });
    expect(row!.ip).toMatch(/^198\.51\.100\./);

    expect(await as({ ...session, sessionId: "" })).toBeNull();
    expect(await as({ ...session, sessionId: "forged-or-ended" })).toBeNull();
    // Another user's session id in one's own token is no session either.
    const other = await signIn((await makeUser()).email);
    expect(await as({ ...session, sessionId: other.sessionId })).toBeNull();
  });

  it("ending a session refuses its token at once; ending the others keeps this one", async () => {
    const user = await makeUser();
    const first = await signIn(user.email);
    const second = await signIn(user.email);
    const third = await signIn(user.email);

    browser.session = first;
    expect((await endOwnSession(initialActionState, form({ sessionId: second.sessionId }))).ok).toBe(true);
    expect(await as(second)).toBeNull();
    expect(await as(third)).not.toBeNull();

    browser.session = first;
    expect((await endOtherOwnSessions(initialActionState, form({}))).ok).toBe(true);
    expect(await as(third)).toBeNull();
    expect((await as(first))?.id).toBe(user.id);
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(1);
  });

  it("nobody ends a session that is not theirs", async () => {
    const victim = await signIn((await makeUser()).email);
    browser.session = await signIn((await makeUser()).email);
    const refused = await endOwnSession(initialActionState, form({ sessionId: victim.sessionId }));
    expect(refused).toMatchObject({ ok: false, message: "errors.session.notFound" });
    expect(await as(victim)).not.toBeNull();
  });

  it("an admin signs a user out everywhere; deactivating does too; an editor may not", async () => {
    const admin = await signIn((await makeUser("ADMIN")).email);
    const editor = await makeUser();
    const sessions = [await signIn(editor.email), await signIn(editor.email)];

    browser.session = sessions[0]!;
    expect((await endUserSessions(initialActionState, form({ userId: editor.id }))).message).toBe("forbidden");
    expect(await db.userSession.count({ where: { userId: editor.id } })).toBe(2);

    browser.session = admin;
    expect((await endUserSessions(initialActionState, form({ userId: editor.id }))).ok).toBe(true);
    for (const session of sessions) expect(await as(session)).toBeNull();

    const again = await signIn(editor.email);
    browser.session = admin;
    expect((await setUserActive(initialActionState, form({ userId: editor.id, active: "false" }))).ok).toBe(true);
    expect(await db.userSession.count({ where: { userId: editor.id } })).toBe(0);
    expect(await as(again)).toBeNull();
  });

  it("writes last seen at most every few minutes, sliding the expiry with it", async () => {
    const user = await makeUser();
    const start = new Date(Date.now() - 60 * 60_000);
    const sessionId = await createSession(user.id, { userAgent: FIREFOX_LINUX, ip: "192.0.2.1" }, start);
    const claim = { sessionId, userId: user.id, sessionVersion: 1 };
    const seen = async () => (await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt.getTime();

    await loadSessionUser(claim, new Date(start.getTime() + LAST_SEEN_INTERVAL_MS - 1000));
    expect(await seen()).toBe(start.getTime());
    const later = new Date(start.getTime() + LAST_SEEN_INTERVAL_MS);
    await Promise.all(Array.from({ length: 5 }, () => loadSessionUser(claim, later)));
    expect(await seen()).toBe(later.getTime());
    const row = await db.userSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(later.getTime());
    expect(await loadSessionUser(claim, new Date(row.expiresAt.getTime() + 1))).toBeNull();
  });

  it("the job queue sweeps expired rows and leaves live ones", async () => {
    const user = await makeUser();
    const expired = await createSession(user.id, { userAgent: "", ip: "192.0.2.2" }, new Date(Date.now() - 9 * 3600_000));
    const live = await createSession(user.id, { userAgent: "", ip: "192.0.2.3" });
    const boss = createJobQueue();
    boss.on("error", () => {});
    try {
      await boss.start();
      await createQueues(boss);
      await workSweepSessions(boss);
      await boss.send(QUEUES.sweepSessions, {});
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && (await db.userSession.count({ where: { id: expired } })))
        await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await boss.stop({ graceful: false, wait: true, timeout: 2000 }).catch(() => {});
    }
    expect(await db.userSession.count({ where: { id: expired } })).toBe(0);
    expect(await db.userSession.count({ where: { id: live } })).toBe(1);
  });

  it("names browser and system from common user agents", () => {
    expect(
      describeUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"),
    ).toEqual({ browser: "Chrome 131", system: "Windows 10" });
    expect(
      describeUserAgent(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      ).browser,
    ).toBe("Safari 17");
    expect(describeUserAgent("")).toEqual({ browser: "", system: "" });
  });
});
