// The one Prisma client of the app (a global singleton, so hot reload does not open new pools), and
// the read-replica client for reads that may lag a little (DATABASE_REPLICA_URL; the primary without it).
// Password hashes are omitted from every query unless a caller asks for them by name.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createClient(connectionString: string | undefined = process.env.DATABASE_URL) {
  if (!connectionString) throw new Error("DATABASE_URL is not set: start the app through `npm run demo` or set it.");
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

type Client = ReturnType<typeof createClient>;
const globalForPrisma = globalThis as unknown as { prisma?: Client; prismaReplica?: Client };

export const db: Client = globalForPrisma.prisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

/**
 * Only for reads that tolerate replication lag and are never cached: reader searches. Everything a
 * cached page is filled from, every admin read and every write uses `db`, so a page refreshed after
 * a publish is always read from the primary and never older than that publish.
 */
export const replicaDb: Client = process.env.DATABASE_REPLICA_URL
  ? (globalForPrisma.prismaReplica ?? createClient(process.env.DATABASE_REPLICA_URL))
  : db;
if (process.env.NODE_ENV !== "production" && replicaDb !== db) globalForPrisma.prismaReplica = replicaDb;
