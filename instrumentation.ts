// Next's startup hook: joins the job queue (scheduled publishing, lib/jobs/) on Node.js servers,
// never in the edge runtime nor while `next build` prerenders pages.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build" || process.env.SCHEDULER_DISABLED === "1") return;
  const { startBackgroundJobs } = await import("@/lib/jobs/start");
  startBackgroundJobs();
}
