// `npm run db:migrate`: applies pending migrations from prisma/migrations, recorded the way
// `prisma migrate deploy` does (which cannot run offline). Uses DATABASE_URL or the embedded server.
import { prepareDatabase } from "./lib/prepare-database";

try {
  const server = await prepareDatabase();
  await server.stop();
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
