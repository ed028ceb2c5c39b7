// Next's startup hook on Node.js servers (never in the edge runtime nor while `next build`
// prerenders pages): warns once when SITE_URL is missing in production, joins the job queue.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { missingSiteUrlWarning } = await import("@/lib/public/site");
  const siteUrlWarning = missingSiteUrlWarning(process.env);
  if (siteUrlWarning) console.warn(siteUrlWarning);
  if (process.env.SCHEDULER_DISABLED === "1") return;
  const { startBackgroundJobs } = await import("@/lib/jobs/start");
  startBackgroundJobs();
}
