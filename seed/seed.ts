// Loads the demo users and the sample wire articles. Running it again changes nothing: users are
// matched by email, files by the hash of their bytes.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users/service";
import { DEMO_USERS } from "./demo-users";

const SAMPLES_DIR = path.join(import.meta.dirname, "sample-articles");

export async function seedDatabase(): Promise<{ usersCreated: number; importsCreated: number }> {
  let usersCreated = 0;
  for (const demo of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: demo.email }, select: { id: true } });
    if (existing) continue;
    await createUser(demo, null);
    usersCreated++;
  }

  const admin = await db.user.findUnique({ where: { email: DEMO_USERS[0]!.email }, select: { id: true } });
  let importsCreated = 0;
  for (const fileName of (await readdir(SAMPLES_DIR)).filter((name) => name.endsWith(".txt")).sort()) {
    const bytes = await readFile(path.join(SAMPLES_DIR, fileName));
    const contentHash = createHash("sha256").update(bytes).digest("hex");
    const existing = await db.importRecord.findFirst({ where: { contentHash }, select: { id: true } });
    if (existing) continue;
    await db.importRecord.create({
      data: {
        fileName,
        byteSize: bytes.byteLength,
        rawBytes: new Uint8Array(bytes),
        contentHash,
        result: {},
        importedById: admin?.id ?? null,
      },
    });
    importsCreated++;
  }
  return { usersCreated, importsCreated };
}
