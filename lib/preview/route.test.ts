// The shared preview route through its handler: a live link answers the draft's reader page under
// the banner, noindex and never stored; a revoked or forged link answers the reader's 404 with
// nothing of the draft in it.
import { beforeAll, describe, expect, it } from "vitest";
import { createStory, uniqueWord } from "@/test/fixtures/public";
import { makeUser } from "@/test/fixtures/workflow";
import { createPreviewLink, revokePreviewLink } from "./links";

const title = `Brouillon partagé ${uniqueWord()}`;
let versionId = "";
let userId = "";

async function open(token: string) {
  const { GET } = await import("@/app/(public)/preview/[token]/route");
  const response = await GET(new Request(`http://localhost/preview/${token}`), { params: Promise.resolve({ token }) });
  return { response, html: await response.text() };
}

beforeAll(async () => {
  const story = await createStory([{ language: "fr", title, status: "DRAFT", paragraphs: ["Texte du brouillon."] }]);
  versionId = story.versions[0]!.id;
  userId = (await makeUser("EDITOR")).id;
});

describe("GET /preview/[token]", () => {
  it("shows the draft as the reader's page under the banner, noindex and not stored", async () => {
    const link = await createPreviewLink(versionId, userId);
    const { response, html } = await open(link.token);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-robots-tag")).toContain("noindex");
    expect(html).toContain(title);
    expect(html).toContain("Texte du brouillon.");
    expect(html).toContain('class="preview-banner"');
    expect(html).toContain("Aperçu — non publié");
    expect(html).toMatch(/<meta name="robots" content="noindex/);
    expect(html).not.toContain("application/ld+json");
    expect(html).not.toContain(`rel="canonical"`);
    expect(html).not.toContain("Publié le");
  });

  it("answers the 404 page, without the draft, once revoked", async () => {
    const link = await createPreviewLink(versionId, userId);
    await revokePreviewLink(versionId, link.id, userId);
    const { response, html } = await open(link.token);
    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(html).not.toContain(title);
  });

  it("answers the 404 page for a forged token", async () => {
    const link = await createPreviewLink(versionId, userId);
    const forged = link.token.slice(0, -2) + (link.token.endsWith("AA") ? "BB" : "AA");
    const { response, html } = await open(forged);
    expect(response.status).toBe(404);
    expect(html).not.toContain(title);
  });
});
