// Uploads of a Word file and of an e-mail with attachments against the real database: each item
// gets a review (the text its reader extracted is stored at upload), the original bytes are kept.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Document, Packer, Paragraph, TextRun } from "docx";
import MailComposer from "nodemailer/lib/mail-composer";
import { db } from "@/lib/db";
import { getImportForReview } from "@/lib/import-review/queries";
import { importMany } from "@/lib/import-review/batch";
import { reviseImport } from "@/lib/import-review/service";
import { stageUpload } from "@/lib/import-review/upload";
import { createUser } from "@/lib/users/service";

function story(topic: string): string[] {
  return [
    `Le Vietnam et le Japon renforcent leur coopération sur le dossier ${topic}`,
    `Hanoï (VNA) – Le ministre des Affaires étrangères a reçu le 12 mars à Hanoï l’ambassadeur du Japon pour le dossier ${topic}.`,
    `Les échanges entre les deux pays ont atteint des sommets l’an dernier, selon le ministère ${topic}.`,
  ];
}

async function docxOf(lines: string[]): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })) }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

let editorId: string;
beforeAll(async () => {
  ({ id: editorId } = await createUser(
    { email: `upload-${randomUUID()}@desk.test`, name: "Uploader", role: "EDITOR", password: "uploader-password" },
    null,
  ));
});
afterAll(async () => {
  const shared = globalThis as { importParsePool?: { close(): Promise<void> } };
  await shared.importParsePool?.close();
  delete shared.importParsePool;
});

describe("a Word file uploaded for review", () => {
  it("has a review page showing the text read from it, and keeps its original bytes", async () => {
    const lines = story(randomUUID().slice(0, 8));
    const bytes = await docxOf(lines);
    const { staged } = await stageUpload({ name: "communique.docx", bytes }, editorId);
    const review = await getImportForReview(staged.recordId);
    expect(review).not.toBeNull();
    expect(review!.rawText).toContain(lines[2]);
    expect(review!.article.paragraphs.at(-1)).toBe(lines[2]);
    const record = await db.importRecord.findUniqueOrThrow({ where: { id: staged.recordId }, select: { rawBytes: true } });
    expect(Buffer.from(record.rawBytes).equals(Buffer.from(bytes))).toBe(true);

    // An undo re-reads the same text: the review still opens, with the change left out.
    const undone = review!.allChanges[0]!;
    await reviseImport(staged.recordId, [undone.id], {});
    const revised = await getImportForReview(staged.recordId);
    expect(revised!.rawText).toBe(review!.rawText);
    expect(revised!.reverted.has(undone.id)).toBe(true);
    // The first upload of the file starts the worker pool (each worker loads its word lists).
  }, 90_000);
});

describe("an e-mail with attachments uploaded for review", () => {
  it("gives one review per item: the body and the attached Word file", async () => {
    const [body, attached] = [story(randomUUID().slice(0, 8)), story(randomUUID().slice(0, 8))];
    const mail = new MailComposer({
      from: "desk@example.org",
      to: "import@example.org",
      subject: "Dépêche",
      text: body.join("\n\n"),
      attachments: [{ filename: "note.docx", content: Buffer.from(await docxOf(attached)) }],
    });
    const bytes = new Uint8Array(await mail.compile().build());
    const { staged, others } = await stageUpload({ name: "depeche.eml", bytes }, editorId);
    const attachedItem = others.find((item) => item.name === "depeche.eml › note.docx");
    expect(attachedItem && "staged" in attachedItem).toBe(true);
    const reviews = await Promise.all(
      [staged.recordId, attachedItem && "staged" in attachedItem ? attachedItem.staged.recordId : ""].map((id) => getImportForReview(id)),
    );
    expect(reviews.map((review) => review?.article.title)).toEqual([body[0], attached[0]]);
    expect(reviews[1]!.rawText).toContain(attached[2]);
  });
});

describe("a Word file imported by the CLI", () => {
  it("keeps the text read from it beside its bytes, so its record can be opened", async () => {
    const lines = story(randomUUID().slice(0, 8));
    const [outcome] = await importMany([{ name: "cli.docx", bytes: await docxOf(lines) }], editorId);
    if (outcome?.status !== "created") throw new Error(JSON.stringify(outcome));
    const record = await db.importRecord.findFirstOrThrow({ where: { articleId: outcome.articleId }, select: { id: true } });
    expect((await getImportForReview(record.id))?.rawText).toContain(lines[2]);
  });
});
