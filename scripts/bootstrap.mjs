// Entry point of `npm run demo`, `npm test` and `npm run bench` on a fresh clone: installs what is missing
// (dependencies, the generated Prisma client), then hands over to the TypeScript script.
// Plain Node on purpose: it must run before anything is installed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const [command, ...rest] = process.argv.slice(2);
const targets = { demo: "scripts/demo.ts", test: "scripts/run-tests.ts", bench: "bench/run.ts", "demo-cluster": "scripts/demo-cluster.ts" };
if (!targets[command]) {
  console.error(`usage: node scripts/bootstrap.mjs ${Object.keys(targets).join("|")}`);
  process.exit(2);
}

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
};

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function newerThan(a, b) {
  return existsSync(a) && (!existsSync(b) || statSync(a).mtimeMs > statSync(b).mtimeMs);
}

// npm records what it installed in node_modules/.package-lock.json; reinstall when the lockfile changed.
// `npm ci` installs exactly the lockfile (complete for every platform) and never rewrites it.
const installed = path.join(root, "node_modules", ".package-lock.json");
if (!existsSync(installed) || newerThan(path.join(root, "package-lock.json"), installed)) {
  console.log("Installing dependencies (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

const generatedClient = path.join(root, "lib", "generated", "prisma", "client.ts");
if (newerThan(path.join(root, "prisma", "schema.prisma"), generatedClient) || !existsSync(generatedClient)) {
  console.log("Generating the Prisma client…");
  run(path.join(root, "node_modules", ".bin", "prisma"), ["generate"]);
}

// SIGTERM or SIGHUP sent to this process alone (a service manager, `kill <npm's pid>`) is passed on, so
// the script's own shutdown stops the server and PostgreSQL instead of leaving them running. Ctrl-C
// already reaches the whole process group: this process only waits for the script to finish.
// The scripts run as server code: under the react-server condition the `import "server-only"` marks in
// lib/ resolve to their empty module (as in the Next server) instead of throwing.
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const child = spawn(tsx, ["--conditions=react-server", targets[command], ...rest], { cwd: root, stdio: "inherit", env });
process.on("SIGINT", () => {});
for (const signal of ["SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
