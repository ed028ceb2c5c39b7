// Liveness with the database: 200 when PostgreSQL answers, 503 with the reason when it does not.
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database did not answer within 3 s")), 3000)),
    ]);
    return Response.json({ status: "ok", database: "reachable" });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : "unknown error";
    return Response.json({ status: "error", database: "unreachable", reason }, { status: 503 });
  }
}
