// The signed-in user's own account: change password.
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/admin/change-password-form";
import { requireUser } from "@/lib/auth/session";

export default async function AccountPage() {
  const user = await requireUser();
  const t = await getTranslations("account");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{user.email}</p>
      <h2>{t("changePassword")}</h2>
      <ChangePasswordForm />
    </>
  );
}
