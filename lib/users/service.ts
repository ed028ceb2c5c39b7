// User writes shared by the admin actions, the seed and the `user:create` command line.
import "server-only";
import { writeAudit } from "@/lib/audit/log";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { Refusal } from "@/lib/refusal";

export async function createUser(
  input: { email: string; name: string; role: Role; password: string },
  actorId: string | null,
  ip?: string,
) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (taken) throw new Refusal("errors.email.taken", { field: "email" });
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: { id: true, email: true, role: true },
    });
    await writeAudit(
      { actorId, action: "user.create", entityType: "user", entityId: user.id, details: { email: user.email, role: user.role }, ip },
      tx,
    );
    return user;
  });
}
