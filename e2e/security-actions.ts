// Server actions posted by hand over plain HTTP, for the security specs: the build's action
// manifest, the permission each action names in its source, and React's encoding of the call.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

export type ManifestAction = { id: string; filename: string; exportedName: string; pagePaths: string[] };

const root = path.resolve(import.meta.dirname, "..");

/** Every server action of the build under test (NEXT_DIST_DIR, set by scripts/run-tests.ts). */
export function manifestActions(): ManifestAction[] {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  const file = path.resolve(root, distDir, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    filename: entry.filename,
    exportedName: entry.exportedName,
    pagePaths: Object.keys(entry.workers).map(urlOfWorker),
  }));
}

export function actionIdFor(filename: string, exportedName: string): string {
  const action = manifestActions().find((entry) => entry.filename === filename && entry.exportedName === exportedName);
  if (!action) throw new Error(`${filename}#${exportedName} is not in the build's action manifest`);
  return action.id;
}

/** `app/(group)/admin/import/[id]/page` → `/admin/import/x`: a URL served by that page's worker. */
function urlOfWorker(worker: string): string {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/?page$/, "")
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => (segment === "[locale]" ? "fr" : segment.startsWith("[") ? "security-probe" : segment));
  return `/${segments.join("/")}`;
}

/** The page an action is posted to: an admin page when there is one (it needs no locale). */
export function pagePathFor(action: ManifestAction): string {
  return action.pagePaths.find((url) => url.startsWith("/admin")) ?? action.pagePaths[0] ?? "/admin";
}

export type PermissionOf = { kind: "permission"; permission: string } | { kind: "anyone" } | { kind: "unknown" };

/**
 * The permission an action checks, read from its source (`export const x = defineAction({
 * permission: "…"`). Sign-in and sign-out are for anyone; anything else without one is unknown.
 */
export function permissionOf(action: Pick<ManifestAction, "filename" | "exportedName">): PermissionOf {
  if (action.filename === "lib/auth/actions.ts") return { kind: "anyone" };
  const source = readFileSync(path.resolve(root, action.filename), "utf8");
  const match = new RegExp(`export const ${action.exportedName} = defineAction(?:<[^>]*>)?\\(\\{\\s*permission: "([\\w.]+)"`).exec(source);
  return match ? { kind: "permission", permission: match[1]! } : { kind: "unknown" };
}

/**
 * What React's encodeReply sends for `action(previousState, formData)` (useActionState): the form's
 * fields as `_1_<name>`, then part `0`, the argument list with the form as reference `$K1`. e2e/security-authz.spec.ts checks this against a post captured from a real browser.
 */
export const FORM_FIELD_PREFIX = "_1_";

export function encodeActionForm(fields: Record<string, string | string[] | { name: string; mimeType: string; buffer: Buffer }>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") form.append(`${FORM_FIELD_PREFIX}${name}`, value);
    else if (Array.isArray(value)) for (const item of value) form.append(`${FORM_FIELD_PREFIX}${name}`, item);
    else form.append(`${FORM_FIELD_PREFIX}${name}`, new Blob([new Uint8Array(value.buffer)], { type: value.mimeType }), value.name);
  }
  // Last, as React sends it: the server resolves `$K1` when it reads part 0, from the parts before it.
  form.append("0", JSON.stringify([{ ok: false }, "$K1"]));
  return form;
}

export async function postAction(
  context: APIRequestContext,
  pagePath: string,
  actionId: string,
  form: FormData,
  options: { origin: string },
) {
  return context.post(pagePath, {
    headers: { "Next-Action": actionId, Origin: options.origin, Accept: "text/x-component" },
    multipart: form,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
}

export type ActionResult = { ok?: boolean; message?: string; errors?: Record<string, string[]>; values?: Record<string, string> };

/**
 * The action's return value in a React Flight answer: row 0 names it (`"a":"$@<row>"`). The rest
 * of the answer may re-render the page, whose translations mention every message, so only this
 * row says whether the call was refused. Long strings travel as their own text rows
 * (`<id>:T<hex byte length>,<text>`, no newline) and are put back in place. Null when the action
 * returned nothing (a redirect).
 */
export function actionResultOf(flight: string): ActionResult | null {
  const rows = flightRows(Buffer.from(flight, "utf8"));
  const head = rows.get("0");
  if (!head) return null;
  const reference = (JSON.parse(head) as { a?: unknown }).a;
  if (typeof reference !== "string" || !reference.startsWith("$@")) return null;
  const row = rows.get(reference.slice(2));
  if (!row) return null;
  const texts = new Map([...rows].filter(([id]) => id.startsWith("T:")).map(([id, text]) => [id.slice(2), text]));
  return JSON.parse(row, (_key, value: unknown) =>
    typeof value === "string" && /^\$[0-9a-f]+$/.test(value) && texts.has(value.slice(1)) ? texts.get(value.slice(1)) : value,
  ) as ActionResult;
}

function flightRows(bytes: Buffer): Map<string, string> {
  const rows = new Map<string, string>();
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(":", at);
    if (colon < 0) break;
    const id = bytes.toString("utf8", at, colon);
    if (bytes[colon + 1] === 0x54 /* T */) {
      const comma = bytes.indexOf(",", colon);
      const length = parseInt(bytes.toString("utf8", colon + 2, comma), 16);
      rows.set(`T:${id}`, bytes.toString("utf8", comma + 1, comma + 1 + length));
      at = comma + 1 + length;
    } else {
      const end = bytes.indexOf("\n", colon);
      rows.set(id, bytes.toString("utf8", colon + 1, end < 0 ? bytes.length : end));
      at = end < 0 ? bytes.length : end + 1;
    }
  }
  return rows;
}
