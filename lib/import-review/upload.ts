// One uploaded file staged for review: most files are one item; an e-mail is split (lib/import/
// readers) into its body and each attachment, each staged as a record of its own with its own
// upload key (the file's key, then `key.2`, `key.3`…), so sending the same mail again stores nothing twice.
import "server-only";
import { splitInput } from "@/lib/import/readers";
import { Refusal, type RefusalReason } from "@/lib/refusal";
import { stageImport, type StagedRecord } from "./service";

export type StagedItem = { name: string } & ({ staged: StagedRecord } | { refusal: RefusalReason });

/**
 * The first item staged is the upload's answer; the mail's other items come along as `others`.
 * Refused when no item could be staged (with the first item's refusal).
 */
export async function stageUpload(
  file: { name: string; bytes: Uint8Array },
  actorId: string,
  uploadKey?: string,
): Promise<{ staged: StagedRecord; others: StagedItem[] }> {
  const split = await splitInput(file);
  if (!split.ok) throw Refusal.from(split.refusal);
  const items: StagedItem[] = [];
  for (const [index, item] of split.items.entries()) {
    const key = uploadKey && index > 0 ? `${uploadKey}.${index + 1}` : uploadKey;
    try {
      items.push({ name: item.name, staged: await stageImport(item, actorId, key) });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      items.push({ name: item.name, refusal: error.reason });
    }
  }
  const first = items.findIndex((item) => "staged" in item);
  if (first < 0) throw Refusal.from((items[0] as { refusal: RefusalReason }).refusal);
  return { staged: (items[first] as { staged: StagedRecord }).staged, others: items.filter((_, index) => index !== first) };
}
