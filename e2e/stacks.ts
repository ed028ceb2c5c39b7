// Which app a browser test talks to. scripts/run-tests.ts starts one stack per journey worker (an app
// server and its own database: E2E_STACKS, E2E_BASE_URL_<n>, E2E_DATABASE_URL_<n>); a worker takes the
// stack of its parallel index, so two journeys at once never see each other's rows or sessions. Run
// by hand, there is one stack: BASE_URL and DATABASE_URL.

export function stackCount(): number {
  return Math.max(1, Number(process.env.E2E_STACKS ?? 1));
}

/** The stack this process works against: its worker's parallel index, the first one in the runner. */
export function currentStack(): number {
  const index = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
  return index < stackCount() ? index : 0;
}

export function stackAddress(stack: number): { baseUrl: string; databaseUrl: string | undefined } {
  return {
    baseUrl: process.env[`E2E_BASE_URL_${stack}`] ?? process.env.BASE_URL ?? "http://localhost:3000",
    databaseUrl: process.env[`E2E_DATABASE_URL_${stack}`] ?? process.env.DATABASE_URL,
  };
}

/**
 * Points BASE_URL and DATABASE_URL at this worker's stack (the config calls it as each worker loads
 * it), so every helper, and every command a spec starts with process.env, reaches the same app.
 */
export function takeCurrentStack(): void {
  const { baseUrl, databaseUrl } = stackAddress(currentStack());
  process.env.BASE_URL = baseUrl;
  if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
}
