// `npm run signin:flood -- --url http://localhost:3000 --email editor@desk.local [--attempts 200]
// [--password RIGHT]`: fires parallel sign-ins at a running CMS over real HTTP (next-auth's
// credentials callback, with its CSRF token) and reports how many were judged before the lockout
// refused the rest. Loopback only, at most 1000 attempts, stops by itself after 60 s. Exit 1 when
// more than five got through. Every tenth attempt carries --password when given. Note: the flood
// locks the loopback address out too (by design) for 15 minutes.
import { parseArgs } from "node:util";

// lib/auth/lockout.ts's LOCKOUT_MAX_FAILURES, repeated: importing it would open the database.
const LOCKOUT_MAX_FAILURES = 5;
const MAX_ATTEMPTS = 1000;
const DEADLINE_MS = 60_000;

type Outcome = "signedIn" | "invalid" | "locked" | "error";

function usage(message: string): never {
  console.error(message);
  console.error("usage: npm run signin:flood -- --url http://localhost:3000 --email editor@desk.local [--attempts 200] [--password RIGHT]");
  process.exit(2);
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      email: { type: "string" },
      attempts: { type: "string", default: "200" },
      password: { type: "string" },
    },
  });
  if (!values.url || !values.email) usage("--url and --email are required.");
  let base: URL;
  try {
    base = new URL(values.url);
  } catch {
    usage(`Not a URL: ${values.url}`);
  }
  if (!isLoopback(base.hostname))
    usage(`Refusing ${base.hostname}: this script only floods a server on this machine (localhost, 127.x, ::1).`);
  const attempts = Number(values.attempts);
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > MAX_ATTEMPTS) usage(`--attempts must be 1…${MAX_ATTEMPTS}.`);
  return { base, email: values.email, attempts, password: values.password };
}

/** next-auth's double-submit CSRF pair: the token for the form and the cookie it is checked against. */
async function csrf(base: URL, signal: AbortSignal): Promise<{ token: string; cookie: string }> {
  const response = await fetch(new URL("/api/auth/csrf", base), { signal });
  if (!response.ok) throw new Error(`GET /api/auth/csrf answered ${response.status}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0] ?? "")
    .filter(Boolean)
    .join("; ");
  return { token: csrfToken, cookie };
}

async function attempt(base: URL, form: URLSearchParams, cookie: string, signal: AbortSignal): Promise<Outcome> {
  try {
    const response = await fetch(new URL("/api/auth/callback/credentials", base), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: form,
      redirect: "manual",
      signal,
    });
    await response.body?.cancel();
    const location = response.headers.get("location") ?? "";
    if (response.status >= 300 && response.status < 400 && location) {
      const query = new URL(location, base).searchParams;
      if (!query.get("error")) return "signedIn";
      if (query.get("error") !== "CredentialsSignin") return "error"; // e.g. MissingCSRF: not a judged attempt
      return query.get("code") === "locked" ? "locked" : "invalid";
    }
    return "error";
  } catch {
    return "error";
  }
}

async function main(): Promise<number> {
  const { base, email, attempts, password } = readOptions();
  const signal = AbortSignal.timeout(DEADLINE_MS);
  const { token, cookie } = await csrf(base, signal);
  const started = Date.now();
  const outcomes = await Promise.all(
    Array.from({ length: attempts }, (_, index) => {
      const guess = password && index % 10 === 9 ? password : `flood-guess-${index}-${Math.random().toString(36).slice(2)}`;
      const form = new URLSearchParams({ email, password: guess, csrfToken: token, callbackUrl: new URL("/admin", base).toString() });
      return attempt(base, form, cookie, signal);
    }),
  );
  const count = (kind: Outcome) => outcomes.filter((outcome) => outcome === kind).length;
  const judged = count("signedIn") + count("invalid");
  console.log(`${attempts} attempts in ${((Date.now() - started) / 1000).toFixed(1)} s against ${base.origin} for ${email}`);
  console.log(`  got through (judged): ${judged}  — signed in ${count("signedIn")}, wrong password ${count("invalid")}`);
  console.log(`  refused by the lockout: ${count("locked")}`);
  if (count("error") > 0) console.log(`  errors or timeouts: ${count("error")}`);
  const held = judged <= LOCKOUT_MAX_FAILURES;
  console.log(
    held
      ? `The lockout held (at most ${LOCKOUT_MAX_FAILURES}).`
      : `The lockout did NOT hold: more than ${LOCKOUT_MAX_FAILURES} attempts were judged.`,
  );
  return held && count("error") === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
