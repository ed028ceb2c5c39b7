// A feed document into its entries: RSS 2.0 and Atom 1.0 through @rowanmanning/feed-parser (one
// normalised item model for both), after fast-xml-parser's validator, so a page of HTML or broken
// XML is named as such instead of yielding a feed of nothing.
import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLValidator } from "fast-xml-parser";
import { IngestError } from "./errors";

export type FeedEntry = {
  /** The entry's guid (Atom id), else its link: what makes it new or already seen. */
  key: string;
  url: string | null;
  title: string | null;
  /** The entry's full HTML content when the feed carries it (content:encoded, Atom content). */
  content: string | null;
  published: Date | null;
};

const HTML_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i;
/** A summary this short is a teaser, not the story: the page is fetched instead. */
const MIN_CONTENT_CHARACTERS = 400;

export function parseFeedEntries(text: string, contentType = ""): FeedEntry[] {
  const body = text.replace(/^\uFEFF/, "");
  if (/^text\/html/i.test(contentType) || HTML_START.test(body)) throw new IngestError("ingest.errors.notAFeed");
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    const { msg, line } = valid.err;
    throw new IngestError("ingest.errors.invalidXml", undefined, `line ${line}: ${msg}`);
  }
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(body);
  } catch (error) {
    throw new IngestError("ingest.errors.notAFeed", undefined, error instanceof Error ? error.message : String(error));
  }
  const entries: FeedEntry[] = [];
  for (const item of feed.items) {
    const key = item.id?.trim() || item.url?.trim();
    if (!key) continue;
    const content = item.content && textLength(item.content) >= MIN_CONTENT_CHARACTERS ? item.content : null;
    entries.push({ key, url: item.url, title: item.title, content, published: item.published });
  }
  return entries;
}

function textLength(html: string): number {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim().length;
}
