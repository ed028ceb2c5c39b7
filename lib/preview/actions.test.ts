// The preview actions through lib/action.ts with real sessions: an editor shares and revokes; a
// translator may share a translation's preview but not the source's; a revoked link cannot be
// revoked twice; nobody signed out gets anything.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Session } from "next-auth";
import { db } from "@/lib/db";
import { initialActionState } from "@/lib/action-state";
import { createStory, uniqueWord } from "@/test/fixtures/public";
import { createPreviewLink, revokePreviewLink } from "./actions";
import { resolvePreviewToken } from "./links";
import { formOf, signedInSession } from "@/test/fixtures/action-session";

const browser = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("@/lib/auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth")>()),
  auth: async () => browser.session,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.8" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next-intl/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-intl/server")>()),
  getTranslations: async () => Object.assign((key: string) => key, { has: () => false }),
}));

let sourceId = "";
let translationId = "";
let editor: Session;
let translator: Session;

beforeAll(async () => {
  const story = await createStory([
    { language: "fr", title: `Source ${uniqueWord()}`, status: "DRAFT" },
    { language: "en", title: `Translation ${uniqueWord()}`, status: "DRAFT" },
  ]);
  [sourceId, translationId] = story.versions.map((version) => version.id) as [string, string];
  [editor, translator] = await Promise.all([signedInSession("EDITOR", "preview"), signedInSession("TRANSLATOR", "preview")]);
});

beforeEach(() => {
  browser.session = null;
});

describe("createPreviewLink and revokePreviewLink", () => {
  it("let an editor share a link that opens the draft, then revoke it once", async () => {
    browser.session = editor;
    const made = await createPreviewLink(initialActionState, formOf({ versionId: sourceId }));
    expect(made.ok).toBe(true);
    const token = made.data!.token;
    expect(await resolvePreviewToken(token)).toBe(sourceId);
    const linkId = token.split(".")[0]!;
    expect((await revokePreviewLink(initialActionState, formOf({ versionId: sourceId, linkId }))).ok).toBe(true);
    expect(await resolvePreviewToken(token)).toBeNull();
    const again = await revokePreviewLink(initialActionState, formOf({ versionId: sourceId, linkId }));
    expect(again).toMatchObject({ ok: false, message: "errors.preview.notActive" });
  });

  it("let a translator share a translation's preview but not the source's", async () => {
    browser.session = translator;
    expect((await createPreviewLink(initialActionState, formOf({ versionId: translationId }))).ok).toBe(true);
    const before = await db.previewLink.count({ where: { versionId: sourceId } });
    expect(await createPreviewLink(initialActionState, formOf({ versionId: sourceId }))).toMatchObject({
      ok: false,
      message: "errors.forbidden",
    });
    expect(await db.previewLink.count({ where: { versionId: sourceId } })).toBe(before);
  });

  it("refuse an unknown version and anyone signed out", async () => {
    browser.session = editor;
    expect(await createPreviewLink(initialActionState, formOf({ versionId: "no-such-version" }))).toMatchObject({
      ok: false,
      message: "errors.preview.versionNotFound",
    });
    browser.session = null;
    const before = await db.previewLink.count({ where: { versionId: sourceId } });
    expect(await createPreviewLink(initialActionState, formOf({ versionId: sourceId }))).toMatchObject({
      ok: false,
      message: "signInRequired",
    });
    expect(await db.previewLink.count({ where: { versionId: sourceId } })).toBe(before);
  });
});
