// The webhook deliveries' place in the job queue: a cron tick every minute (one for the cluster) sends
// whatever is due (retries on their backoff, deliveries a server queued and could not send at once).
import type PgBoss from "pg-boss";
import { sendDueWebhooks } from "./deliver";

export const WEBHOOK_QUEUE = "webhook-deliveries";
const EVERY_MINUTE = "* * * * *";

export async function startWebhookJobs(boss: PgBoss): Promise<void> {
  await boss.createQueue(WEBHOOK_QUEUE, { name: WEBHOOK_QUEUE, retryLimit: 1, retryDelay: 10, expireInSeconds: 300 });
  await boss.schedule(WEBHOOK_QUEUE, EVERY_MINUTE, {}, { tz: "UTC" });
  await boss.work(WEBHOOK_QUEUE, async () => {
    const { sent, failed } = await sendDueWebhooks();
    if (sent || failed) console.log(`jobs: webhooks: ${sent} delivered, ${failed} to try again or failed`);
  });
}
