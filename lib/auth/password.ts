// Password hashing: argon2id with OWASP's recommended cost, and the rules a new password must meet.
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

// `Algorithm` is an ambient const enum that isolatedModules cannot read: 2 is its Argon2id.
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const passwordSchema = z.string().min(12, { message: "password.tooShort" }).max(200, { message: "password.tooLong" });

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A real hash to verify against when the account does not exist, so timing does not tell. */
let decoyHash: Promise<string> | undefined;
export function getDecoyHash(): Promise<string> {
  decoyHash ??= hashPassword("decoy-password-never-valid");
  return decoyHash;
}
