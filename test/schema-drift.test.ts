// Fails when prisma/schema.prisma and prisma/migrations disagree: run
// `npm run db:migration:create -- NAME` after changing the schema.
import { describe, expect, it } from "vitest";
import { migrationDrift } from "@/scripts/lib/database/migrations";

describe("schema and migrations", () => {
  it("agree", async () => {
    const drift = await migrationDrift(process.env.DATABASE_URL!);
    expect(drift, "schema.prisma has changes with no migration").toBe("");
  });
});
