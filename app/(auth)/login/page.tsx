// The sign-in page. Already signed-in users go straight to the admin.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/admin/sign-in-form";
import { getCurrentUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title"), robots: { index: false } };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getCurrentUser()) redirect("/admin");
  const [{ callbackUrl }, t] = await Promise.all([searchParams, getTranslations()]);
  return (
    <main className="mx-auto mt-16 max-w-md px-4">
      <p className="mb-2 text-sm uppercase tracking-wide text-neutral-600">{t("common.adminName")}</p>
      <h1>{t("signIn.title")}</h1>
      <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
    </main>
  );
}
