// Every namespace a client component reads reaches the browser: scans the modules under components/
// and app/ that call useTranslations (all "use client" ones, and shared ones a client module may
// import) and compares their namespaces with CLIENT_MESSAGE_NAMESPACES.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_MESSAGE_NAMESPACES, clientMessages } from "@/lib/i18n/client-messages";
import { loadMessages } from "@/lib/i18n/messages";
import { refusalCodes } from "@/lib/refusal";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules") return [];
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const rootOf = (key: string) => key.split(".")[0] ?? key;
const escape = (name: string) => name.replace(/[$]/g, "\\$");

/**
 * The root namespaces one module reads through useTranslations. A translator made without a namespace
 * is followed by name: its calls with a written key (`t("nav.x")`, t(`nav.${…}`)) name their namespace;
 * any other use (a computed key, handing it to refusalText) reads refusal codes, whose namespaces are
 * those of lib/refusal.ts.
 */
function namespacesRead(source: string): Set<string> {
  const found = new Set<string>();
  for (const match of source.matchAll(/useTranslations\(\s*["'`]([\w.]+)["'`]\s*\)/g)) found.add(rootOf(match[1] ?? ""));
  for (const match of source.matchAll(/(?:const|let)\s+([\w$]+)\s*=\s*useTranslations\(\s*\)/g)) {
    const name = escape(match[1] ?? "");
    const uses = [...source.matchAll(new RegExp(`(?<![\\w$.])${name}(?![\\w$])`, "g"))].length - 1;
    const written = [...source.matchAll(new RegExp(`(?<![\\w$.])${name}(?:\\.(?:has|rich|markup|raw))?\\(\\s*["'\`](\\w+)\\.`, "g"))];
    for (const call of written) found.add(call[1] ?? "");
    if (uses > written.length) for (const { code } of refusalCodes()) found.add(rootOf(code));
  }
  return found;
}

function clientModules() {
  return ["components", "app"]
    .flatMap((dir) => sourceFiles(path.join(root, dir)))
    .map((file) => ({ file: path.relative(root, file), source: readFileSync(file, "utf8") }))
    .filter(({ source }) => /\buseTranslations\(/.test(source));
}

describe("client messages", () => {
  it("reads namespaces from written keys, and every refusal namespace from a computed one", () => {
    expect(namespacesRead(`const t = useTranslations("workflow.bulk");`)).toEqual(new Set(["workflow"]));
    expect(namespacesRead("const t = useTranslations();\nt('nav.main'); t(`common.${x}`); t.has(\"roles.A\")")).toEqual(
      new Set(["nav", "common", "roles"]),
    );
    const computed = namespacesRead("const root = useTranslations();\nroot(key)");
    expect([...computed]).toEqual(expect.arrayContaining(["errors", "import", "workflow"]));
  });

  it("include every namespace a client component reads", () => {
    const modules = clientModules();
    expect(modules.length).toBeGreaterThan(30);
    const missing = modules.flatMap(({ file, source }) =>
      [...namespacesRead(source)]
        .filter((ns) => !(CLIENT_MESSAGE_NAMESPACES as readonly string[]).includes(ns))
        .map((ns) => `${file}: ${ns}`),
    );
    expect(missing).toEqual([]);
  });

  it("name namespaces that exist, and leave the server's out", () => {
    const messages = loadMessages("en");
    for (const ns of CLIENT_MESSAGE_NAMESPACES) expect(Object.keys(messages)).toContain(ns);
    const picked = clientMessages(loadMessages("fr") as never);
    expect(Object.keys(picked).sort()).toEqual([...CLIENT_MESSAGE_NAMESPACES].sort());
    expect(picked).not.toHaveProperty("dashboard");
  });
});
