// Fills deploy/nginx.conf's {{…}} placeholders: used by `npm run demo:cluster` and the benchmark's
// "nginx cache in front of the app" row, so both run the very configuration the docs describe.
import { readFileSync } from "node:fs";
import path from "node:path";

export type NginxConfigOptions = { listen: string; upstreams: string[]; runDir: string; refreshToken: string };

export function renderNginxConfig(options: NginxConfigOptions): string {
  if (!options.refreshToken) throw new Error("the refresh token must not be empty (an empty one would match every request)");
  return readFileSync(path.join(import.meta.dirname, "nginx.conf"), "utf8")
    .replaceAll("{{LISTEN}}", options.listen)
    .replaceAll("{{UPSTREAMS}}", options.upstreams.map((address) => `server ${address};`).join(" "))
    .replaceAll("{{RUN_DIR}}", options.runDir)
    .replaceAll("{{REFRESH_TOKEN}}", options.refreshToken);
}
