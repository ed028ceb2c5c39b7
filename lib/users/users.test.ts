// Integration tests of accounts: argon2id hashes, unique emails, and credentials checks that
// refuse deactivated users, against the real database.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkCredentials } from "@/lib/auth";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users/service";
import { Refusal } from "@/lib/refusal";

const newUser = () => ({
  email: `user-${randomUUID()}@desk.test`,
  name: "Test User",
  role: "EDITOR" as const,
  password: "correct-horse-battery",
});

describe("users", () => {
  it("stores an argon2id hash, never the password", async () => {
    const input = newUser();
    const { id } = await createUser(input, null);
    const stored = await db.user.findUniqueOrThrow({ where: { id }, omit: { passwordHash: false } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored.passwordHash).not.toContain(input.password);
  });

  it("omits password hashes from ordinary queries", async () => {
    const { id } = await createUser(newUser(), null);
    const user = await db.user.findUniqueOrThrow({ where: { id } });
    expect(user).not.toHaveProperty("passwordHash");
  });

  it("refuses a second account with the same email and writes nothing", async () => {
    const input = newUser();
    await createUser(input, null);
    await expect(createUser({ ...input, name: "Other" }, null)).rejects.toThrow(Refusal);
    await expect(createUser({ ...input, name: "Other" }, null)).rejects.toMatchObject({ code: "errors.email.taken", field: "email" });
    expect(await db.user.count({ where: { email: input.email } })).toBe(1);
  });

  it("records user creation in the audit log", async () => {
    const { id } = await createUser(newUser(), null);
    const entry = await db.auditLog.findFirst({ where: { action: "user.create", entityId: id } });
    expect(entry).not.toBeNull();
  });

  it("accepts the right password and refuses a wrong one or a deactivated account", async () => {
    const input = newUser();
    const { id } = await createUser(input, null);
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}`;
    await expect(checkCredentials({ email: input.email.toUpperCase(), password: input.password }, ip)).resolves.toMatchObject({
      id,
      role: "EDITOR",
    });
    await expect(checkCredentials({ email: input.email, password: "wrong-password" }, ip)).rejects.toMatchObject({ code: "invalid" });
    await db.user.update({ where: { id }, data: { active: false } });
    await expect(checkCredentials({ email: input.email, password: input.password }, ip)).rejects.toMatchObject({ code: "invalid" });
  });
});

describe("audit log", () => {
  it("is append-only: the database refuses updates and deletes", async () => {
    const { id } = await createUser(newUser(), null);
    const entry = await db.auditLog.findFirstOrThrow({ where: { entityId: id } });
    await expect(db.auditLog.update({ where: { id: entry.id }, data: { action: "forged" } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
  });
});
