// Stand-in for `npm run demo` in the shutdown test: an embedded PostgreSQL in the folder given as
// argument and an app server child, with the demo's own shutdown installed. Prints the process ids.
// `--stubborn-app` gives an app that ignores SIGTERM (it must be killed).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { startDatabaseServer } from "@/scripts/lib/database/postgres";
import { installShutdown } from "../../scripts/lib/shutdown";

const [dataDir, mode] = process.argv.slice(2);
if (!dataDir) throw new Error("usage: demo-pieces.ts DATA_DIR [--stubborn-app]");
delete process.env.DATABASE_URL; // the embedded server, as a demo without DATABASE_URL
const database = await startDatabaseServer({ persistent: false, dataDir, database: "demo" });
const onTerm = mode === "--stubborn-app" ? "() => {}" : "() => process.exit(0)";
const app = spawn(process.execPath, ["-e", `process.on("SIGTERM", ${onTerm}); setInterval(() => {}, 1000);`], { stdio: "ignore" });
installShutdown(app, database);
const postmaster = Number.parseInt(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8"), 10);
console.log(JSON.stringify({ postmaster, app: app.pid, demo: process.pid }));
