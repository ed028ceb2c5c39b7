"use server";
// Admin user management and a user's own password change. Changing a role, deactivating and
// any password change bump sessionVersion, which signs that user out everywhere.
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { writeAudit } from "@/lib/audit/log";
import { ActionError, defineAction } from "@/lib/action";
import { signIn } from "@/lib/auth";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { LOCALE_COOKIE } from "@/lib/i18n/request";
import { routing } from "@/lib/i18n/routing";
import {
  accountChangePasswordSchema,
  userChangeRoleSchema,
  userCreateSchema,
  userResetPasswordSchema,
  userSetActiveSchema,
} from "@/lib/users/schema";
import { createUser as insertUser, EmailTakenError } from "@/lib/users/service";

export const createUser = defineAction({
  permission: "user.create",
  schema: userCreateSchema,
  async run(input, { user, ip }) {
    try {
      await insertUser(input, user.id, ip);
    } catch (error) {
      if (error instanceof EmailTakenError) throw new ActionError("email.taken", "email");
      throw error;
    }
    revalidatePath("/admin/users");
    return "userCreated";
  },
});

export const changeUserRole = defineAction({
  permission: "user.changeRole",
  schema: userChangeRoleSchema,
  async run({ userId, role }, { user, ip }) {
    if (userId === user.id) throw new ActionError("user.notOwnAccount");
    await db.$transaction(async (tx) => {
      const target = await tx.user.update({
        where: { id: userId },
        data: { role, sessionVersion: { increment: 1 } },
        select: { id: true },
      });
      await writeAudit({ actorId: user.id, action: "user.changeRole", entityType: "user", entityId: target.id, details: { role }, ip }, tx);
    });
    revalidatePath("/admin/users");
    return "roleChanged";
  },
});

export const setUserActive = defineAction({
  permission: "user.setActive",
  schema: userSetActiveSchema,
  async run({ userId, active }, { user, ip }) {
    if (userId === user.id) throw new ActionError("user.notOwnAccount");
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { active, sessionVersion: { increment: 1 } } });
      await writeAudit(
        { actorId: user.id, action: active ? "user.reactivate" : "user.deactivate", entityType: "user", entityId: userId, ip },
        tx,
      );
    });
    revalidatePath("/admin/users");
    return active ? "userReactivated" : "userDeactivated";
  },
});

export const resetUserPassword = defineAction({
  permission: "user.resetPassword",
  schema: userResetPasswordSchema,
  async run({ userId, password }, { user, ip }) {
    const passwordHash = await hashPassword(password);
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
      await writeAudit({ actorId: user.id, action: "user.resetPassword", entityType: "user", entityId: userId, ip }, tx);
    });
    return "passwordReset";
  },
});

export const changeOwnPassword = defineAction({
  permission: "account.changePassword",
  schema: accountChangePasswordSchema,
  async run({ currentPassword, newPassword }, { user, ip }) {
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(stored.passwordHash, currentPassword))) throw new ActionError("password.currentWrong", "currentPassword");
    const passwordHash = await hashPassword(newPassword);
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
      await writeAudit({ actorId: user.id, action: "user.changeOwnPassword", entityType: "user", entityId: user.id, ip }, tx);
    });
    // Every other session is now revoked; this one signs in again with the new password.
    await signIn("credentials", { email: user.email, password: newPassword, redirect: false });
    return "passwordChanged";
  },
});

const interfaceLanguageSchema = z.object({ locale: z.enum(routing.locales) });

export const setInterfaceLanguage = defineAction({
  permission: "admin.access",
  schema: interfaceLanguageSchema,
  async run({ locale }, { user }) {
    await db.user.update({ where: { id: user.id }, data: { locale } });
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
    revalidatePath("/admin", "layout");
    return "languageChanged";
  },
});
