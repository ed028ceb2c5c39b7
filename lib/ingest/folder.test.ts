// The watched folder against the real database and a real directory: a dropped wire file lands in the
// review queue and moves to processed/; a file the readers refuse moves to failed/ with its reason
// beside it; a file still being written waits; nothing is read twice; a path outside the ingest root
// is refused.
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pollSource } from "@/lib/ingest/poll";
import { sourceCreateSchema } from "@/lib/ingest/schema";
import { createSource } from "@/lib/ingest/service";
import { createUser } from "@/lib/users/service";
import { makeStory } from "@/test/fixtures/ingest-server";

let root = "";
let admin: { id: string; role: "ADMIN" };

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "ingest-root-"));
  process.env.INGEST_FOLDER_ROOT = root;
  const user = await createUser(
    { email: `folder-${randomUUID()}@desk.test`, name: "Folder admin", role: "ADMIN", password: "ingest-password" },
    null,
  );
  admin = { id: user.id, role: "ADMIN" };
});
afterAll(() => {
  delete process.env.INGEST_FOLDER_ROOT;
});

async function folderSource(directory: string) {
  const input = sourceCreateSchema.parse({
    kind: "FOLDER",
    name: `Drop ${randomUUID().slice(0, 6)}`,
    path: directory,
    pollIntervalMinutes: "10",
  });
  const source = await createSource(input, admin);
  await db.ingestSource.update({ where: { id: source.id }, data: { nextPollAt: new Date("2999-01-01") } });
  return source;
}

/** Writes a file as a partner's upload would have finished it a minute ago. */
async function drop(directory: string, name: string, content: string | Buffer, ageMs = 60_000) {
  const file = path.join(directory, name);
  await writeFile(file, content);
  const at = new Date(Date.now() - ageMs);
  await utimes(file, at, at);
}

/** The reason file the poll wrote beside a refused file in failed/. */
async function reasonIn(directory: string, failed: string[]): Promise<string> {
  return readFile(
    path.join(
      directory,
      "failed",
      failed.find((name) => name.endsWith(".reason.txt"))!,
    ),
    "utf8",
  );
}

describe("a watched folder", () => {
  it("brings a dropped file into review, moves what it took, explains what it refused, and reads nothing twice", async () => {
    const folder = `partner-${randomUUID().slice(0, 8)}`;
    const directory = path.join(root, folder);
    await mkdir(directory, { recursive: true });
    const story = makeStory();
    await drop(directory, "depeche.txt", [story.title, "", ...story.paragraphs].join("\n\n"));
    await drop(directory, "photo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    await drop(directory, "still-writing.txt", "Hanoi (VNA) – half a sentence", 0);
    const { id } = await folderSource(folder);

    expect(await pollSource(id)).toMatchObject({ status: "polled", inReview: 1, failed: 1, seen: 2 });
    const items = await db.ingestItem.findMany({
      where: { sourceId: id },
      include: { importRecord: { select: { status: true, fileName: true } } },
    });
    expect(items.find((item) => item.title === "depeche.txt")).toMatchObject({
      status: "IN_REVIEW",
      importRecord: { status: "PENDING_REVIEW", fileName: "depeche.txt" },
    });
    expect(items.find((item) => item.title === "photo.png")).toMatchObject({ status: "FAILED" });

    expect(await readdir(directory)).toEqual(expect.arrayContaining(["failed", "processed", "still-writing.txt"]));
    expect((await readdir(directory)).filter((name) => !["failed", "processed"].includes(name))).toEqual(["still-writing.txt"]);
    expect(await readdir(path.join(directory, "processed"))).toEqual([expect.stringMatching(/-depeche\.txt$/)]);
    const failed = await readdir(path.join(directory, "failed"));
    expect(failed).toEqual(
      expect.arrayContaining([expect.stringMatching(/-photo\.png$/), expect.stringMatching(/-photo\.png\.reason\.txt$/)]),
    );
    const reason = await reasonIn(directory, failed);
    expect(reason.trim().length).toBeGreaterThan(0);

    // The finished file is taken on the next poll; nothing already taken comes back.
    const settled = new Date(Date.now() - 60_000);
    await utimes(path.join(directory, "still-writing.txt"), settled, settled);
    expect(await pollSource(id)).toMatchObject({ status: "polled", seen: 1 });
    expect(await db.ingestItem.count({ where: { sourceId: id } })).toBe(3);
    expect(await pollSource(id)).toMatchObject({ status: "polled", seen: 0 });
  });

  it("moves a zip bomb renamed .docx to failed/ with its reason, and still takes the next file", async () => {
    const folder = `bomb-${randomUUID().slice(0, 8)}`;
    const directory = path.join(root, folder);
    await mkdir(directory, { recursive: true });
    await drop(directory, "communique.docx", Buffer.from(zipSync({ "word/document.xml": new Uint8Array(80 * 1024 * 1024) }, { level: 9 })));
    const story = makeStory();
    await drop(directory, "depeche.txt", [story.title, "", ...story.paragraphs].join("\n\n"));
    const { id } = await folderSource(folder);

    expect(await pollSource(id)).toMatchObject({ status: "polled", inReview: 1, failed: 1, seen: 2 });
    const failed = await readdir(path.join(directory, "failed"));
    const reason = await reasonIn(directory, failed);
    expect(reason).toContain("import.refused.unpacksTooLarge");
  });

  it("refuses a directory outside the ingest root, and says when the folder is missing", async () => {
    const outside = await folderSource("../../etc");
    expect(await pollSource(outside.id)).toMatchObject({ status: "failed", code: "ingest.errors.folderOutsideRoot" });
    const missing = await folderSource(`absent-${randomUUID().slice(0, 8)}`);
    expect(await pollSource(missing.id)).toMatchObject({ status: "failed", code: "ingest.errors.folderUnreadable" });
  });
});
