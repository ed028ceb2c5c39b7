"use server";
// Admin user management and a user's own account (password, sessions). Changing a role,
// deactivating and any password change bump sessionVersion and delete the user's session rows,
// which signs that user out everywhere; sessions can also be ended one by one.
import "server-only";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { writeAudit } from "@/lib/audit/log";
import { defineAction } from "@/lib/action";
import { signIn } from "@/lib/auth";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endSession, endSessionsOf } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { LOCALE_COOKIE } from "@/lib/i18n/negotiate";
import { routing } from "@/lib/i18n/routing";
import {
  accountChangePasswordSchema,
  accountEndOtherSessionsSchema,
  accountEndSessionSchema,
  userChangeRoleSchema,
  userCreateSchema,
  userEndSessionsSchema,
  userResetPasswordSchema,
  userSetActiveSchema,
} from "@/lib/users/schema";
import { Refusal } from "@/lib/refusal";
import { createUser as insertUser } from "@/lib/users/service";

export const createUser = defineAction({
  permission: "user.create",
  schema: userCreateSchema,
  async run(input, { user, ip }) {
    await insertUser(input, user.id, ip);
    revalidatePath("/admin/users");
    return "userCreated";
  },
});

export const changeUserRole = defineAction({
  permission: "user.changeRole",
  schema: userChangeRoleSchema,
  async run({ userId, role }, { user, ip }) {
    if (userId === user.id) throw new Refusal("errors.user.notOwnAccount");
    await db.$transaction(async (tx) => {
      const target = await tx.user.update({
        where: { id: userId },
        data: { role, sessionVersion: { increment: 1 } },
        select: { id: true },
      });
      await endSessionsOf(userId, { client: tx });
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
    if (userId === user.id) throw new Refusal("errors.user.notOwnAccount");
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { active, sessionVersion: { increment: 1 } } });
      await endSessionsOf(userId, { client: tx });
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
      await endSessionsOf(userId, { client: tx });
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
    if (!(await verifyPassword(stored.passwordHash, currentPassword)))
      throw new Refusal("errors.password.currentWrong", { field: "currentPassword" });
    const passwordHash = await hashPassword(newPassword);
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
      await endSessionsOf(user.id, { client: tx });
      await writeAudit({ actorId: user.id, action: "user.changeOwnPassword", entityType: "user", entityId: user.id, ip }, tx);
    });
    // Every other session is now revoked; this one signs in again with the new password.
    await signIn("credentials", { email: user.email, password: newPassword, redirect: false });
    return "passwordChanged";
  },
});

export const endUserSessions = defineAction({
  permission: "user.endSessions",
  schema: userEndSessionsSchema,
  async run({ userId }, { user, ip }) {
    if (userId === user.id) throw new Refusal("errors.user.notOwnAccount");
    const ended = await endSessionsOf(userId);
    await writeAudit({ actorId: user.id, action: "user.endSessions", entityType: "user", entityId: userId, details: { ended }, ip });
    revalidatePath("/admin/users");
    return "sessionsEnded";
  },
});

/** Ends one of the person's own sessions (another browser, or this one: then the next click signs in again). */
export const endOwnSession = defineAction({
  permission: "account.endSessions",
  schema: accountEndSessionSchema,
  async run({ sessionId }, { user, ip }) {
    if (!(await endSession(sessionId, user.id))) throw new Refusal("errors.session.notFound");
    await writeAudit({ actorId: user.id, action: "user.endSession", entityType: "user", entityId: user.id, ip });
    revalidatePath("/admin/account");
    return "sessionEnded";
  },
});

export const endOtherOwnSessions = defineAction({
  permission: "account.endSessions",
  schema: accountEndOtherSessionsSchema,
  async run(_input, { user, ip }) {
    const ended = await endSessionsOf(user.id, { exceptSessionId: user.sessionId });
    await writeAudit({ actorId: user.id, action: "user.endOtherSessions", entityType: "user", entityId: user.id, details: { ended }, ip });
    revalidatePath("/admin/account");
    return "otherSessionsEnded";
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
