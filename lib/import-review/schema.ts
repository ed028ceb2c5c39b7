// What an editor may correct while reviewing an import, validated the same way for the UI and the CLI.
import { z } from "zod";
import { ARTICLE_LANGUAGES } from "@/lib/i18n/languages";

export const importOverridesSchema = z.object({
  title: z.string().trim().min(1, { message: "import.titleRequired" }).max(300, { message: "import.titleTooLong" }).optional(),
  language: z.enum(ARTICLE_LANGUAGES, { message: "import.languageInvalid" }).optional(),
  date: z
    .string()
    .trim()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { message: "import.dateInvalid" })
    .refine((value) => !Number.isNaN(Date.parse(value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value)), {
      message: "import.dateInvalid",
    })
    .optional()
    .or(z.literal("").transform(() => null)),
});

export type ImportOverrides = z.infer<typeof importOverridesSchema>;
