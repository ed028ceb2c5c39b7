// Reader pages as finished HTML documents with no JavaScript at all: React elements rendered by
// React's static renderer (react-dom/static), which Next refuses to bundle into route handlers, so
// it is loaded from node_modules at run time. No client runtime, no hydration data, no inline
// script: the reader policy can forbid scripts outright and a page costs one render, not two.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ReactElement } from "react";

type StaticRenderer = typeof import("react-dom/static");
let renderer: Promise<StaticRenderer> | null = null;

function staticRenderer(): Promise<StaticRenderer> {
  renderer ??= import(/* turbopackIgnore: true */ /* webpackIgnore: true */ "react-dom/static") as Promise<StaticRenderer>;
  return renderer;
}

/** The whole document as a string (React writes the doctype before <html>), async components awaited. */
export async function renderDocument(element: ReactElement): Promise<string> {
  const { prerender } = await staticRenderer();
  const { prelude } = await prerender(element);
  return new Response(prelude).text();
}

const STYLESHEET_FILE = path.join(process.cwd(), "components", "public", "reader.css");
let stylesheet: string | null = null;

/** The reader stylesheet, inlined in every page (a few KB: no extra request before first paint). */
export function readerStylesheet(): string {
  // Comments and indentation are for the people editing the file, not for every reader.
  stylesheet ??= readFileSync(STYLESHEET_FILE, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
  return stylesheet;
}

export function htmlResponse(html: string, status = 200): Response {
  const headers = new Headers({ "Content-Type": "text/html; charset=utf-8" });
  // A failure must not be kept by a shared cache (pages and 404s are, a minute: next.config.ts).
  if (status >= 500) headers.set("Cache-Control", "no-store");
  return new Response(html, { status, headers });
}
