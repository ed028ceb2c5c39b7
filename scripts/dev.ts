// `npm run dev`: the development server (hot reload) on the same database as the demo.
import { spawn } from "node:child_process";
import { ensureAuthSecret } from "./lib/auth-secret";
import { NEXT_BIN } from "./lib/next-server";
import { prepareDatabase } from "./lib/prepare-database";

const server = await prepareDatabase({ seed: true });
const app = spawn(process.execPath, [NEXT_BIN, "dev"], {
  env: { ...process.env, DATABASE_URL: server.url, AUTH_SECRET: ensureAuthSecret() },
  stdio: "inherit",
});
const stop = async () => {
  app.kill("SIGTERM");
  await server.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
app.on("exit", () => void stop());
