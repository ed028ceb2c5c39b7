// The internal revalidation call is refused unless signed with this deployment's secret, recently.
import { describe, expect, it } from "vitest";
import { signRevalidation, verifyRevalidation } from "@/lib/public-change/revalidate-signature";

describe("revalidation signature", () => {
  const body = JSON.stringify({ articleIds: ["a"], languages: ["fr"], tagIds: [] });
  const now = 1_800_000_000_000;

  it("accepts its own signature", () => {
    expect(verifyRevalidation(body, String(now), signRevalidation(body, now), now)).toBe(true);
  });

  it("refuses another body, an old timestamp, garbage and missing headers", () => {
    const signature = signRevalidation(body, now);
    expect(verifyRevalidation(body.replace("fr", "en"), String(now), signature, now)).toBe(false);
    expect(verifyRevalidation(body, String(now), signature, now + 6 * 60 * 1000)).toBe(false);
    expect(verifyRevalidation(body, String(now), "zz", now)).toBe(false);
    expect(verifyRevalidation(body, null, signature, now)).toBe(false);
    expect(verifyRevalidation(body, String(now), null, now)).toBe(false);
  });

  it("depends on AUTH_SECRET", () => {
    const signature = signRevalidation(body, now);
    const saved = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = "another-secret";
    try {
      expect(verifyRevalidation(body, String(now), signature, now)).toBe(false);
    } finally {
      process.env.AUTH_SECRET = saved;
    }
  });
});
