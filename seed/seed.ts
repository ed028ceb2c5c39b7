// Loads the demo users and the sample wire articles, the latter through the real import pipeline
// (as draft articles); `seedDemo` then tells the demo's story on them. Running either again changes
// nothing: users are matched by email, articles by the hash of their cleaned text.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { importDirectly } from "@/lib/import-review/service";
import { createUser } from "@/lib/users/service";
import { DEMO_USERS } from "./demo-users";

const SAMPLES_DIR = path.join(import.meta.dirname, "sample-articles");

export async function seedDatabase(): Promise<{ usersCreated: number; articlesCreated: number }> {
  let usersCreated = 0;
  for (const demo of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: demo.email }, select: { id: true } });
    if (existing) continue;
    await createUser(demo, null);
    usersCreated++;
  }

  const editor = await db.user.findUnique({ where: { email: DEMO_USERS[1]!.email }, select: { id: true } });
  let articlesCreated = 0;
  for (const fileName of (await readdir(SAMPLES_DIR)).filter((name) => name.endsWith(".txt")).sort()) {
    const bytes = new Uint8Array(await readFile(path.join(SAMPLES_DIR, fileName)));
    const outcome = await importDirectly({ name: fileName, bytes }, editor?.id ?? null);
    if (outcome.status === "failed") throw new Error(`Sample ${fileName} did not import: ${outcome.refusal.code}`);
    if (outcome.status === "created") articlesCreated++;
  }
  await (await import("@/lib/tags/seed-taxonomy")).seedTaxonomy();
  return { usersCreated, articlesCreated };
}

/**
 * What `npm run demo` and `npm run db:seed` load: the drafts, then the desk in motion (published,
 * translated, scheduled, in review). Browser tests use seedDatabase alone and start from drafts.
 */
export async function seedDemo(): Promise<{ usersCreated: number; articlesCreated: number; storyTold: boolean }> {
  const counts = await seedDatabase();
  const { seedDemoStory } = await import("./demo-story");
  return { ...counts, storyTold: await seedDemoStory() };
}
