// The proxy's header-only judgements: which bodies are over their path's limit, which server-action
// posts come from another site (the same rule as Next's own check).
import { describe, expect, it } from "vitest";
import {
  bodyLimitFor,
  declaredOversize,
  foreignOrigin,
  isServerActionPost,
  megabytes,
  REQUEST_BODY_LIMIT_BYTES,
} from "@/lib/security/request-limits";

describe("request limits", () => {
  it("gives sign-in and the revalidation hook small limits, everything else the upload limit", () => {
    expect(bodyLimitFor("/api/auth/callback/credentials")).toBe(64 * 1024);
    expect(bodyLimitFor("/api/internal/revalidate")).toBe(200_000);
    expect(bodyLimitFor("/api/authority")).toBe(REQUEST_BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/admin/media")).toBe(REQUEST_BODY_LIMIT_BYTES);
  });

  it("judges the declared length only", () => {
    expect(declaredOversize("/admin/media", new Headers({ "content-length": String(REQUEST_BODY_LIMIT_BYTES) }))).toBeNull();
    expect(declaredOversize("/admin/media", new Headers({ "content-length": String(REQUEST_BODY_LIMIT_BYTES + 1) }))).toEqual({
      bytes: REQUEST_BODY_LIMIT_BYTES + 1,
      limit: REQUEST_BODY_LIMIT_BYTES,
    });
    expect(declaredOversize("/admin/media", new Headers())).toBeNull();
    expect(declaredOversize("/admin/media", new Headers({ "content-length": "abc" }))).toBeNull();
    expect(megabytes(22 * 1024 * 1024)).toBe("22.0 MB");
  });

  it("recognises server-action posts", () => {
    expect(isServerActionPost("POST", new Headers({ "next-action": "abc" }))).toBe(true);
    expect(isServerActionPost("GET", new Headers({ "next-action": "abc" }))).toBe(false);
    expect(isServerActionPost("POST", new Headers())).toBe(false);
  });

  it("finds another site's Origin as Next does: forwarded host first, then Host", () => {
    expect(foreignOrigin(new Headers({ origin: "http://localhost:3000", host: "localhost:3000" }))).toBeNull();
    expect(
      foreignOrigin(new Headers({ origin: "https://desk.example", host: "10.0.0.2:3000", "x-forwarded-host": "desk.example" })),
    ).toBeNull();
    expect(foreignOrigin(new Headers({ origin: "https://evil.example", host: "desk.example" }))).toBe("https://evil.example");
    expect(foreignOrigin(new Headers({ origin: "https://desk.example.evil.example", host: "desk.example" }))).toBe(
      "https://desk.example.evil.example",
    );
    expect(foreignOrigin(new Headers({ origin: "null", host: "desk.example" }))).toBe("null");
    expect(foreignOrigin(new Headers({ host: "desk.example" }))).toBeNull();
  });
});
