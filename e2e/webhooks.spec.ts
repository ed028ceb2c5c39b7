// Webhooks end to end: an admin registers a partner's endpoint (a real HTTP receiver on loopback,
// marked internal) in the desk, publishes a story through the workflow panel, and the receiver gets
// the signed article.published message, checked by hand as a partner would (Standard Webhooks
// HMAC-SHA256); the delivery log shows it delivered, and Redeliver sends the same message again.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { queryDatabase, storageStateFor } from "./helpers";
import { insertStory, uniqueToken } from "./public-fixtures";

test.use({ storageState: storageStateFor("ADMIN") });

type Message = { headers: IncomingHttpHeaders; body: string; at: number };

function verifies(secret: string, message: Message): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signed = `${message.headers["webhook-id"]}.${message.headers["webhook-timestamp"]}.${message.body}`;
  const expected = createHmac("sha256", key).update(signed).digest();
  return String(message.headers["webhook-signature"])
    .split(" ")
    .some((part) => {
      const given = Buffer.from(part.split(",")[1] ?? "", "base64");
      return part.startsWith("v1,") && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

test("a publish reaches a partner's endpoint signed, is logged, and can be redelivered", async ({ page }) => {
  test.slow(); // registers an endpoint, publishes through the panel and waits for two deliveries
  const received: Message[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body, at: Date.now() });
      response.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/${uniqueToken()}`;
  try {
    await page.goto("/admin/webhooks");
    await page.getByLabel("URL", { exact: true }).fill(url);
    await page.getByLabel(/^(Internal address|Adresse interne)/).check();
    await page.getByRole("button", { name: /Register endpoint|Enregistrer/ }).click();
    await expect(page.getByTestId("webhook-endpoints")).toContainText(url);
    const [{ secret }] = (await queryDatabase<{ secret: string }>("SELECT secret FROM webhook_endpoints WHERE url = $1", [url])) as [
      { secret: string },
    ];

    const token = uniqueToken();
    const story = await insertStory([
      {
        language: "fr",
        status: "APPROVED",
        publishedAt: null,
        title: `Visite ${token}`,
        slug: `visite-${token}`,
        paragraphs: [`Texte ${token}.`],
      },
    ]);
    const versionId = story.versionIds.fr!;
    await page.goto(`/admin/articles/${versionId}/workflow`);
    const clicked = Date.now();
    await page
      .getByTestId("transition-publish")
      .getByRole("button", { name: /publier maintenant|publish now/i })
      .click();
    await expect(page.getByTestId("workflow-state")).toHaveAttribute("data-status", "PUBLISHED");

    const ours = () => received.filter((message) => JSON.parse(message.body).data?.id === story.articleId);
    await expect.poll(() => ours().length, { timeout: 15_000 }).toBe(1);
    const message = ours()[0]!;
    console.log(`webhook delivered ${message.at - clicked} ms after the Publish click`);
    expect(verifies(secret, message)).toBe(true);
    expect(JSON.parse(message.body)).toMatchObject({
      type: "article.published",
      data: { id: story.articleId, language: "fr", title: `Visite ${token}` },
    });
    expect(message.headers["webhook-id"]).toMatch(/^msg_/);

    await page.goto("/admin/webhooks");
    const row = page.locator(`[data-delivery="${message.headers["webhook-id"]}"]`);
    await expect(row).toContainText(/Delivered|Remis/);
    await expect(row).toContainText("200");
    await row.getByRole("button", { name: /Redeliver|Renvoyer/ }).click();
    await expect.poll(() => ours().length, { timeout: 15_000 }).toBe(2);
    expect(ours()[1]!.headers["webhook-id"]).toBe(message.headers["webhook-id"]);
    expect(verifies(secret, ours()[1]!)).toBe(true);
  } finally {
    await queryDatabase("DELETE FROM webhook_endpoints WHERE url = $1", [url]);
    server.closeAllConnections();
    server.close();
  }
});
