// Test helper: "another app server" as a second, separate instance of the app's modules, with its
// own Prisma client (its own connection pool) and its own Redis connection. Anything kept in one
// module instance's memory is invisible to the other, as it would be between two processes.
import { vi } from "vitest";

export async function loadServer<T>(load: () => Promise<T>): Promise<T> {
  vi.resetModules();
  delete (globalThis as { prisma?: unknown }).prisma;
  delete (globalThis as { prismaReplica?: unknown }).prismaReplica;
  return load();
}
