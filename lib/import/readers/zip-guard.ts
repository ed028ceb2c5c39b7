// How much a ZIP container (a .docx) unpacks to, counted while inflating it in small steps, so a
// "zip bomb" (a few MB that inflate to gigabytes) is refused before mammoth unpacks it into memory.
// The sizes a ZIP declares can lie; only the inflated bytes are counted.
import { Unzip, UnzipInflate } from "fflate";

/** A Word file's text, styles and relations are a few MB at most; pictures are never read. */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;
const MAX_ENTRIES = 2_000;
// Deflate expands at most ~1,032 times: a 16 KB step inflates to at most ~17 MB before the count is read.
const STEP_BYTES = 16 * 1024;

export type UnpackedSize = { ok: true; bytes: number } | { ok: false; reason: "tooLarge" | "tooManyEntries" | "damaged" };

export function measureUnpacked(zip: Uint8Array, limit = MAX_UNPACKED_BYTES): UnpackedSize {
  let total = 0;
  let entries = 0;
  let failure: "tooLarge" | "tooManyEntries" | "damaged" | null = null;
  const unzip = new Unzip((file) => {
    entries += 1;
    if (entries > MAX_ENTRIES) failure ??= "tooManyEntries";
    if (failure) return file.terminate();
    file.ondata = (error, chunk) => {
      if (error) failure ??= "damaged";
      total += chunk?.length ?? 0;
      if (total > limit) failure ??= "tooLarge";
      if (failure) file.terminate();
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < zip.length && !failure; offset += STEP_BYTES)
      unzip.push(zip.subarray(offset, offset + STEP_BYTES), offset + STEP_BYTES >= zip.length);
  } catch {
    failure ??= "damaged";
  }
  return failure ? { ok: false, reason: failure } : { ok: true, bytes: total };
}
