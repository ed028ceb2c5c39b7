// Two editors accepting the same text at the same moment: the duplicate rule holds under concurrency
// (one article, the others told which article it became), and a slug taken by a parallel accept is
// never an unexpected error.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importMany } from "@/lib/import-review/batch";
import { acceptImport, reviseImport, stageImport } from "@/lib/import-review/service";
import { Refusal } from "@/lib/refusal";
import { createUser } from "@/lib/users/service";
import { articlesTitled, wireStory } from "@/test/fixtures/import-review";

let editorIds: string[];
beforeAll(async () => {
  editorIds = await Promise.all(
    [1, 2].map(
      async (n) =>
        (
          await createUser(
            { email: `racer-${n}-${randomUUID()}@desk.test`, name: `Racer ${n}`, role: "EDITOR", password: "racer-password" },
            null,
          )
        ).id,
    ),
  );
});

describe("parallel accepts", () => {
  it("20 accepts of records with the same text make one article and 19 clear answers", async () => {
    const story = wireStory();
    const records: string[] = [];
    for (let n = 0; n < 20; n++)
      records.push((await stageImport({ ...story, name: `copy-${n}-${story.name}` }, editorIds[n % 2]!)).recordId);

    const outcomes = await Promise.allSettled(records.map((recordId, n) => acceptImport(recordId, editorIds[n % 2]!)));

    const created = outcomes.filter((outcome) => outcome.status === "fulfilled");
    expect(created).toHaveLength(1);
    const articleId = (created[0] as PromiseFulfilledResult<{ articleId: string }>).value.articleId;
    const title = (await db.articleVersion.findFirstOrThrow({ where: { articleId } })).title;
    const refusals = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
    expect(refusals).toHaveLength(19);
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(Refusal);
      expect(refusal).toMatchObject({ code: "errors.import.duplicate", data: { duplicateOf: { articleId, title } } });
    }
    expect(await articlesTitled(story.topic)).toBe(1);
    // The losers stay waiting for review, untouched: nothing half-written.
    expect(await db.importRecord.count({ where: { id: { in: records }, status: "PENDING_REVIEW", articleId: null } })).toBe(19);
  }, 120_000);

  it("an accept and a CLI run of the same text at once make one article", async () => {
    for (let round = 0; round < 5; round++) {
      const story = wireStory();
      const { recordId } = await stageImport(story, editorIds[0]!);
      const [accepted, [cli]] = await Promise.all([
        acceptImport(recordId, editorIds[0]!).then(
          (value) => ({ created: value.articleId }),
          (error: unknown) => ({ refused: error }),
        ),
        importMany([{ ...story, name: `cli-${story.name}` }], editorIds[1]!),
      ]);
      expect(await articlesTitled(story.topic)).toBe(1);
      if ("created" in accepted) expect(cli).toEqual({ status: "duplicate", articleId: accepted.created });
      else {
        expect(cli!.status).toBe("created");
        expect(accepted.refused).toMatchObject({ code: "errors.import.duplicate" });
      }
    }
  });

  it("different texts under one title accepted at once each get their own slug", async () => {
    const title = `Même titre ${randomUUID().slice(0, 8)}`;
    const records = [];
    for (let n = 0; n < 8; n++) {
      const { recordId } = await stageImport(wireStory(), editorIds[0]!);
      await reviseImport(recordId, [], { title });
      records.push(recordId);
    }
    const outcomes = await Promise.allSettled(records.map((recordId) => acceptImport(recordId, editorIds[1]!)));
    expect(outcomes.map((outcome) => (outcome.status === "rejected" ? String(outcome.reason) : "ok"))).toEqual(records.map(() => "ok"));
    const slugs = await db.articleVersion.findMany({ where: { title }, select: { slug: true } });
    expect(new Set(slugs.map((version) => version.slug)).size).toBe(8);
  });
});
