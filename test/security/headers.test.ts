// The policy builder: a strict script policy with the nonce, no inline script allowance, and HSTS
// and upgrade-insecure-requests only over HTTPS.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, isHttps, mediaOrigins, staticSecurityHeaders } from "@/lib/security/headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
}

describe("content security policy", () => {
  it("allows scripts only by nonce (strict-dynamic), never inline or eval in production", () => {
    const policy = directives(contentSecurityPolicy({ scripts: { nonce: "abc123==" }, https: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    // A nonce in style-src would make browsers ignore 'unsafe-inline' and break style attributes.
    expect(policy.get("style-src")!.some((value) => value.startsWith("'nonce-"))).toBe(false);
  });

  it("forbids every script on reader pages, which carry none", () => {
    const policy = directives(contentSecurityPolicy({ scripts: "none", https: false }));
    expect(policy.get("script-src")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("adds eval only for the development server, and the photo CDN to img-src", () => {
    const policy = directives(
      contentSecurityPolicy({
        scripts: { nonce: "n" },
        https: true,
        development: true,
        imageOrigins: mediaOrigins("https://cdn.example/media/"),
      }),
    );
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("img-src")).toContain("https://cdn.example");
    expect(policy.has("upgrade-insecure-requests")).toBe(true);
    expect(mediaOrigins("not a url")).toEqual([]);
  });

  it("makes a different, 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("static headers", () => {
  it("sends HSTS only over HTTPS", () => {
    expect(staticSecurityHeaders(false)).not.toHaveProperty("Strict-Transport-Security");
    expect(staticSecurityHeaders(true)["Strict-Transport-Security"]).toMatch(/max-age=\d{8}/);
    expect(staticSecurityHeaders(false)["X-Content-Type-Options"]).toBe("nosniff");
  });

  it("reads HTTPS from the URL or the first X-Forwarded-Proto hop", () => {
    expect(isHttps(new URL("https://desk.example/"), new Headers())).toBe(true);
    expect(isHttps(new URL("http://localhost/"), new Headers({ "x-forwarded-proto": "https, http" }))).toBe(true);
    expect(isHttps(new URL("http://localhost/"), new Headers({ "x-forwarded-proto": "http" }))).toBe(false);
    expect(isHttps(new URL("http://localhost/"), new Headers())).toBe(false);
  });
});
