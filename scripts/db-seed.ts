// `npm run db:seed`: applies migrations and loads the demo users and sample articles (idempotent).
import { prepareDatabase } from "./lib/prepare-database";

const server = await prepareDatabase({ seed: true });
await server.stop();
process.exit(0);
