// `npm run user:create -- --email you@example.org --name "Your Name" [--role ADMIN] [--password …]`
// Creates a user (the first admin of a new installation). Without --password a strong one is
// generated and printed once.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { userCreateSchema } from "@/lib/users/schema";
import { prepareDatabase } from "./lib/prepare-database";

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string", default: "ADMIN" },
      password: { type: "string" },
    },
  });
  const password = values.password ?? randomBytes(18).toString("base64url");
  const parsed = userCreateSchema.safeParse({ ...values, password });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
    console.error(
      'usage: npm run user:create -- --email you@example.org --name "Your Name" [--role ADMIN|EDITOR|TRANSLATOR] [--password …]',
    );
    process.exit(2);
  }
  const server = await prepareDatabase();
  process.env.DATABASE_URL = server.url;
  const { createUser } = await import("@/lib/users/service");
  const { Refusal } = await import("@/lib/refusal");
  try {
    const user = await createUser(parsed.data, null);
    console.log(`Created ${user.role} ${user.email}`);
    if (!values.password) console.log(`Password (shown once): ${password}`);
  } catch (error) {
    if (error instanceof Refusal && error.code === "errors.email.taken") {
      console.error(`A user with the email ${parsed.data.email} already exists.`);
      process.exitCode = 1;
    } else throw error;
  } finally {
    await server.stop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
