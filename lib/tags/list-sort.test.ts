// The admin tag list sorts in the database by label (either way), by type and by how many articles
// carry the tag, and keeps its search while it does.
import { beforeAll, describe, expect, it } from "vitest";
import { listTags } from "./queries";
import { createTag, tagArticles, type TagActor } from "./service";
import { createActor, createArticle, tagFields, uniqueName } from "@/test/fixtures/tags";

let editor: TagActor;
const word = uniqueName("Srt");
const ids: Record<string, string> = {};

beforeAll(async () => {
  editor = await createActor("EDITOR");
  for (const [key, type] of [
    ["b", "TOPIC"],
    ["c", "EVENT"],
    ["a", "PLACE"],
  ] as const) {
    ids[key] = (await createTag(editor, tagFields({ type, labelFr: `${key} ${word}`, labelEn: `${key} ${word} en` }))).tagId;
  }
  const articles = await Promise.all([1, 2].map((n) => createArticle({ title: `Sort ${n} ${word}` })));
  await tagArticles(
    editor,
    articles.map((article) => article.id),
    ids.c!,
  );
  await tagArticles(editor, [articles[0]!.id], ids.b!);
});

const labels = async (sort: Parameters<typeof listTags>[0]["sort"]) =>
  (await listTags({ q: word, locale: "fr", sort })).tags.map((tag) => tag.labels.fr[0]);

describe("listTags sort", () => {
  it("sorts by label both ways", async () => {
    expect(await labels({ sort: "label", dir: "asc" })).toEqual(["a", "b", "c"]);
    expect(await labels({ sort: "label", dir: "desc" })).toEqual(["c", "b", "a"]);
  });

  it("sorts by type and by article count", async () => {
    expect(await labels({ sort: "type", dir: "asc" })).toEqual(["c", "a", "b"]);
    expect(await labels({ sort: "articles", dir: "desc" })).toEqual(["c", "b", "a"]);
    expect(await labels({ sort: "articles", dir: "asc" })).toEqual(["a", "b", "c"]);
  });
});
