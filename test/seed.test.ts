// The seed loads the demo users and the sample articles once; running it again changes nothing.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEMO_USERS } from "@/seed/demo-users";
import { seedDatabase } from "@/seed/seed";

describe("seed", () => {
  it("is idempotent", async () => {
    await seedDatabase();
    const counts = async () => ({
      users: await db.user.count({ where: { email: { in: DEMO_USERS.map((user) => user.email) } } }),
      imports: await db.importRecord.count({ where: { fileName: { startsWith: "00" } } }),
      articles: await db.article.count(),
      audit: await db.auditLog.count(),
    });
    const first = await counts();
    expect(first.users).toBe(3);
    expect(first.imports).toBe(5);
    await seedDatabase();
    expect(await counts()).toEqual(first);
  });
});
