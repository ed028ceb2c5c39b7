// Signs the scheduler's call to POST /api/internal/revalidate so only this deployment can make the
// reader site drop its cache: an HMAC keyed by a key derived from AUTH_SECRET, over time and body.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-desk-signature";
export const TIMESTAMP_HEADER = "x-desk-timestamp";
const MAX_AGE_MS = 5 * 60 * 1000;

function signingKey(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  // A key of its own, so a signature here never doubles as anything next-auth signs.
  return createHmac("sha256", secret).update("desk-cms/internal-revalidate/v1").digest();
}

export function signRevalidation(body: string, timestamp: number): string {
  return createHmac("sha256", signingKey()).update(`${timestamp}.${body}`).digest("hex");
}

export function verifyRevalidation(body: string, timestamp: string | null, signature: string | null, now = Date.now()): boolean {
  if (!timestamp || !signature || !/^\d{1,16}$/.test(timestamp) || !/^[0-9a-f]{64}$/.test(signature)) return false;
  if (Math.abs(now - Number(timestamp)) > MAX_AGE_MS) return false;
  const expected = Buffer.from(signRevalidation(body, Number(timestamp)), "hex");
  return timingSafeEqual(expected, Buffer.from(signature, "hex"));
}
