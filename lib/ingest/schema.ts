// Validation of the ingest forms (new source, pause/resume, poll now). Messages are keys in
// messages/*/ingest.json; a kind's own fields are required only for that kind.
import { z } from "zod";
import { ARTICLE_LANGUAGES } from "@/lib/i18n/languages";

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("")])
  .optional()
  .transform((value) => value === "on" || value === "true");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "ingest.form.tooLong" })
    .optional()
    .transform((value) => value || null);

export const INGEST_KINDS = ["FEED", "IMAP", "FOLDER"] as const;

export const sourceCreateSchema = z
  .object({
    kind: z.enum(INGEST_KINDS, { message: "ingest.form.kindInvalid" }),
    name: z.string().trim().min(1, { message: "ingest.form.nameRequired" }).max(120, { message: "ingest.form.tooLong" }),
    url: optionalText(2000),
    host: optionalText(255),
    port: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ? Number(value) : null))
      .pipe(z.number().int().min(1).max(65535, { message: "ingest.form.portInvalid" }).nullable()),
    username: optionalText(255),
    password: z
      .string()
      .max(500)
      .optional()
      .transform((value) => value || null),
    mailbox: optionalText(255),
    path: optionalText(1000),
    languageHint: z
      .enum(["", ...ARTICLE_LANGUAGES], { message: "ingest.form.languageInvalid" })
      .optional()
      .transform((value) => value || null),
    defaultTags: z
      .string()
      .max(1000, { message: "ingest.form.tooLong" })
      .optional()
      .transform((value) => [
        ...new Set(
          (value ?? "")
            .split(",")
            .map((tag) => tag.trim())
            .filter(Boolean),
        ),
      ]),
    pollIntervalMinutes: z.coerce
      .number({ message: "ingest.form.intervalInvalid" })
      .int({ message: "ingest.form.intervalInvalid" })
      .min(1, { message: "ingest.form.intervalInvalid" })
      .max(1440, { message: "ingest.form.intervalInvalid" }),
    trusted: checkbox,
    internal: checkbox,
  })
  .superRefine((input, context) => {
    const need = (field: "url" | "host" | "username" | "path", message: string) => {
      if (!input[field]) context.addIssue({ code: "custom", path: [field], message });
    };
    if (input.kind === "FEED") {
      need("url", "ingest.form.urlRequired");
      if (input.url && !/^https?:\/\/[^\s]+$/i.test(input.url))
        context.addIssue({ code: "custom", path: ["url"], message: "ingest.form.urlInvalid" });
    }
    if (input.kind === "IMAP") {
      need("host", "ingest.form.hostRequired");
      need("username", "ingest.form.usernameRequired");
    }
    if (input.kind === "FOLDER") need("path", "ingest.form.pathRequired");
  });

export type SourceCreateInput = z.infer<typeof sourceCreateSchema>;

const sourceId = z.string().min(1).max(64);
export const sourceIdSchema = z.object({ sourceId });
export const sourcePauseSchema = z.object({
  sourceId,
  enabled: z.enum(["true", "false"]).transform((value) => value === "true"),
});
export const sourceInternalSchema = z.object({
  sourceId,
  internal: z.enum(["true", "false"]).transform((value) => value === "true"),
});
