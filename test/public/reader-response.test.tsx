// How a reader route answers, without a server: a page as one HTML document with no executable
// script, a redirect, the 404 page in the page's language, and the 500 page (never cached) when
// building the page throws.
import { afterEach, describe, expect, it, vi } from "vitest";
import { readerResponse } from "@/components/public/reader-response";

const page = {
  head: {
    title: "Un titre <b>",
    socialTitle: "Un titre",
    canonical: "/fr/article/un-titre",
    languages: { fr: "/fr/article/un-titre", "x-default": "/fr/article/un-titre" },
  },
  body: (
    <article>
      <h1>Un titre &lt;b&gt;</h1>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: '{"@type":"NewsArticle"}' }} />
    </article>
  ),
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe("reader responses", () => {
  it("answers a page as a whole document: doctype, language, head, inlined stylesheet, no executable script", async () => {
    const response = await readerResponse("fr", async () => page);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html.startsWith('<!DOCTYPE html><html lang="fr">')).toBe(true);
    expect(html).toContain("<title>Un titre &lt;b&gt; — ");
    expect(html).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+\/fr\/article\/un-titre"\/>/);
    expect(html).toMatch(/<style>[^<]*\.reader/);
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]);
    expect(scripts).toEqual([' type="application/ld+json"']);
  });

  it("sends a redirect as it is", async () => {
    const response = await readerResponse("en", async () => ({ redirect: "/en/tag/korea", status: 308 }));
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe("/en/tag/korea");
  });

  it("answers the 404 page in the page's language, and in French for an unknown language", async () => {
    const missing = await readerResponse("en", async () => null);
    expect(missing.status).toBe(404);
    const html = await missing.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<meta name="robots" content="noindex, follow"/>');
    const unknown = await readerResponse("de", async () => page);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('<html lang="fr">');
  });

  it("answers the error page (500, never cached) when building the page throws, and logs why", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await readerResponse("fr", async () => {
      throw new Error("database unreachable");
    });
    expect(response.status).toBe(500);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toContain('role="alert"');
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ message: "database unreachable" }));
  });
});
