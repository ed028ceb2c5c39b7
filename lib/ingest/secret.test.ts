// Mailbox passwords: sealed with AES-256-GCM under INGEST_SECRET_KEY and opened again; a tampered
// value or another key fails; without the key a mailbox source with a password is refused and
// nothing is written; the password is never in what the desk reads.
import { randomBytes, randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { IngestError } from "@/lib/ingest/errors";
import { getSource } from "@/lib/ingest/queries";
import { sourceCreateSchema } from "@/lib/ingest/schema";
import { decryptSecret, encryptSecret, ingestSecretKey } from "@/lib/ingest/secret";
import { createSource } from "@/lib/ingest/service";
import { createUser } from "@/lib/users/service";

const savedKey = process.env.INGEST_SECRET_KEY;
afterEach(() => {
  if (savedKey === undefined) delete process.env.INGEST_SECRET_KEY;
  else process.env.INGEST_SECRET_KEY = savedKey;
});

let admin: { id: string; role: "ADMIN" };
beforeAll(async () => {
  const user = await createUser(
    { email: `secret-${randomUUID()}@desk.test`, name: "Secret", role: "ADMIN", password: "secret-password" },
    null,
  );
  admin = { id: user.id, role: "ADMIN" };
});

const mailbox = (name: string) =>
  sourceCreateSchema.parse({
    kind: "IMAP",
    name,
    host: "imap.test",
    port: "993",
    username: "desk",
    password: "s3cret!",
    pollIntervalMinutes: "5",
  });

describe("mailbox passwords", () => {
  it("are sealed and opened with the key, and refused with another key or when tampered with", () => {
    const key = randomBytes(32);
    const sealed = encryptSecret("s3cret!", key);
    expect(sealed).not.toContain("s3cret");
    expect(decryptSecret(sealed, key)).toBe("s3cret!");
    expect(() => decryptSecret(sealed, randomBytes(32))).toThrow();
    const [version, iv, tag, body] = sealed.split(":");
    const flipped = Buffer.from(body!, "base64");
    flipped[0]! ^= 1;
    expect(() => decryptSecret([version, iv, tag, flipped.toString("base64")].join(":"), key)).toThrow();
  });

  it("take the key from INGEST_SECRET_KEY only when it is 32 bytes of base64", () => {
    expect(ingestSecretKey({ INGEST_SECRET_KEY: randomBytes(16).toString("base64") })).toBeNull();
    expect(ingestSecretKey({})).toBeNull();
    expect(ingestSecretKey({ INGEST_SECRET_KEY: randomBytes(32).toString("base64") })?.length).toBe(32);
  });

  it("cannot be saved without the key: the source is refused whole", async () => {
    delete process.env.INGEST_SECRET_KEY;
    const name = `Mailbox ${randomUUID()}`;
    await expect(createSource(mailbox(name), admin)).rejects.toMatchObject({ code: "ingest.errors.secretKeyMissing" });
    await expect(createSource(mailbox(name), admin)).rejects.toBeInstanceOf(IngestError);
    expect(await db.ingestSource.count({ where: { name } })).toBe(0);
  });

  it("are stored sealed with the key, and never read back by the desk", async () => {
    process.env.INGEST_SECRET_KEY = randomBytes(32).toString("base64");
    const { id } = await createSource(mailbox(`Mailbox ${randomUUID()}`), admin);
    const stored = await db.ingestSource.findUniqueOrThrow({ where: { id } });
    expect(stored.passwordEncrypted).toMatch(/^v1:/);
    expect(decryptSecret(stored.passwordEncrypted!)).toBe("s3cret!");
    expect(JSON.stringify(await getSource(id))).not.toContain(stored.passwordEncrypted!);
    expect(Object.keys((await getSource(id))!)).not.toContain("passwordEncrypted");
  });

  it("mark a source internal only for an admin", async () => {
    const input = sourceCreateSchema.parse({
      kind: "FEED",
      name: `Intranet ${randomUUID()}`,
      url: "http://10.0.0.1/feed",
      pollIntervalMinutes: "5",
      internal: "on",
    });
    await expect(createSource(input, { id: admin.id, role: "EDITOR" })).rejects.toMatchObject({ code: "ingest.errors.internalAdminOnly" });
  });
});
