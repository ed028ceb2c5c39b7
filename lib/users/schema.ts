// Validation of the user-management and account forms. Messages are keys in messages/*.json.
import { z } from "zod";
import { passwordSchema } from "@/lib/auth/password";
import { ROLES } from "@/lib/auth/permissions";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .pipe(z.email({ message: "email.invalid" }));
const role = z.enum(ROLES, { message: "role.invalid" });
const userId = z.string().min(1).max(64);

export const userCreateSchema = z.object({
  email,
  name: z.string().trim().min(1, { message: "name.required" }).max(120, { message: "name.tooLong" }),
  role,
  password: passwordSchema,
});

export const userChangeRoleSchema = z.object({ userId, role });

export const userSetActiveSchema = z.object({
  userId,
  active: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const userResetPasswordSchema = z.object({ userId, password: passwordSchema });

export const accountChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { message: "password.currentRequired" }).max(200),
    newPassword: passwordSchema,
    confirmPassword: z.string().max(200),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    message: "password.mismatch",
    path: ["confirmPassword"],
  });

export const userEndSessionsSchema = z.object({ userId });

export const accountEndSessionSchema = z.object({ sessionId: z.string().min(1).max(64) });

export const accountEndOtherSessionsSchema = z.object({});
