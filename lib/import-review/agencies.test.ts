// Adding an agency from the review screen, through the action with real sessions and the real
// database: the form is one row, the file under review is read again with it (its bare dateline
// and glued sign-off read now), and later imports read it too; a known or badly shaped form, a
// translator, and a reviewed file are refused with nothing added.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Session } from "next-auth";
import { db } from "@/lib/db";
import { initialActionState } from "@/lib/action-state";
import { importMany } from "@/lib/import-review/batch";
import { getImportForReview } from "@/lib/import-review/queries";
import { rejectImport, stageImport } from "@/lib/import-review/service";
import { addImportAgency } from "./actions";
import { formOf, signedInSession } from "@/test/fixtures/action-session";

const browser = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("@/lib/auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth")>()),
  auth: async () => browser.session,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.8" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next-intl/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-intl/server")>()),
  getTranslations: async () => Object.assign((key: string) => key, { has: () => false }),
}));

/** An agency no registry holds: capitals, unique to this run. */
const newAgency = () =>
  `Q${randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 5)
    .toUpperCase()}`;

/** Copy from that agency: a bare "(AGENCY) –" dateline and its sign-off glued to the last word. */
function copyFrom(agency: string) {
  const topic = randomUUID().slice(0, 8);
  const text = [
    `Les deux pays renforcent leur coopération agricole ${topic}`,
    `(${agency}) – Les ministres de l’Agriculture se sont réunis mardi pour examiner le dossier ${topic} et les projets de la saison.`,
    `Ils ont convenu d’échanger davantage de semences et de techniques d’irrigation pour ${topic} dans les provinces du Nord-${agency}`,
  ].join("\n");
  return { name: `agency-${topic}.txt`, bytes: new TextEncoder().encode(`${text}\n`) };
}

let editor: Session;
let translator: Session;
beforeAll(async () => {
  [editor, translator] = await Promise.all([signedInSession("EDITOR", "agency"), signedInSession("TRANSLATOR", "agency")]);
});
afterAll(async () => {
  const shared = globalThis as { importParsePool?: { close(): Promise<void> } };
  await shared.importParsePool?.close();
  delete shared.importParsePool;
});

describe("adding an agency from the review screen", () => {
  it("adds one row, reads the file again with it, and every later import reads it", async () => {
    const agency = newAgency();
    const staged = await stageImport(copyFrom(agency), editor.user.id);
    expect(staged.article.dateline).toBeNull();
    expect(staged.article.paragraphs.at(-1)).toMatch(new RegExp(`Nord-${agency}$`));

    browser.session = editor;
    const state = await addImportAgency(initialActionState, formOf({ recordId: staged.recordId, form: agency, agency: "" }));
    expect(state).toMatchObject({ ok: true, message: "agencyAdded" });
    expect(await db.importAgencyForm.findMany({ where: { form: agency } })).toMatchObject([{ form: agency, agency }]);
    expect(await db.auditLog.count({ where: { action: "import.agencyAdded", entityId: staged.recordId } })).toBe(1);

    // The review shows the file read again: the dateline and the sign-off are read, each a change to undo.
    const review = await getImportForReview(staged.recordId);
    expect(review!.article.dateline).toEqual({ place: "", source: agency });
    expect(review!.article.paragraphs.at(-1)).toMatch(/provinces du Nord\.$/);
    expect(review!.allChanges).toContainEqual(expect.objectContaining({ kind: "signoff-removed" }));

    // A new upload and the CLI's batch read it too.
    const next = await stageImport(copyFrom(agency), editor.user.id);
    expect(next.article.dateline).toEqual({ place: "", source: agency });
    const [outcome] = await importMany([copyFrom(agency)], editor.user.id);
    if (outcome?.status !== "created") throw new Error(JSON.stringify(outcome));
    const version = await db.articleVersion.findFirstOrThrow({ where: { articleId: outcome.articleId }, select: { sourceAgency: true } });
    expect(version.sourceAgency).toBe(agency);
  }, 90_000);

  it("joins a form to the agency it is another name of", async () => {
    const form_ = newAgency();
    const staged = await stageImport(copyFrom(form_), editor.user.id);
    browser.session = editor;
    expect(await addImportAgency(initialActionState, formOf({ recordId: staged.recordId, form: form_, agency: "TTXVN" }))).toMatchObject({
      ok: true,
    });
    expect(await db.importAgencyForm.findUnique({ where: { form: form_ } })).toMatchObject({ agency: "TTXVN" });
  }, 60_000);

  it("refuses a known form, a badly shaped one, a translator and a reviewed file, adding nothing", async () => {
    const staged = await stageImport(copyFrom(newAgency()), editor.user.id);
    const before = await db.importAgencyForm.count();
    browser.session = editor;
    const known = await addImportAgency(initialActionState, formOf({ recordId: staged.recordId, form: "TTXVN", agency: "" }));
    expect(known).toMatchObject({ ok: false, errors: { form: ["errors.import.agencyKnown"] }, values: { form: "TTXVN" } });
    const shaped = await addImportAgency(initialActionState, formOf({ recordId: staged.recordId, form: "(vna) –", agency: "" }));
    expect(shaped.ok).toBe(false);
    expect(shaped.errors?.form).toHaveLength(1);

    browser.session = translator;
    const refused = await addImportAgency(initialActionState, formOf({ recordId: staged.recordId, form: newAgency(), agency: "" }));
    expect(refused).toMatchObject({ ok: false, message: "forbidden" });

    await rejectImport(staged.recordId, editor.user.id);
    browser.session = editor;
    const reviewed = await addImportAgency(initialActionState, formOf({ recordId: staged.recordId, form: newAgency(), agency: "" }));
    expect(reviewed).toMatchObject({ ok: false, message: "errors.import.alreadyReviewed" });
    expect(await db.importAgencyForm.count()).toBe(before);
  }, 60_000);
});
