// Saved web pages: Mozilla's Readability (over linkedom's DOM, light and enough for it) finds the
// article; its title, <time> date, paragraphs and <figcaption> captions become wire text lines.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

// Blocks whose text is one line of the story; a figure's caption is its own line, as on a wire.
const BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre";
const ISO_DAY = /^(\d{4})-(\d{2})(?:-(\d{2}))?/;

function lineOf(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/** The date a page's <time datetime> (or its published meta) gives, as the wire's `date` header. */
function dateHeader(document: Document): string | null {
  const candidates = [
    document.querySelector('meta[property="article:published_time"]')?.getAttribute("content"),
    document.querySelector("article time[datetime], time[datetime]")?.getAttribute("datetime"),
  ];
  for (const value of candidates) {
    const match = value ? ISO_DAY.exec(value.trim()) : null;
    if (match) return `date ${match[1]}-${match[2]}${match[3] ? `-${match[3]}` : ""}`;
  }
  return null;
}

/** The wire text of a saved HTML page, or null when Readability finds no article in it. */
export function readHtml(html: string): string | null {
  const { document } = parseHTML(html);
  const date = dateHeader(document as unknown as Document);
  const article = new Readability(document as unknown as Document, { keepClasses: false }).parse();
  if (!article?.content) return null;
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const lines: string[] = [];
  for (const block of content.querySelectorAll(BLOCKS)) {
    // A <p> inside a <li> or <blockquote> is read with its parent, once.
    if (block.parentElement?.closest(BLOCKS)) continue;
    const line = lineOf(block.textContent);
    if (line) lines.push(line);
  }
  const title = lineOf(article.title);
  if (lines.length === 0) return null;
  return [...(date ? [date] : []), ...(title && title !== lines[0] ? [title] : []), ...lines].join("\n\n") + "\n";
}
