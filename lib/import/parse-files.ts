// The pipeline over several files, the same in this thread and in a parse-pool worker: each file
// is read into wire text first (readers/: saved HTML page, Word file, e-mail, plain text). A file
// that makes the readers or the pipeline throw is refused on its own instead of failing the others.
import { getDictionary } from "./dictionaries";
import { importWireText } from "./index";
import { wireBytesOf } from "./readers";
import type { AgencyForm } from "./agencies";
import type { ImportResult } from "./types";

// A parse worker loads a file's readers before its time budget starts (parse-worker-serve.mjs).
export { loadReadersFor } from "./readers";

/**
 * A file to parse; `revertChanges` names the changes an editor undid (a review's re-run),
 * `boilerplate` the lines its source prints in many files (lib/import/boilerplate.ts), `agencyForms`
 * the agency forms the desk added.
 */
export type WireFile = {
  name: string;
  bytes: Uint8Array;
  revertChanges?: readonly string[];
  boilerplate?: ReadonlyMap<string, number>;
  /** The agency forms the desk added (agencies.ts). */
  agencyForms?: readonly AgencyForm[];
};

async function parseFile(file: WireFile): Promise<ImportResult> {
  try {
    const read = await wireBytesOf(file);
    if (!read.ok) return read;
    return importWireText(read.bytes, { revertChanges: file.revertChanges, boilerplate: file.boilerplate, agencyForms: file.agencyForms });
  } catch (error) {
    return {
      ok: false,
      refusal: { code: "import.refused.crashed", params: { cause: error instanceof Error ? error.message : String(error) } },
    };
  }
}

export async function parseFiles(files: readonly WireFile[]): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const file of files) results.push(await parseFile(file));
  return results;
}

/** Loads the word lists now rather than during the first file. */
export function loadWordLists(): void {
  getDictionary("fr");
  getDictionary("en");
}
