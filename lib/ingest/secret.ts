// Mailbox passwords at rest: AES-256-GCM (node:crypto) under INGEST_SECRET_KEY (32 bytes, base64),
// stored as "v1:<iv>:<tag>:<ciphertext>" in base64. Without the key nothing is saved (or read).
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { IngestError } from "./errors";

const VERSION = "v1";

/** The key from the environment, or null when it is unset or not 32 bytes of base64. */
export function ingestSecretKey(environment: Record<string, string | undefined> = process.env): Buffer | null {
  const raw = environment.INGEST_SECRET_KEY?.trim();
  if (!raw) return null;
  const key = Buffer.from(raw, "base64");
  return key.length === 32 ? key : null;
}

function requireKey(key: Buffer | null): Buffer {
  if (!key) throw new IngestError("ingest.errors.secretKeyMissing");
  return key;
}

export function encryptSecret(plain: string, key: Buffer | null = ingestSecretKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", requireKey(key), iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), sealed.toString("base64")].join(":");
}

export function decryptSecret(stored: string, key: Buffer | null = ingestSecretKey()): string {
  const [version, iv, tag, sealed] = stored.split(":");
  if (version !== VERSION || !iv || !tag || sealed === undefined) throw new Error("unknown secret format");
  const decipher = createDecipheriv("aes-256-gcm", requireKey(key), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(sealed, "base64")), decipher.final()]).toString("utf8");
}
