// The token of a preview link: the PreviewLink's id, its expiry and an HMAC-SHA256 over both, keyed
// by a key derived from AUTH_SECRET. Nothing secret is stored; revoking is a column on the row.
import { createHmac, timingSafeEqual } from "node:crypto";

const TOKEN_PATTERN = /^([a-z0-9]{1,40})\.(\d{1,16})\.([A-Za-z0-9_-]{43})$/;

function signingKey(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  // A key of its own, so a preview signature never doubles as anything else this deployment signs.
  return createHmac("sha256", secret).update("desk-cms/preview-link/v1").digest();
}

function signature(id: string, expiresAtMs: number): Buffer {
  return createHmac("sha256", signingKey()).update(`${id}.${expiresAtMs}`).digest();
}

export function signPreviewToken(id: string, expiresAt: Date): string {
  const expiresAtMs = expiresAt.getTime();
  return `${id}.${expiresAtMs}.${signature(id, expiresAtMs).toString("base64url")}`;
}

/**
 * The link's id when the token is well formed, signed by this deployment and not past its expiry;
 * otherwise null. Whether the link still exists and is not revoked is the caller's question.
 */
export function verifyPreviewToken(token: string, now = new Date()): { id: string; expiresAt: Date } | null {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return null;
  const [, id, expiry, mac] = match as unknown as [string, string, string, string];
  const expiresAtMs = Number(expiry);
  const given = Buffer.from(mac, "base64url");
  const expected = signature(id, expiresAtMs);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (expiresAtMs <= now.getTime()) return null;
  return { id, expiresAt: new Date(expiresAtMs) };
}
