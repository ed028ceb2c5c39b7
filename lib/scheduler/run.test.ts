// The scheduler loop's pieces: its interval setting, and the signed call that makes the server drop
// cached reader pages (checked against a stand-in server that verifies like the real route).
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { requestRevalidation, schedulerInterval } from "@/lib/scheduler/run";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyRevalidation } from "@/lib/scheduler/revalidate-signature";

const header = (request: IncomingMessage, name: string) => {
  const value = request.headers[name];
  return typeof value === "string" ? value : null;
};

describe("schedulerInterval", () => {
  it("reads SCHEDULER_INTERVAL_MS and falls back to 20 s on anything odd", () => {
    expect(schedulerInterval("5000")).toBe(5000);
    for (const raw of [undefined, "", "fast", "10", "-5", "1.5", "99999999"]) expect(schedulerInterval(raw), String(raw)).toBe(20_000);
  });
});

describe("requestRevalidation", () => {
  it("posts the change signed so that the route's check accepts it", async () => {
    const received: { path?: string; verified?: boolean; body?: unknown } = {};
    const server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        received.path = request.url;
        received.verified = verifyRevalidation(body, header(request, TIMESTAMP_HEADER), header(request, SIGNATURE_HEADER));
        received.body = JSON.parse(body);
        response.writeHead(received.verified ? 200 : 403).end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const change = { articleIds: ["a1"], languages: ["fr"], tagIds: ["t1"] };
      await requestRevalidation(change, origin);
      expect(received).toEqual({ path: "/api/internal/revalidate", verified: true, body: change });
    } finally {
      server.close();
    }
  });

  it("fails loudly when the server refuses", async () => {
    const server = createServer((_request, response) => response.writeHead(403).end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await expect(requestRevalidation({ articleIds: [], languages: [], tagIds: [] }, origin)).rejects.toThrow(/403/);
    } finally {
      server.close();
    }
  });
});
