// `npm run demo`: PostgreSQL (embedded unless DATABASE_URL is set), migrations, seed, production
// build, then serves the CMS and prints the URL and the demo sign-ins. Ctrl-C stops everything.
import { siteUrlForPort } from "../lib/public/site";
import { DEMO_USERS } from "../seed/demo-users";
import { runNext, startNext, waitForHealthy } from "./lib/next-server";
import { prepareDatabase } from "./lib/prepare-database";
import { ensureAuthSecret } from "./lib/auth-secret";
import { installShutdown } from "./lib/shutdown";

const port = Number(process.env.PORT ?? 3000);

async function main() {
  const server = await prepareDatabase({ seed: true });
  const env = {
    ...process.env,
    DATABASE_URL: server.url,
    AUTH_SECRET: ensureAuthSecret(),
    NODE_ENV: "production" as const,
    // Feeds, sitemaps, canonical and hreflang links name the port this demo serves.
    SITE_URL: siteUrlForPort(process.env, port),
  };

  if (!process.env.SKIP_BUILD) {
    console.log("Building the CMS (next build)…");
    await runNext(["build"], env);
  }
  const app = startNext(port, env);
  installShutdown(app, server);

  const url = `http://localhost:${port}`;
  await waitForHealthy(url);
  console.log(`\nThe CMS is running at ${url}`);
  console.log(`  Reader site: ${url}/fr  and  ${url}/en`);
  console.log(`  Admin:       ${url}/admin\n`);
  console.log("Demo sign-ins (local demo only):");
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(10)} ${user.email.padEnd(24)} ${user.password}`);
  console.log("\nPress Ctrl-C to stop.");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
