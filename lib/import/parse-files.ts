// The pipeline over several files, the same in this thread and in a parse-pool worker. A file that
// makes the pipeline throw is refused on its own instead of failing the others.
import { getDictionary } from "./dictionaries";
import { importWireText } from "./index";
import type { ImportResult } from "./types";

/** A file to parse; `revertChanges` names the changes an editor undid (a review's re-run). */
export type WireFile = { name: string; bytes: Uint8Array; revertChanges?: readonly string[] };

export function parseFiles(files: readonly WireFile[]): ImportResult[] {
  return files.map((file) => {
    try {
      return importWireText(file.bytes, { revertChanges: file.revertChanges });
    } catch (error) {
      return {
        ok: false,
        refusal: { code: "import.refused.crashed", params: { cause: error instanceof Error ? error.message : String(error) } },
      };
    }
  });
}

/** Loads the word lists now rather than during the first file. */
export function loadWordLists(): void {
  getDictionary("fr");
  getDictionary("en");
}
