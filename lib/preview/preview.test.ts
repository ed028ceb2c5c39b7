// Preview links against the real database: a token opens its draft until it expires or is revoked;
// a forged or altered token opens nothing; the draft's preview data is the article page's shape,
// while every public read still refuses the draft.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findPublishedArticleId, getPublishedArticle } from "@/lib/public/queries";
import { createStory, createTag, uniqueWord } from "@/test/fixtures/public";
import { makeUser } from "@/test/fixtures/workflow";
import { loadPreviewData } from "./article";
import { PREVIEW_LINK_LIFETIME_MS, createPreviewLink, listLivePreviewLinks, resolvePreviewToken, revokePreviewLink } from "./links";
import { signPreviewToken, verifyPreviewToken } from "./token";

let versionId = "";
let slug = "";
let userId = "";
const title = `Brouillon ${uniqueWord()}`;

beforeAll(async () => {
  const tag = await createTag({ fr: `Thème ${uniqueWord()}` });
  const story = await createStory(
    [{ language: "fr", title, status: "DRAFT", standfirst: "Un chapeau.", paragraphs: ["Premier paragraphe."] }],
    {
      tagIds: [tag.id],
    },
  );
  versionId = story.versions[0]!.id;
  slug = story.versions[0]!.slug;
  userId = (await makeUser("EDITOR")).id;
});

describe("preview token", () => {
  it("verifies what it signed, until the expiry", () => {
    const expiresAt = new Date(Date.now() + 60_000);
    const token = signPreviewToken("clink123", expiresAt);
    expect(verifyPreviewToken(token)).toEqual({ id: "clink123", expiresAt });
    expect(verifyPreviewToken(token, new Date(expiresAt.getTime() + 1))).toBeNull();
  });

  it("refuses a token whose id, expiry or signature was changed", () => {
    const expiresAt = new Date(Date.now() + 60_000);
    const token = signPreviewToken("clink123", expiresAt);
    const [id, expiry, mac] = token.split(".") as [string, string, string];
    expect(verifyPreviewToken(`clink124.${expiry}.${mac}`)).toBeNull();
    expect(verifyPreviewToken(`${id}.${Number(expiry) + 86_400_000}.${mac}`)).toBeNull();
    const flipped = (mac[0] === "A" ? "B" : "A") + mac.slice(1);
    expect(verifyPreviewToken(`${id}.${expiry}.${flipped}`)).toBeNull();
    expect(verifyPreviewToken(`${id}.${expiry}`)).toBeNull();
    expect(verifyPreviewToken("")).toBeNull();
  });
});

describe("preview links", () => {
  it("opens the draft for 48 hours, then nothing", async () => {
    const now = new Date();
    const link = await createPreviewLink(versionId, userId, null, now);
    expect(link.expiresAt.getTime()).toBe(now.getTime() + PREVIEW_LINK_LIFETIME_MS);
    expect(await resolvePreviewToken(link.token)).toBe(versionId);
    expect(await resolvePreviewToken(link.token, new Date(link.expiresAt.getTime() + 1))).toBeNull();
  });

  it("opens nothing once revoked, and is no longer listed", async () => {
    const link = await createPreviewLink(versionId, userId);
    expect((await listLivePreviewLinks(versionId)).map((live) => live.id)).toContain(link.id);
    expect(await revokePreviewLink(versionId, link.id, userId)).toBe(true);
    expect(await revokePreviewLink(versionId, link.id, userId)).toBe(false);
    expect(await resolvePreviewToken(link.token)).toBeNull();
    expect((await listLivePreviewLinks(versionId)).map((live) => live.id)).not.toContain(link.id);
    const audit = await db.auditLog.findMany({ where: { entityId: versionId }, select: { action: true } });
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(["preview.share", "preview.revoke"]));
  });

  it("refuses a well-signed token of a link that does not exist", async () => {
    expect(await resolvePreviewToken(signPreviewToken("cnotalink", new Date(Date.now() + 60_000)))).toBeNull();
  });

  it("refuses a link revoked under another version's id", async () => {
    const link = await createPreviewLink(versionId, userId);
    expect(await revokePreviewLink("another-version", link.id, userId)).toBe(false);
    expect(await resolvePreviewToken(link.token)).toBe(versionId);
  });
});

describe("preview data", () => {
  it("gives the draft in the article page's shape, rendered, tagged, with nothing related", async () => {
    const preview = await loadPreviewData(versionId);
    expect(preview?.locale).toBe("fr");
    const { article, tags, related, leadImage } = preview!.data;
    expect(article.title).toBe(title);
    expect(article.standfirst).toBe("Un chapeau.");
    expect(article.bodyHtml).toMatch(/<p[^>]*>Premier paragraphe\.<\/p>/);
    expect(tags).toHaveLength(1);
    expect(related).toEqual([]);
    expect(leadImage).toBeNull();
    expect(article.translations).toEqual([]);
  });

  it("gives nothing for an unknown version", async () => {
    expect(await loadPreviewData("no-such-version")).toBeNull();
  });

  it("leaves the draft out of every public read", async () => {
    expect(await findPublishedArticleId("fr", slug)).toBeNull();
    const story = await db.articleVersion.findUniqueOrThrow({ where: { id: versionId }, select: { articleId: true } });
    expect(await getPublishedArticle("fr", story.articleId)).toBeNull();
  });
});
