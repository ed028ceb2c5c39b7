// The watched folder: each regular file directly in the source's directory is an item (its key the
// name with its size and content hash, so the same name dropped again later is a new item), read when
// new, then moved to processed/ or to failed/ with `<name>.reason.txt` beside it. Directories live
// under INGEST_FOLDER_ROOT (default .data/ingest): a source names one below it, never a path
// elsewhere on the server. A file changed in the last seconds may still be being written: it waits.
import "server-only";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { IngestSource } from "@/lib/generated/prisma/client";
import { IngestError } from "../errors";
import type { SourceBatch, SourceItem } from "./types";

export const PROCESSED_DIR = "processed";
export const FAILED_DIR = "failed";
const SETTLING_MS = 2000;
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_FILES_PER_POLL = 200;

export function ingestFolderRoot(): string {
  return path.resolve(process.env.INGEST_FOLDER_ROOT ?? path.join(process.cwd(), ".data", "ingest"));
}

/** The source's directory inside the root; refused when it would leave it. */
export function folderOf(source: Pick<IngestSource, "path">): string {
  const root = ingestFolderRoot();
  const relative = (source.path ?? "").replace(/^\/+/, "");
  const directory = path.resolve(root, relative);
  if (!relative || (directory !== root && !directory.startsWith(root + path.sep)))
    throw new IngestError("ingest.errors.folderOutsideRoot", { path: (source.path ?? "").slice(0, 200) });
  return directory;
}

/** Moves a file into processed/ or failed/ under a name no earlier file took. */
async function moveInto(directory: string, subdirectory: string, name: string): Promise<string> {
  const target = path.join(directory, subdirectory);
  await mkdir(target, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const destination = path.join(target, `${stamp}-${name}`);
  await rename(path.join(directory, name), destination);
  return destination;
}

export async function readFolder(source: IngestSource, now = Date.now()): Promise<SourceBatch> {
  const directory = folderOf(source);
  let names: string[];
  try {
    names = (await readdir(directory, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
      .map((entry) => entry.name);
  } catch (error) {
    throw new IngestError("ingest.errors.folderUnreadable", { path: source.path ?? "" }, (error as Error).message);
  }
  const items: SourceItem[] = [];
  for (const name of names.sort().slice(0, MAX_FILES_PER_POLL)) {
    const file = path.join(directory, name);
    const info = await stat(file);
    if (now - info.mtimeMs < SETTLING_MS) continue;
    const bytes = info.size <= MAX_FILE_BYTES ? await readFile(file) : null;
    const digest = bytes ? createHash("sha256").update(bytes).digest("hex").slice(0, 16) : `${info.mtimeMs}`;
    items.push({
      key: `${name}:${info.size}:${digest}`,
      url: null,
      title: name,
      load: async () => {
        if (!bytes) throw new IngestError("ingest.errors.tooLarge", { limit: MAX_FILE_BYTES / (1024 * 1024) });
        return { name, bytes: new Uint8Array(bytes) };
      },
      settle: async (outcome) => {
        if (outcome.ok) {
          await moveInto(directory, PROCESSED_DIR, name);
          return;
        }
        const moved = await moveInto(directory, FAILED_DIR, name);
        await writeFile(`${moved}.reason.txt`, `${outcome.reason}\n`, "utf8");
      },
    });
  }
  return { notModified: false, items };
}
