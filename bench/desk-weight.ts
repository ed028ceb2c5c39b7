// The desk's JavaScript per route (issue 17), read from the production build rather than a browser:
// each admin page's client-reference manifest names the chunks of its layouts and page, the build
// manifest the runtime every page loads; each route's total is those files, gzipped one by one.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { runInNewContext } from "node:vm";

export type RouteWeight = { route: string; chunks: number; bytes: number; gzipBytes: number };

/** Every admin page's manifest file under the build's server/app/admin folder. */
function manifestFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === "page_client-reference-manifest.js")
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The manifest is a script assigning globalThis.__RSC_MANIFEST[route]; run it in an empty context. */
function entryChunks(file: string): { route: string; chunks: string[] } {
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  sandbox.globalThis = sandbox;
  runInNewContext(readFileSync(file, "utf8"), sandbox);
  const [route, manifest] = Object.entries(sandbox.__RSC_MANIFEST ?? {})[0] ?? [];
  if (!route || !manifest) throw new Error(`${file} names no route`);
  return { route: route.replace(/\/page$/, "") || "/", chunks: Object.values(manifest.entryJSFiles ?? {}).flat() };
}

/**
 * JavaScript a first visit to each desk route downloads before it can run: the runtime
 * (rootMainFiles) and the route's layouts and page. Chunks loaded later on demand (a dialog's
 * code, say) are not counted; the polyfills go only to browsers without modules.
 */
export function measureDeskWeights(distDir: string): { runtime: RouteWeight; routes: RouteWeight[] } {
  const buildManifest = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const gzipped = new Map<string, { bytes: number; gzipBytes: number }>();
  const sizeOf = (chunk: string) => {
    let size = gzipped.get(chunk);
    if (!size) {
      const body = readFileSync(path.join(distDir, chunk.replace(/^\/?_next\//, "")));
      size = { bytes: body.byteLength, gzipBytes: gzipSync(body).byteLength };
      gzipped.set(chunk, size);
    }
    return size;
  };
  const weigh = (route: string, files: string[]): RouteWeight => {
    const sizes = files.map(sizeOf);
    return {
      route,
      chunks: files.length,
      bytes: sizes.reduce((sum, size) => sum + size.bytes, 0),
      gzipBytes: sizes.reduce((sum, size) => sum + size.gzipBytes, 0),
    };
  };
  const routes = manifestFiles(path.join(distDir, "server", "app", "admin"))
    .map((file) => {
      const { route, chunks } = entryChunks(file);
      return weigh(route, [...new Set([...buildManifest.rootMainFiles, ...chunks])]);
    })
    .sort((a, b) => a.route.localeCompare(b.route));
  // React and Next's router, which every App Router page loads before any of its own code: the floor.
  return { runtime: weigh("(runtime)", buildManifest.rootMainFiles), routes };
}
