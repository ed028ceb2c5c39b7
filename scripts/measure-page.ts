// Page weight of reader pages: HTML, JavaScript and CSS bytes (raw and gzip) that a first visit
// downloads, as found in the page's own <script> and <link rel="stylesheet"> tags.
// Usage: npx tsx scripts/measure-page.ts URL [URL...]   (e.g. http://localhost:3000/fr)
import { gzipSync } from "node:zlib";

type Weight = { raw: number; gzip: number; files: number };

const empty = (): Weight => ({ raw: 0, gzip: 0, files: 0 });

function add(total: Weight, body: Buffer): void {
  total.raw += body.length;
  total.gzip += gzipSync(body).length;
  total.files += 1;
}

async function download(url: string): Promise<Buffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

async function measure(pageUrl: string) {
  const html = await download(pageUrl);
  const text = html.toString("utf8");
  const weights = { html: empty(), js: empty(), inlineJs: empty(), css: empty() };
  add(weights.html, html);
  // noModule scripts (legacy polyfills) are skipped by every browser that runs modules.
  const scriptTags = [...text.matchAll(/<script([^>]*)\ssrc="([^"]+)"[^>]*>/g)].filter((match) => !/nomodule/i.test(match[0]));
  const scripts = new Set(scriptTags.map((match) => new URL(match[2]!, pageUrl).href));
  const styles = new Set(
    [...text.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((match) => new URL(match[1]!, pageUrl).href),
  );
  for (const url of scripts) add(weights.js, await download(url));
  for (const url of styles) add(weights.css, await download(url));
  // Inline scripts other than JSON-LD: mostly the React Server Components payload.
  for (const match of text.matchAll(/<script(?![^>]*application\/ld\+json)(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g))
    add(weights.inlineJs, Buffer.from(match[1] ?? ""));
  return weights;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error("Usage: npx tsx scripts/measure-page.ts URL [URL...]");
  process.exit(2);
}
for (const url of urls) {
  const weights = await measure(url);
  console.log(url);
  for (const [name, weight] of Object.entries(weights)) {
    console.log(
      `  ${name.padEnd(9)} ${String(weight.files).padStart(3)} file(s)  ${kb(weight.raw).padStart(10)} raw  ${kb(weight.gzip).padStart(10)} gzip`,
    );
  }
}
