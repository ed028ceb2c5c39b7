// The fast path after a write has committed its outbox row, inside a Next request (server actions, and
// the signed revalidation route for work done outside one): this server drops the change's pages
// before it answers, and the outbox is drained once the response is sent, so a reader sees a publish
// at once. Whatever this misses (the server died first, a proxy was down) the job picks up.
import { after } from "next/server";
import type { PublicChange } from "./change";
import { processPublicChanges } from "./consumer";
import { revalidateThisServer } from "./this-server";

/** Outside a request (seed, CLI, tests) Next throws these; the committed rows then wait for the job. */
const OUTSIDE_A_REQUEST = /static generation store missing|outside a request scope/;

export function afterPublicChange(change: PublicChange | null): void {
  if (!change) return;
  try {
    revalidateThisServer(change);
    after(async () => void (await processPublicChanges()));
  } catch (error) {
    if (error instanceof Error && OUTSIDE_A_REQUEST.test(error.message)) return;
    throw error;
  }
}
