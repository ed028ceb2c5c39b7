// The agency forms the desk adds from the review screen (import_agency_forms), one row a written
// form: read by every parse the server runs, beside the built-in registry (lib/import/agencies.ts).
import "server-only";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AGENCIES, type AgencyForm } from "@/lib/import/agencies";
import { Refusal } from "@/lib/refusal";

type Client = Prisma.TransactionClient | typeof db;

/** Every form the desk added, oldest first (the order a registry is built in). */
export async function listAgencyForms(client: Client = db): Promise<AgencyForm[]> {
  return client.importAgencyForm.findMany({ select: { form: true, agency: true }, orderBy: [{ createdAt: "asc" }, { form: "asc" }] });
}

/**
 * Adds a written form: of the agency `agency` names (a registered form, built-in or added), else
 * of a new agency of that name. A form already known, built in or added, is refused.
 */
export async function addAgencyForm({ form, agency }: AgencyForm, client: Client = db): Promise<void> {
  const known = new Set([...AGENCIES.flatMap((entry) => entry.forms), ...(await listAgencyForms(client)).map((entry) => entry.form)]);
  if (known.has(form)) throw new Refusal("errors.import.agencyKnown", { field: "form", params: { form } });
  const created = await client.importAgencyForm.createMany({ data: [{ form, agency: agency || form }], skipDuplicates: true });
  if (created.count === 0) throw new Refusal("errors.import.agencyKnown", { field: "form", params: { form } });
}

/**
 * From a review: adds the form (with an audit entry, both or neither); the caller reads the waiting
 * file again with it. A file already accepted or rejected is refused before anything is added.
 */
export async function addAgencyFromReview(recordId: string, entry: AgencyForm, actorId: string, ip?: string): Promise<void> {
  const record = await db.importRecord.findUnique({ where: { id: recordId }, select: { status: true } });
  if (!record) throw new Refusal("errors.import.notFound");
  if (record.status !== "PENDING_REVIEW") throw new Refusal("errors.import.alreadyReviewed");
  await db.$transaction(async (tx) => {
    await addAgencyForm(entry, tx);
    await writeAudit({ actorId, action: "import.agencyAdded", entityType: "import", entityId: recordId, details: { ...entry }, ip }, tx);
  });
}
