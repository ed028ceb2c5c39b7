// @vitest-environment happy-dom
// Opening an article changes nothing: every sample imported through each import path is stored in
// the exact form the editor holds once it has loaded it (a real Tiptap editor, same extension list),
// and loading it runs no change. Documents stored by earlier releases load without a change too.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Editor, type JSONContent } from "@tiptap/core";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importMany, parseInThisThread } from "@/lib/import-review/batch";
import { importDirectly } from "@/lib/import-review/service";
import { createUser } from "@/lib/users/service";
import { parseDocument } from "./document";
import { richTextExtensions } from "./extensions";

const root = path.resolve(import.meta.dirname, "..", "..");
const SAMPLE_DIRS = ["seed/sample-articles", "lib/import/fixtures"];

/** Every sample, each sentence marked with this run's id and each name prefixed, so no other test sees these imports as its own. */
function samples(run: string): { name: string; bytes: Uint8Array }[] {
  return SAMPLE_DIRS.flatMap((dir) =>
    readdirSync(path.join(root, dir))
      .filter((name) => name.endsWith(".txt"))
      .map((name) => {
        const text = readFileSync(path.join(root, dir, name), "utf8").replace(/\.(\s)/g, (_match, space: string) => ` ${run}.${space}`);
        return { name: `editor-form-${name}`, bytes: new TextEncoder().encode(text) };
      }),
  );
}

/**
 * Loads a document into a real editor the way the article editor does, then does what a person
 * who only looks does (focus, move the cursor, blur). Returns what the editor holds and how many
 * changes it reported (each would mark the page unsaved and autosave).
 */
async function openInEditor(content: JSONContent): Promise<{ held: JSONContent; changes: number }> {
  const element = document.createElement("div");
  document.body.append(element);
  let changes = 0;
  const editor = new Editor({ element, extensions: richTextExtensions, content, onUpdate: () => changes++ });
  try {
    await new Promise((resolve) => setTimeout(resolve, 10));
    editor.commands.focus("start");
    editor.commands.focus("end");
    editor.commands.selectAll();
    editor.commands.blur();
    await new Promise((resolve) => setTimeout(resolve, 10));
    return { held: editor.getJSON(), changes };
  } finally {
    editor.destroy();
    element.remove();
  }
}

async function storedBodies(articleIds: string[]) {
  const versions = await db.articleVersion.findMany({
    where: { articleId: { in: articleIds } },
    select: { articleId: true, bodyJson: true, revisions: { select: { snapshot: true } } },
  });
  expect(versions).toHaveLength(articleIds.length);
  return versions;
}

async function expectOpeningChangesNothing(articleIds: string[]) {
  for (const version of await storedBodies(articleIds)) {
    const stored = version.bodyJson as JSONContent;
    const { held, changes } = await openInEditor(stored);
    expect(changes, version.articleId).toBe(0);
    expect(held, version.articleId).toEqual(stored);
    // The first revision holds the same body: the history's first diff shows no formatting change.
    expect((version.revisions[0]!.snapshot as { bodyJson: unknown }).bodyJson).toEqual(stored);
  }
}

let editorId: string;
beforeAll(async () => {
  ({ id: editorId } = await createUser(
    { email: `editor-form-${randomUUID()}@desk.test`, name: "Editor form", role: "EDITOR", password: "editor-form-password" },
    null,
  ));
});

describe("imported articles are stored in the editor's form", () => {
  it("one file at a time (the seed's and the review's path)", async () => {
    const files = samples(`r${randomUUID().slice(0, 8)}`);
    const created: string[] = [];
    for (const file of files) {
      const outcome = await importDirectly(file, editorId);
      if (outcome.status === "created") created.push(outcome.articleId);
    }
    // Every sample but the one that holds only a trailer becomes an article.
    expect(created.length).toBe(files.length - 1);
    await expectOpeningChangesNothing(created);
  });

  it("many files at once (the command line's bulk path)", async () => {
    const files = samples(`m${randomUUID().slice(0, 8)}`);
    const outcomes = await importMany(files, editorId, { parse: parseInThisThread });
    const created = outcomes.flatMap((outcome) => (outcome.status === "created" ? [outcome.articleId] : []));
    expect(created.length).toBe(files.length - 1);
    await expectOpeningChangesNothing(created);
  });
});

describe("documents stored by earlier releases", () => {
  // As imports and hand edits were stored before: attributes left to their defaults, a caption last.
  const OLD_FORM: JSONContent = {
    type: "doc",
    content: [
      { type: "figure", attrs: { caption: "Le ministre à Hanoï.", credit: "VNA", blockId: "b0000000001" } },
      { type: "heading", attrs: { level: 2, blockId: "b0000000002" }, content: [{ type: "text", text: "Intertitre" }] },
      {
        type: "paragraph",
        attrs: { blockId: "b0000000003" },
        content: [
          { type: "text", text: "Voir " },
          { type: "text", text: "la source", marks: [{ type: "link", attrs: { href: "https://baoquocte.vn/x" } }, { type: "bold" }] },
          { type: "text", text: "." },
        ],
      },
      {
        type: "bulletList",
        attrs: { blockId: "b0000000004" },
        content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "point" }] }] }],
      },
      { type: "figure", attrs: { caption: "La délégation.", credit: null, blockId: "b0000000005" } },
    ],
  };

  it("open without any change, holding what the server's validation makes of them", async () => {
    const { held, changes } = await openInEditor(OLD_FORM);
    expect(changes).toBe(0);
    const validated = parseDocument(OLD_FORM);
    expect(validated.ok).toBe(true);
    if (validated.ok) expect(held).toEqual(JSON.parse(JSON.stringify(validated.doc)));
  });

  it("a real edit is still reported, and new blocks still get their own id", async () => {
    const element = document.createElement("div");
    document.body.append(element);
    let changes = 0;
    const editor = new Editor({ element, extensions: richTextExtensions, content: OLD_FORM, onUpdate: () => changes++ });
    try {
      editor
        .chain()
        .focus("end")
        .insertContent({ type: "paragraph", content: [{ type: "text", text: "Ajout." }] })
        .run();
      expect(changes).toBeGreaterThan(0);
      const blockIds = (editor.getJSON().content ?? []).map((block) => block.attrs?.blockId as string | null);
      expect(blockIds.every(Boolean)).toBe(true);
      expect(new Set(blockIds).size).toBe(blockIds.length);
    } finally {
      editor.destroy();
      element.remove();
    }
  });
});
