// Nothing real lost, against the real database: an applied removal that could take part of the
// story refuses the accept until the editor ticks it as checked (or undoes it).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acceptImport, stageImport } from "@/lib/import-review/service";
import { createUser } from "@/lib/users/service";

let editorId: string;
beforeAll(async () => {
  ({ id: editorId } = await createUser(
    { email: `losses-${randomUUID()}@desk.test`, name: "Importer", role: "EDITOR", password: "importer-password" },
    null,
  ));
});

/** A story whose "Lire aussi" link line (removed by the pipeline) carries a quantity. */
function storyWithQuantityInLink() {
  const topic = randomUUID().slice(0, 8);
  const text = [
    `Le Vietnam et le Japon renforcent leur coopération sur le dossier ${topic}`,
    `Hanoï (VNA) – Le ministre des Affaires étrangères a reçu mardi son homologue japonais à Hanoï pour examiner le dossier ${topic}.`,
    "Les deux parties ont salué la hausse des échanges commerciaux entre les deux pays./.",
    "Lire aussi : Les exportations de riz atteignent 8 millions de tonnes",
  ].join("\n");
  return { name: `losses-${topic}.txt`, bytes: new TextEncoder().encode(text) };
}

describe("accepting an import with a flagged removal", () => {
  it("is refused until the removal is ticked as checked, then creates the draft", async () => {
    const staged = await stageImport(storyWithQuantityInLink(), editorId);
    const flagged = staged.article.changes.find((change) => change.before.includes("8 millions de tonnes"))!;
    await expect(acceptImport(staged.recordId, editorId)).rejects.toMatchObject({
      code: "errors.import.unconfirmedLoss",
      params: { count: 1 },
    });
    // Nothing was written by the refused accept: the record still waits for review.
    expect((await db.importRecord.findUniqueOrThrow({ where: { id: staged.recordId } })).status).toBe("PENDING_REVIEW");
    await expect(acceptImport(staged.recordId, editorId, { confirmedLosses: ["some-other-change"] })).rejects.toMatchObject({
      code: "errors.import.unconfirmedLoss",
    });
    const { articleId } = await acceptImport(staged.recordId, editorId, { confirmedLosses: [flagged.id] });
    expect(articleId).toBeTruthy();
  });
});
