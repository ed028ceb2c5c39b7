// The part of the next-auth configuration that needs no database: session strategy, pages and the
// token's shape. lib/auth/index.ts adds the credentials provider.
import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/lib/generated/prisma/enums";

declare module "next-auth" {
  interface User {
    role?: Role;
    sessionVersion?: number;
    /** The user_sessions row created by this sign-in (lib/auth/sessions.ts). */
    sessionId?: string;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: Role; sessionVersion: number };
    sessionId: string;
  }
}

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const authConfig = {
  trustHost: true,
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [],
  logger: {
    // A wrong password is an expected outcome, already recorded as a sign-in attempt; so is a session
    // cookie that does not decrypt (forged, or sealed with an earlier secret): one line, no stack.
    // Read by `type`: a production build shortens class names, so `name` no longer says which error it is.
    error(error) {
      const type = (error as { type?: string }).type;
      if (type === "CredentialsSignin") return;
      if (type === "JWTSessionError") console.warn("auth: an unreadable session cookie was treated as no session");
      else console.error(error);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sessionVersion = user.sessionVersion;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.sub ?? "",
        email: token.email ?? "",
        name: token.name ?? "",
        role: token.role as Role,
        sessionVersion: Number(token.sessionVersion ?? 0),
      };
      session.sessionId = typeof token.sid === "string" ? token.sid : "";
      return session;
    },
  },
} satisfies NextAuthConfig;
