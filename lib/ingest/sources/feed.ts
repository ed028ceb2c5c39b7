// The feed reader: a conditional GET of the feed under the fetch guard (a 304 ends the poll at
// once), its entries parsed, and per entry either the full content the feed carries or the
// entry's page, fetched under the same guard when the entry is new.
import "server-only";
import type { IngestSource } from "@/lib/generated/prisma/client";
import { IngestError } from "../errors";
import { parseFeedEntries, type FeedEntry } from "../feed-format";
import { guardedFetch } from "../fetch-guard";
import type { SourceBatch, SourceItem } from "./types";

const PAGE_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body|article)[\s>]/i;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[character]!);
}

/** A feed entry's own content as a page the HTML reader reads like any saved article. */
function pageOfContent(entry: FeedEntry): string {
  const title = escapeHtml(entry.title ?? "");
  const time = entry.published ? `<time datetime="${entry.published.toISOString()}"></time>` : "";
  return `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${time}${entry.content}</article></body></html>`;
}

async function fetchPage(source: IngestSource, url: string): Promise<Uint8Array> {
  const response = await guardedFetch(url, { allowPrivate: source.internal, headers: { accept: "text/html,application/xhtml+xml" } });
  if (response.status !== 200) throw new IngestError("ingest.errors.httpStatus", { status: response.status }, response.url);
  const text = response.body.toString("utf8");
  // The readers tell a page by its start: a fragment of a page is a page all the same.
  return new TextEncoder().encode(PAGE_START.test(text) ? text : `<!doctype html>${text}`);
}

export async function readFeed(source: IngestSource): Promise<SourceBatch> {
  if (!source.url) throw new IngestError("ingest.errors.badUrl", { url: "" });
  const conditional: Record<string, string> = { accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5" };
  if (source.etag) conditional["if-none-match"] = source.etag;
  if (source.lastModified) conditional["if-modified-since"] = source.lastModified;
  const response = await guardedFetch(source.url, { allowPrivate: source.internal, headers: conditional });
  if (response.status === 304) return { notModified: true };
  if (response.status !== 200) throw new IngestError("ingest.errors.httpStatus", { status: response.status }, response.url);
  const entries = parseFeedEntries(response.body.toString("utf8"), String(response.headers["content-type"] ?? ""));
  const items: SourceItem[] = entries.map((entry) => ({
    key: entry.key,
    url: entry.url,
    title: entry.title,
    load: async () => {
      if (entry.content) return { name: source.name, bytes: new TextEncoder().encode(pageOfContent(entry)) };
      if (!entry.url) throw new IngestError("ingest.errors.noArticle");
      return { name: source.name, bytes: await fetchPage(source, new URL(entry.url, response.url).href) };
    },
  }));
  const header = (name: string) => {
    const value = response.headers[name];
    return typeof value === "string" ? value : null;
  };
  return { notModified: false, items, validators: { etag: header("etag"), lastModified: header("last-modified") } };
}
