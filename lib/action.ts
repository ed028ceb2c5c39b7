// The one wrapper every server action goes through: it loads the user, checks the permission named
// by the action against the permission table, validates the form with zod, and returns an
// ActionState that `useActionState` renders. Server actions are public HTTP endpoints: this is
// where the real check happens, whatever the page or the proxy did before. It is also the one place
// a Refusal (lib/refusal.ts) thrown by a service becomes a message in the person's language.
import { getTranslations } from "next-intl/server";
import { unstable_rethrow } from "next/navigation";
import { headers } from "next/headers";
import { z } from "zod";
import { clientAddress } from "@/lib/auth/client-address";
import { can, type Permission } from "@/lib/auth/permissions";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import type { ActionState } from "@/lib/action-state";
import { Refusal, refusalText, type RefusalParams } from "@/lib/refusal";

export type { ActionState };

export type ActionContext = { user: CurrentUser; ip: string };

type ActionOutcome<Data> = string | void | { message?: string; data?: Data };

type ActionDefinition<S extends z.ZodType, Data> = {
  permission: Permission;
  schema: S;
  /** Returns a message key for success (or that and data for the caller), or nothing. */
  run: (input: z.infer<S>, context: ActionContext) => Promise<ActionOutcome<Data>>;
};

export function defineAction<S extends z.ZodType, Data = undefined>(definition: ActionDefinition<S, Data>) {
  return async function action(_previous: ActionState<Data>, formData: FormData): Promise<ActionState<Data>> {
    const t = messageTranslator(await getTranslations(), "errors");
    const submitted = submittedValues(formData);
    const values = withoutSecrets(submitted);
    const user = await getCurrentUser();
    if (!user) return { ok: false, message: t("signInRequired"), values };
    if (!can(user.role, definition.permission)) return { ok: false, message: t("forbidden"), values };

    const parsed = definition.schema.safeParse(submitted);
    if (!parsed.success) {
      const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
      const errors: Record<string, string[]> = {};
      for (const [field, keys] of Object.entries(fieldErrors)) if (keys) errors[field] = keys.map(t);
      return { ok: false, errors, message: t("checkFields"), values };
    }

    try {
      const ip = clientAddress(await headers());
      const outcome = await definition.run(parsed.data, { user, ip });
      const { message, data } = typeof outcome === "object" ? outcome : { message: outcome ?? undefined, data: undefined };
      const done = messageTranslator(await getTranslations(), "done");
      return { ok: true, message: message ? done(message) : undefined, data };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof Refusal) {
        const root = await getTranslations();
        const message = refusalText(error, (key: string, values?: RefusalParams) => root(key, values));
        const data = error.data as Data | undefined;
        return error.field ? { ok: false, errors: { [error.field]: [message] }, values, data } : { ok: false, message, values, data };
      }
      console.error("server action failed", error);
      return { ok: false, message: t("unexpected"), values };
    }
  };
}

type Submitted = Record<string, string | string[] | File>;

/** Form fields as zod sees them: a repeated name becomes an array, files stay files. */
function submittedValues(formData: FormData): Submitted {
  const values: Submitted = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key);
    values[key] = all.length > 1 ? all.filter((value): value is string => typeof value === "string") : all[0]!;
  }
  return values;
}

/** Longer than any field a form refills: an article body sent back would double an oversized answer. */
const MAX_REFILL_LENGTH = 100_000;

/** What is sent back to refill a form: single text fields, never passwords, files or huge bodies. */
function withoutSecrets(values: Submitted): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === "string" && entry[1].length <= MAX_REFILL_LENGTH && !/password/i.test(entry[0]),
    ),
  );
}

type Translator = Awaited<ReturnType<typeof getTranslations>>;

/**
 * Message keys from actions and zod schemas are either fully qualified in a feature's own
 * namespace (`workflow.errors.staleVersion`) or short keys of the shared namespace
 * (`errors.forbidden` as `forbidden`). Unknown keys are shown as they are.
 */
function messageTranslator(root: Translator, sharedNamespace: "errors" | "done") {
  return (key: string): string => {
    if (root.has(key)) return root(key);
    const shared = `${sharedNamespace}.${key}`;
    return root.has(shared) ? root(shared) : key;
  };
}
