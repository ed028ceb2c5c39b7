// This app server's own page cache: inside a request Next's revalidateTag drops a change's pages (and,
// with REDIS_URL, Next hands it to the shared handler); outside one (jobs, the follower, the consumer
// without a shared cache) the server calls its own signed route, which does the same inside a request.
import { revalidateTag } from "next/cache";
import { normalizePublicChange, publicChangeTags, type PublicChange, type PublicChangeInput } from "./change";
import { SIGNATURE_HEADER, signRevalidation, TIMESTAMP_HEADER } from "./revalidate-signature";

/** Inside a request only. Expire at once rather than stale-while-revalidate: an unpublished story must not be served even once more. */
export function revalidateThisServer(change: PublicChange): void {
  for (const tag of publicChangeTags(change)) revalidateTag(tag, { expire: 0 });
}

/** This server's own address: next start records it once listening; INTERNAL_APP_ORIGIN overrides. */
function ownOrigin(): string {
  return process.env.INTERNAL_APP_ORIGIN ?? process.env.__NEXT_PRIVATE_ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

/** From outside a request: POST /api/internal/revalidate on this server (or `origin`); throws unless it answered 2xx. */
export async function requestRevalidation(change: PublicChangeInput, origin = ownOrigin()): Promise<void> {
  const body = JSON.stringify(normalizePublicChange(change));
  const timestamp = Date.now();
  const response = await fetch(new URL("/api/internal/revalidate", origin), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signRevalidation(body, timestamp),
    },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`revalidation answered ${response.status}`);
}
