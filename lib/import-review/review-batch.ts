// Files uploaded together are reviewed one after another. The upload page names each file's upload
// key after its batch (`<batch>-<n>`, an e-mail's items add `.2`, `.3`…), so the records of one
// upload are found again from any of them, without a table of batches.
const BATCH_KEY = /^([0-9a-f]{32})-(\d+)(?:\.(\d+))?$/;

/** A new batch name: 32 hex digits, unlike the plain UUID keys of uploads made before batches. */
export function newUploadBatch(): string {
  return crypto.randomUUID().replaceAll("-", "");
}

/** The upload key of the `index`-th file (from 1) of a batch. */
export function batchUploadKey(batch: string, index: number): string {
  return `${batch}-${index}`;
}

/** The batch an upload key belongs to, with the file's place in it; null for a key made alone. */
export function batchOfUploadKey(uploadKey: string | null): { batch: string; order: [number, number] } | null {
  const match = uploadKey ? BATCH_KEY.exec(uploadKey) : null;
  return match ? { batch: match[1]!, order: [Number(match[2]), Number(match[3] ?? 1)] } : null;
}

/** Compares two keys of one batch in the order the files were picked (an e-mail's items after it). */
export function compareBatchOrder(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}
