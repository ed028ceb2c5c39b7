// `npm run db:migration:create -- NAME`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// for the changes in prisma/schema.prisma since the last migration (`prisma migrate dev
// --create-only`, offline). Does not apply it. The server only hosts scratch databases.
import path from "node:path";
import { createMigration } from "@/scripts/lib/database/migrations";
import { startDatabaseServer } from "@/scripts/lib/database/postgres";

const name = process.argv.slice(2).join(" ").trim();
if (!name) {
  console.error("usage: npm run db:migration:create -- NAME");
  process.exit(2);
}
const server = await startDatabaseServer();
try {
  const created = await createMigration(server.url, name);
  console.log(created ? `Created ${path.relative(process.cwd(), created.directory)}` : "No schema changes");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await server.stop();
}
process.exit(process.exitCode ?? 0);
