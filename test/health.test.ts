// GET /api/health: 200 with the database reachable, 503 with a clear body when it is not.
import { afterEach, describe, expect, it, vi } from "vitest";

const reachableUrl = process.env.DATABASE_URL;

describe("/api/health", () => {
  afterEach(() => {
    process.env.DATABASE_URL = reachableUrl;
    delete (globalThis as { prisma?: unknown }).prisma;
    vi.resetModules();
  });

  it("answers 200 when PostgreSQL answers", async () => {
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "reachable" });
  });

  it("answers 503 with the reason when PostgreSQL does not", async () => {
    delete (globalThis as { prisma?: unknown }).prisma;
    vi.resetModules();
    process.env.DATABASE_URL = "postgresql://nobody:nothing@127.0.0.1:9/none";
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({ status: "error", database: "unreachable" });
    expect(body.reason).toEqual(expect.any(String));
  });
});
