"use client";
// The forms of the user-management page: create a user, and the per-user role, status and
// password controls. Each is a server action behind the permission wrapper.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialActionState } from "@/lib/action-state";
import { changeUserRole, createUser, endUserSessions, resetUserPassword, setUserActive } from "@/lib/users/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

const ROLES = ["ADMIN", "EDITOR", "TRANSLATOR"] as const;

export function CreateUserForm() {
  const t = useTranslations("users");
  const tRoles = useTranslations("roles");
  const [state, formAction] = useActionState(createUser, initialActionState);
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={formAction} className="stack" noValidate key={state.ok ? "done" : "editing"}>
      <FormMessage state={state} />
      <FormField name="name" label={t("name")} required defaultValue={values.name} errors={state.errors?.name} />
      <FormField name="email" type="email" label={t("email")} required defaultValue={values.email} errors={state.errors?.email} />
      <div className="field">
        <label htmlFor="role">{t("role")}</label>
        <select id="role" name="role" defaultValue={values.role ?? "EDITOR"} aria-describedby="role-error">
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {tRoles(role)}
            </option>
          ))}
        </select>
        <div id="role-error" aria-live="polite" className="field-error">
          {state.errors?.role?.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      </div>
      <FormField
        name="password"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        autoComplete="new-password"
        required
        errors={state.errors?.password}
      />
      <SubmitButton>{t("createSubmit")}</SubmitButton>
    </form>
  );
}

type UserRow = { id: string; name: string; role: (typeof ROLES)[number]; active: boolean };

export function UserRowControls({ user }: { user: UserRow }) {
  const t = useTranslations("users");
  const tRoles = useTranslations("roles");
  const [roleState, roleAction] = useActionState(changeUserRole, initialActionState);
  const [activeState, activeAction] = useActionState(setUserActive, initialActionState);
  const [passwordState, passwordAction] = useActionState(resetUserPassword, initialActionState);
  const [sessionsState, sessionsAction] = useActionState(endUserSessions, initialActionState);
  const prefix = `user-${user.id}-`;
  return (
    <div className="row-controls">
      <form action={roleAction} className="inline-form">
        <input type="hidden" name="userId" value={user.id} />
        <label htmlFor={`${prefix}role`} className="sr-only">
          {t("changeRole")}
        </label>
        <select id={`${prefix}role`} name="role" defaultValue={user.role}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {tRoles(role)}
            </option>
          ))}
        </select>
        <SubmitButton className="button small">{t("changeRole")}</SubmitButton>
        <FormMessage state={roleState} />
      </form>
      <form action={activeAction} className="inline-form">
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="active" value={user.active ? "false" : "true"} />
        <SubmitButton className={user.active ? "button small danger" : "button small"}>
          {user.active ? t("deactivate") : t("reactivate")}
        </SubmitButton>
        <FormMessage state={activeState} />
      </form>
      <form action={passwordAction} className="inline-form">
        <input type="hidden" name="userId" value={user.id} />
        <FormField
          idPrefix={prefix}
          name="password"
          type="password"
          autoComplete="new-password"
          label={t("newPassword", { name: user.name })}
          errors={passwordState.errors?.password}
        />
        <SubmitButton className="button small">{t("resetPassword")}</SubmitButton>
        <FormMessage state={passwordState} />
      </form>
      <form action={sessionsAction} className="inline-form">
        <input type="hidden" name="userId" value={user.id} />
        <SubmitButton className="button small danger" aria-label={t("endSessionsLabel", { name: user.name })}>
          {t("endSessions")}
        </SubmitButton>
        <FormMessage state={sessionsState} />
      </form>
    </div>
  );
}
