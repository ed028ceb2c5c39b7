// Twenty editors press Save on the same article at the same moment, from the same version: exactly
// one save wins per version, the others get the conflict screen, and every win left its revision
// and audit entry (nothing written twice, nothing lost), round after round.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SNAPSHOT_COLUMNS } from "@/lib/editing/fields";
import { saveVersionEdits } from "@/lib/editing/service";
import type { VersionSaveInput } from "@/lib/editing/schema";
import { makeArticle, makeUser, uniqueWord } from "@/test/fixtures/workflow";

const EDITORS = 20;
const ROUNDS = 3;

/** The fields as an editor's page loaded them: what a save names as its `base`. */
async function loadedFields(versionId: string) {
  const { version, ...fields } = await db.articleVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { version: true, ...SNAPSHOT_COLUMNS },
  });
  return { version, fields };
}

function edit(versionId: string, baseVersion: number, base: unknown, editor: number, round: number): VersionSaveInput {
  const text = `Round ${round}: editor ${editor} rewrote the lead ${uniqueWord()}.`;
  return {
    versionId,
    baseVersion,
    base,
    mode: "save",
    title: `Round ${round} by editor ${editor}`,
    slug: uniqueWord("race-"),
    standfirst: null,
    datelinePlace: "Hanoi",
    sourceAgency: "VNA",
    storyDate: "2026-11-23",
    seoDescription: null,
    body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
  };
}

describe(`${EDITORS} editors saving the same version at once`, () => {
  it("one wins per version, the rest conflict, and every win has its revision and audit entry", async () => {
    const editors = await Promise.all(Array.from({ length: EDITORS }, () => makeUser("EDITOR")));
    const story = await makeArticle([{ language: "en" }]);
    const versionId = story.version("en").id;
    const winners: string[] = [];

    for (let round = 1; round <= ROUNDS; round++) {
      const { version, fields } = await loadedFields(versionId);
      const outcomes = await Promise.all(
        editors.map((editor, index) => saveVersionEdits(edit(versionId, version, fields, index, round), editor)),
      );
      const saved = outcomes.flatMap((outcome, index) => (outcome.status === "saved" ? [{ outcome, index }] : []));
      expect(saved, `round ${round}`).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome.status === "conflict")).toHaveLength(EDITORS - 1);
      const winner = saved[0]!;
      expect(winner.outcome).toMatchObject({ version: version + 1, revisionCreated: true });
      winners.push(`Round ${round} by editor ${winner.index}`);
      // The losers were shown the winner's text, so they can merge instead of losing it.
      const conflict = outcomes.find((outcome) => outcome.status === "conflict");
      expect(conflict?.status === "conflict" && conflict.current.snapshot.title).toBe(winners.at(-1));
    }

    const row = await db.articleVersion.findUniqueOrThrow({ where: { id: versionId }, select: { version: true, title: true } });
    expect(row).toEqual({ version: story.version("en").version + ROUNDS, title: winners.at(-1) });
    const revisions = await db.revision.findMany({
      where: { versionId },
      orderBy: { number: "asc" },
      select: { number: true, snapshot: true },
    });
    expect(revisions.map((revision) => revision.number)).toEqual(Array.from({ length: ROUNDS }, (_, index) => index + 1));
    expect(revisions.map((revision) => (revision.snapshot as { title: string }).title)).toEqual(winners);
    expect(await db.auditLog.count({ where: { entityId: versionId, action: "article.save" } })).toBe(ROUNDS);
  });
});
