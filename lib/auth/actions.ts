"use server";
// Signing in and out. Sign-in is the one action open to anonymous visitors; it still validates
// its input and answers with one generic message whatever was wrong.
import { AuthError, CredentialsSignin } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import type { ActionState } from "@/lib/action-state";

const signInSchema = z.object({
  email: z.string().max(320),
  password: z.string().max(200),
  callbackUrl: z.string().max(500).optional(),
});

export async function signInWithPassword(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getTranslations("signIn");
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  const email = typeof formData.get("email") === "string" ? String(formData.get("email")) : "";
  if (!parsed.success) return { ok: false, message: t("invalid"), values: { email } };
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallback(parsed.data.callbackUrl),
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "locked") return { ok: false, message: t("locked"), values: { email } };
    if (error instanceof AuthError) return { ok: false, message: t("invalid"), values: { email } };
    throw error;
  }
}

export async function signOutOfAdmin(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

/** Only same-site admin paths: an open redirect after sign-in would help phishing. */
function safeCallback(url: string | undefined): string {
  return url && /^\/admin(\/[\w\-/?=&%.]*)?$/.test(url) ? url : "/admin";
}
