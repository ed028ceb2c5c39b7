// next-auth with email + password: checks the lockout, the argon2id hash and that the account is
// active, records every attempt, and opens a server-side session (lib/auth/sessions.ts) that
// signing out deletes. Exports the handlers, `auth`, `signIn` and `signOut`.
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { writeAudit } from "@/lib/audit/log";
import { authConfig } from "@/lib/auth/config";
import { clientAddress } from "@/lib/auth/client-address";
import { markSignInSucceeded, normaliseEmail, startSignInAttempt } from "@/lib/auth/lockout";
import { getDecoyHash, verifyPassword } from "@/lib/auth/password";
import { createSession, endSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";

export class InvalidCredentialsError extends CredentialsSignin {
  code = "invalid";
}
export class LockedOutError extends CredentialsSignin {
  code = "locked";
}

const credentialsSchema = z.object({
  email: z.string().trim().max(320),
  password: z.string().max(200),
});

export async function checkCredentials(input: unknown, ip: string, userAgent: string | null = null) {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success || !parsed.data.email || !parsed.data.password) throw new InvalidCredentialsError();
  const email = normaliseEmail(parsed.data.email);

  const { attemptId, lockout } = await startSignInAttempt(email, ip);
  if (lockout.locked) throw new LockedOutError();

  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), parsed.data.password);
  if (!user || !passwordOk || !user.active) throw new InvalidCredentialsError();

  await markSignInSucceeded(attemptId);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await writeAudit({ actorId: user.id, action: "auth.signIn", entityType: "user", entityId: user.id, ip });
  const sessionId = await createSession(user.id, { userAgent, ip });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, sessionId };
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: (credentials, request) => checkCredentials(credentials, clientAddress(request.headers), request.headers.get("user-agent")),
    }),
  ],
  events: {
    // Signing out (the desk's button or next-auth's endpoint) deletes the session's row, so a
    // copy of the cookie is refused from then on.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.sid === "string" && token.sub) await endSession(token.sid, token.sub);
    },
  },
});
