// A source's language hint and default tags, against a real feed on loopback and the real database:
// the hint is the review's language only when the pipeline cannot tell; the default tags go on the
// draft whether a person accepts the item or a trusted source drafts it; an unknown tag is refused.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acceptImport } from "@/lib/import-review/service";
import { pollSource } from "@/lib/ingest/poll";
import { sourceCreateSchema } from "@/lib/ingest/schema";
import { createSource } from "@/lib/ingest/service";
import { Refusal } from "@/lib/refusal";
import { createTag } from "@/lib/tags/service";
import { createActor, tagFields, uniqueName } from "@/test/fixtures/tags";
import { makeStory, startFeedServer, type FeedServer, type Story } from "@/test/fixtures/ingest-server";

let server: FeedServer;
let admin: Awaited<ReturnType<typeof createActor>>;

beforeAll(async () => {
  server = await startFeedServer();
  admin = await createActor("ADMIN");
});
afterAll(() => server.close());

/** A story in German: the pipeline knows French, English and Vietnamese, so it answers 'und'. */
function germanStory(): Story {
  const id = randomUUID().slice(0, 8);
  const n = () => Math.floor(Math.random() * 1e6);
  return {
    id,
    title: `Außenminister empfängt Delegation ${id}`,
    paragraphs: [
      `Der Außenminister hat am Donnerstag in Berlin eine Delegation empfangen, um über ${n()} gemeinsame Projekte und die wirtschaftliche Zusammenarbeit zu sprechen.`,
      `Beide Seiten haben die im vergangenen Jahr unterzeichneten Abkommen im Wert von ${n()} Millionen Euro überprüft und wollen den Austausch von Delegationen ausbauen.`,
      `Der Minister lobte den Beitrag ausländischer Unternehmen zur Wirtschaft, die ${n()} Arbeitsplätze geschaffen hätten, und forderte mehr Investitionen in Ausbildung.`,
    ],
  };
}

async function source(stories: Story[], fields: { languageHint?: string; defaultTags?: string; trusted?: boolean } = {}) {
  const url = server.feed(`defaults-${stories[0]!.id}`, "rss", stories);
  const input = sourceCreateSchema.parse({
    kind: "FEED",
    name: `Defaults ${stories[0]!.id}`,
    url,
    pollIntervalMinutes: "10",
    internal: "on",
    trusted: fields.trusted ? "on" : "",
    languageHint: fields.languageHint ?? "",
    defaultTags: fields.defaultTags ?? "",
  });
  const { id } = await createSource(input, admin);
  await db.ingestSource.update({ where: { id }, data: { nextPollAt: new Date("2999-01-01") } });
  return id;
}

const recordOf = async (sourceId: string, title: string) => {
  const item = await db.ingestItem.findFirstOrThrow({ where: { sourceId, title } });
  return db.importRecord.findUniqueOrThrow({ where: { id: item.importRecordId! } });
};
const tagsOf = async (articleId: string) =>
  (await db.articleTag.findMany({ where: { articleId }, select: { tagId: true } })).map((row) => row.tagId).sort();

describe("the language hint", () => {
  it("is the review's language (and the draft's) when the pipeline cannot tell, and nothing when it can", async () => {
    const german = germanStory();
    const english = makeStory();
    const id = await source([german, english], { languageHint: "fr" });
    expect(await pollSource(id)).toMatchObject({ status: "polled", inReview: 2 });

    const unknown = await recordOf(id, german.title);
    expect((unknown.result as { language: string }).language).toBe("und");
    expect(unknown.overrides).toEqual({ language: "fr" });
    const told = await recordOf(id, english.title);
    expect((told.result as { language: string }).language).toBe("en");
    expect(told.overrides).toBeNull();

    const { articleId } = await acceptImport(unknown.id, admin.id);
    const version = await db.articleVersion.findFirstOrThrow({ where: { articleId } });
    expect(version.language).toBe("fr");
  });
});

describe("default tags", () => {
  it("go on the draft a person accepts (a label or an alias names the tag), and the item points at it", async () => {
    const [topic, place] = [uniqueName(), uniqueName()];
    const { tagId: topicId } = await createTag(admin, tagFields({ labelFr: topic, labelEn: `${topic} en` }));
    const { tagId: placeId } = await createTag(
      admin,
      tagFields({ type: "PLACE", labelFr: place, labelEn: place, aliases: [`${place} alias`] }),
    );
    const story = makeStory();
    const id = await source([story], { defaultTags: `${topic.toUpperCase()}, ${place} alias` });
    expect(await pollSource(id)).toMatchObject({ status: "polled", inReview: 1 });
    const record = await recordOf(id, story.title);

    const { articleId } = await acceptImport(record.id, admin.id);
    expect(await tagsOf(articleId)).toEqual([topicId, placeId].sort());
    expect(await db.ingestItem.findFirstOrThrow({ where: { sourceId: id } })).toMatchObject({ status: "DRAFTED", articleId });
  });

  it("go on the draft a trusted source makes directly", async () => {
    const topic = uniqueName();
    const { tagId } = await createTag(admin, tagFields({ labelFr: topic, labelEn: topic }));
    const story = makeStory();
    const id = await source([story], { defaultTags: topic, trusted: true });
    expect(await pollSource(id)).toMatchObject({ status: "polled", drafted: 1 });
    const item = await db.ingestItem.findFirstOrThrow({ where: { sourceId: id } });
    expect(item).toMatchObject({ status: "DRAFTED", articleId: expect.any(String) });
    expect(await tagsOf(item.articleId!)).toEqual([tagId]);
  });

  it("naming a tag that does not exist refuses the source, and nothing is saved", async () => {
    const missing = uniqueName();
    const story = makeStory();
    const refusal = await source([story], { defaultTags: missing }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(Refusal);
    expect((refusal as Refusal).reason).toEqual({ code: "ingest.errors.unknownTag", params: { tag: missing } });
    expect(await db.ingestSource.count({ where: { name: `Defaults ${story.id}` } })).toBe(0);
  });
});
