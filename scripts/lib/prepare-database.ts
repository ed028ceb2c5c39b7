// Shared by the demo, the seed and the db:* commands: a running server with migrations applied.
import { applyMigrations } from "@/scripts/lib/database/migrations";
import { startDatabaseServer, type DatabaseServer } from "@/scripts/lib/database/postgres";

export async function prepareDatabase(options: { seed?: boolean; database?: string } = {}): Promise<DatabaseServer> {
  const server = await startDatabaseServer({ database: options.database });
  const { applied } = await applyMigrations(server.url, { onApplied: (name) => console.log(`Applied migration ${name}`) });
  if (applied.length === 0) console.log("Database is up to date.");
  if (options.seed) {
    process.env.DATABASE_URL = server.url;
    const { seedDemo } = await import("../../seed/seed");
    const { usersCreated, articlesCreated, storyTold } = await seedDemo();
    console.log(
      `Seed: ${usersCreated} users and ${articlesCreated} sample articles added${storyTold ? "; the demo desk is set (published, translated, scheduled, in review)" : ""}.`,
    );
  }
  return server;
}
