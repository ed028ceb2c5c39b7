// Read replicas: with DATABASE_REPLICA_URL, reader searches go to the replica while everything a cached
// page is filled from (and every write) stays on the primary; without it both are the same client.
import { afterEach, describe, expect, it } from "vitest";
import { loadServer } from "./two-servers";

const primaryUrl = process.env.DATABASE_URL!;

afterEach(() => {
  delete process.env.DATABASE_REPLICA_URL;
});

describe("read replica", () => {
  it("is the primary when no replica is configured", async () => {
    const { db, replicaDb } = await loadServer(() => import("@/lib/db"));
    expect(replicaDb).toBe(db);
  });

  it("is a connection of its own to DATABASE_REPLICA_URL", async () => {
    const replica = new URL(primaryUrl);
    replica.searchParams.set("application_name", "desk-replica");
    process.env.DATABASE_REPLICA_URL = replica.toString();
    const { db, replicaDb } = await loadServer(() => import("@/lib/db"));
    const [onReplica] = await replicaDb.$queryRaw<{ name: string }[]>`SELECT current_setting('application_name') AS name`;
    const [onPrimary] = await db.$queryRaw<{ name: string }[]>`SELECT current_setting('application_name') AS name`;
    expect(onReplica?.name).toBe("desk-replica");
    expect(onPrimary?.name).not.toBe("desk-replica");
    await Promise.all([db.$disconnect(), replicaDb.$disconnect()]);
  });

  it("takes reader searches, while page reads stay on the primary", async () => {
    // A replica that cannot be reached shows where each read goes.
    process.env.DATABASE_REPLICA_URL = "postgresql://nobody:nothing@127.0.0.1:1/none?connect_timeout=2";
    const { search, queries, db } = await loadServer(async () => ({
      search: await import("@/lib/public/search"),
      queries: await import("@/lib/public/queries"),
      db: (await import("@/lib/db")).db,
    }));
    await expect(search.searchArticles("fr", { query: "diplomatie" })).rejects.toThrow();
    await expect(queries.countPublishedArticles("fr")).resolves.toBeTypeOf("number");
    await db.$disconnect();
  });
});
