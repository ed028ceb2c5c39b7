// Repeated body: a run of paragraphs that appears again later in the file (the page body
// pasted twice) is kept once, at its first occurrence.
import type { ChangeLog } from "./change-log";
import { normaliseForComparison } from "./title";

// Short lines (headlines, "Photo: VNA") legitimately repeat; a paragraph this long does not.
const MIN_REPEATED_LENGTH = 60;

export function removeRepeatedBlocks(blocks: readonly string[], log: ChangeLog): string[] {
  const keys = blocks.map(normaliseForComparison);
  const firstIndex = new Map<string, number>();
  const kept: string[] = [];
  let index = 0;
  while (index < blocks.length) {
    const key = keys[index] ?? "";
    const earlier = firstIndex.get(key);
    if (earlier !== undefined && key.length >= MIN_REPEATED_LENGTH) {
      // Extend the repeat as far as it keeps matching the earlier copy.
      let length = 1;
      while (index + length < blocks.length && earlier + length < index && keys[earlier + length] === keys[index + length]) length++;
      const run = blocks.slice(index, index + length);
      // Reverted: keep the whole run, so its tail is not re-detected as a shorter repeat.
      if (!log.propose("duplicate-block-removed", run.join("\n"))) kept.push(...run);
      index += length;
      continue;
    }
    if (earlier === undefined) firstIndex.set(key, index);
    kept.push(blocks[index] ?? "");
    index++;
  }
  return kept;
}
