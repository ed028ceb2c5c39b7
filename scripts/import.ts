// `npm run import -- [--dry-run] [--json] FILE...`: runs wire files (plain text, saved HTML pages, .docx, .eml whose body and
// attachments are items of their own) through the import pipeline.
// --dry-run touches no database; --json prints one JSON array, one object per file. Without
// --dry-run each file becomes a draft article (lib/import-review/batch.ts: chunks of files per
// transaction), exact duplicates are skipped, also within the run. Exit status 1 when any file
// failed; the others are still imported. Refusals are printed in English (the en catalogue). The
// process exits only once stdout has taken every byte.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { MAX_FILE_BYTES } from "@/lib/import/decode";
import { parseLearningFromBatch } from "@/lib/import/boilerplate";
import { parseFiles } from "@/lib/import/parse-files";
import { splitInput } from "@/lib/import/readers";
import { refusalTextIn } from "@/lib/i18n/refusal-text";
import type { DirectImportOutcome } from "@/lib/import-review/service";

/** What the CLI reports per file: a refusal as its English text. */
type FileOutcome = { file: string } & (Exclude<DirectImportOutcome, { status: "failed" }> | { status: "failed"; error: string });

function reported(file: string, outcome: DirectImportOutcome): FileOutcome {
  return outcome.status === "failed" ? { file, status: "failed", error: refusalTextIn("en", outcome.refusal) } : { file, ...outcome };
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "dry-run": { type: "boolean", default: false }, json: { type: "boolean", default: false }, as: { type: "string" } },
});
if (positionals.length === 0) {
  console.error("usage: npm run import -- [--dry-run] [--json] [--as EMAIL] FILE...");
  process.exit(2);
}

async function readInput(file: string): Promise<{ bytes: Uint8Array } | { error: string }> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return { error: `${file}: not a file` };
    // Refuse before reading a huge file into memory.
    if (info.size > MAX_FILE_BYTES)
      return { error: refusalTextIn("en", { code: "import.refused.tooLarge", params: { limit: MAX_FILE_BYTES / 1024 / 1024 } }) };
    return { bytes: new Uint8Array(await readFile(file)) };
  } catch (error) {
    return {
      error: `${file}: ${error instanceof Error && "code" in error && error.code === "ENOENT" ? "no such file" : "cannot be read"}`,
    };
  }
}

/** A file's items: an e-mail's body and attachments (reported as "mail.eml › note.docx"), else the file. */
type Item = { file: string; name: string; bytes: Uint8Array };

async function readItems(file: string): Promise<{ items: Item[] } | { error: string }> {
  const input = await readInput(file);
  if ("error" in input) return input;
  const split = await splitInput({ name: path.basename(file), bytes: input.bytes });
  if (!split.ok) return { error: refusalTextIn("en", split.refusal) };
  if (split.items.length === 1 && split.items[0]!.bytes === input.bytes) return { items: [{ file, ...split.items[0]! }] };
  return { items: split.items.map((item) => ({ file: path.join(path.dirname(file), item.name), ...item })) };
}

async function dryRun(): Promise<boolean> {
  const results = [];
  const items: Item[] = [];
  for (const file of positionals) {
    const read = await readItems(file);
    if ("error" in read) results.push({ file, ok: false, error: read.error });
    else items.push(...read.items);
  }
  // Lines the batch's files of one source repeat (menus, footers) go as learnt boilerplate.
  const parsedItems = await parseLearningFromBatch(
    items.map(({ name, bytes }) => ({ name, bytes })),
    parseFiles,
  );
  for (const [index, { file }] of items.entries()) {
    const parsed = parsedItems[index]!;
    if (!parsed.ok) {
      results.push({ file, ok: false, error: refusalTextIn("en", parsed.refusal) });
      continue;
    }
    const { rawText: _raw, nearDuplicateSignature: _signature, ...article } = parsed.article;
    results.push({ file, ok: true, ...article });
  }
  if (values.json) await writeOut(`${JSON.stringify(results, null, 2)}\n`);
  else
    for (const result of results)
      console.log(
        result.ok && "title" in result
          ? `ok      ${result.file}: [${result.language}] ${result.title} (${result.changes.length} changes, ${result.warnings.length} warnings)`
          : `failed  ${result.file}: ${"error" in result ? result.error : ""}`,
      );
  return results.every((result) => result.ok);
}

async function importIntoDatabase(): Promise<boolean> {
  // Started first, so the workers load their word lists while the database starts and files are read.
  const parser = (await import("@/lib/import/parse-pool")).parserFor(positionals.length);
  const { prepareDatabase } = await import("./lib/prepare-database");
  // Its progress lines ("Database is up to date.") go to stderr, so --json prints JSON alone.
  const log = console.log;
  if (values.json) console.log = console.error;
  const server = await prepareDatabase().finally(() => (console.log = log));
  process.env.DATABASE_URL = server.url;
  const { db } = await import("@/lib/db");
  const { importMany } = await import("@/lib/import-review/batch");
  const actor = values.as ? await db.user.findUnique({ where: { email: values.as.toLowerCase() }, select: { id: true } }) : null;
  if (values.as && !actor) {
    console.error(`No user with the email ${values.as}.`);
    await parser.close();
    return false;
  }
  const outcomes: FileOutcome[] = [];
  const readable: Item[] = [];
  const print = (outcome: FileOutcome) => {
    if (values.json) return;
    if (outcome.status === "created") console.log(`created    ${outcome.file} -> article ${outcome.articleId}`);
    else if (outcome.status === "duplicate") console.log(`duplicate  ${outcome.file} (already article ${outcome.articleId}), skipped`);
    else console.log(`failed     ${outcome.file}: ${outcome.error}`);
  };
  for (const file of positionals) {
    const read = await readItems(file);
    if ("error" in read) {
      outcomes.push({ file, status: "failed", error: read.error });
      print(outcomes.at(-1)!);
    } else readable.push(...read.items);
  }
  const unreadable = outcomes.length;
  // Chunks of files in one transaction each; a bad file is refused alone, duplicates are skipped.
  await importMany(
    readable.map(({ name, bytes }) => ({ name, bytes })),
    actor?.id ?? null,
    {
      parse: parser.parse,
      onOutcome: (index, outcome) => {
        outcomes[unreadable + index] = reported(readable[index]!.file, outcome);
        print(outcomes[unreadable + index]!);
      },
    },
  );
  await parser.close();
  const count = (status: string) => outcomes.filter((outcome) => outcome.status === status).length;
  if (values.json) await writeOut(`${JSON.stringify(outcomes, null, 2)}\n`);
  else console.log(`${count("created")} created, ${count("duplicate")} skipped as duplicate, ${count("failed")} failed`);
  await server.stop();
  return count("failed") === 0;
}

/**
 * Resolves once `text` and everything written before it has left the process: a pipe to a slow
 * reader takes 64 KiB, and process.exit would drop the rest.
 */
function writeOut(text: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(text, () => resolve()));
}

// A reader that goes away early (`| head`) is not an error of the import.
process.stdout.on("error", () => {});
const ok = values["dry-run"] ? await dryRun() : await importIntoDatabase();
// console.log lines may still be queued behind a slow reader.
await writeOut("");
process.exit(ok ? 0 : 1);
