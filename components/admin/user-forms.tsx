"use client";
// The forms of the user-management page: create a user, and each user's row actions (role,
// password, status, sessions). Each is a server action behind the permission wrapper.
import { useActionState, useEffect, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Loader2, MoreHorizontal } from "lucide-react";
import { initialActionState } from "@/lib/action-state";
import { changeUserRole, createUser, endUserSessions, resetUserPassword, setUserActive } from "@/lib/users/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTitle } from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { toastActionResult, useActionToast } from "@/components/ui/use-action-toast";

const ROLES = ["ADMIN", "EDITOR", "TRANSLATOR"] as const;

export function CreateUserForm() {
  const t = useTranslations("users");
  const tRoles = useTranslations("roles");
  const [state, formAction] = useActionState(createUser, initialActionState);
  useActionToast(state);
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
type RowDialog = "role" | "password" | null;

/**
 * A user's row actions in one menu: role and password open a small dialog (they need a value),
 * deactivate and sign-out-everywhere run at once. Every result answers with a toast; a dialog
 * also shows its errors inline and stays open until its action succeeds.
 */
export function UserRowActions({ user }: { user: UserRow }) {
  const t = useTranslations("users");
  const tLists = useTranslations("lists");
  const [dialog, setDialog] = useState<RowDialog>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: typeof setUserActive, fields: Record<string, string>) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    startTransition(async () => toastActionResult(await action(initialActionState, form), { refusals: true }));
  };
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={tLists("rowActions", { name: user.name })} className="size-8" disabled={pending}>
            {pending ? <Loader2 aria-hidden className="animate-spin" /> : <MoreHorizontal aria-hidden />}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => setDialog("role")}>{t("changeRole")}…</DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setDialog("password")}>{t("resetPassword")}…</DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => run(endUserSessions, { userId: user.id })}>{t("endSessions")}</DropdownMenuItem>
          <DropdownMenuItem
            onSelect={() => run(setUserActive, { userId: user.id, active: user.active ? "false" : "true" })}
            className={user.active ? "text-danger" : undefined}
          >
            {user.active ? t("deactivate") : t("reactivate")}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog open={dialog !== null} onOpenChange={(open) => (open ? null : setDialog(null))}>
        {dialog ? (
          <DialogContent closeLabel={t("close")}>
            <DialogTitle>{dialog === "role" ? t("changeRoleOf", { name: user.name }) : t("newPassword", { name: user.name })}</DialogTitle>
            {dialog === "role" ? (
              <ChangeRoleForm user={user} onDone={() => setDialog(null)} />
            ) : (
              <ResetPasswordForm user={user} onDone={() => setDialog(null)} />
            )}
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}

function ChangeRoleForm({ user, onDone }: { user: UserRow; onDone: () => void }) {
  const t = useTranslations("users");
  const tRoles = useTranslations("roles");
  const [state, formAction] = useActionState(changeUserRole, initialActionState);
  useActionToast(state);
  useEffect(() => {
    if (state.ok) onDone();
  }, [state, onDone]);
  const id = `user-${user.id}-role`;
  return (
    <form action={formAction} className="stack">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={user.id} />
      <div className="field">
        <label htmlFor={id}>{t("role")}</label>
        <select id={id} name="role" defaultValue={user.role}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {tRoles(role)}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton>{t("changeRole")}</SubmitButton>
    </form>
  );
}

function ResetPasswordForm({ user, onDone }: { user: UserRow; onDone: () => void }) {
  const t = useTranslations("users");
  const [state, formAction] = useActionState(resetUserPassword, initialActionState);
  useActionToast(state);
  useEffect(() => {
    if (state.ok) onDone();
  }, [state, onDone]);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={user.id} />
      <FormField
        idPrefix={`user-${user.id}-`}
        name="password"
        type="password"
        autoComplete="new-password"
        label={t("newPassword", { name: user.name })}
        hint={t("passwordHint")}
        errors={state.errors?.password}
      />
      <SubmitButton>{t("resetPassword")}</SubmitButton>
    </form>
  );
}
