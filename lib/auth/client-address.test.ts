import { afterEach, describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";

describe("clientAddress", () => {
  afterEach(() => {
    delete process.env.TRUSTED_PROXY_COUNT;
  });
  it("takes the address Next.js appended, not one a client forged in front of it", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4, 127.0.0.1" }))).toBe("127.0.0.1");
  });
  it("skips the configured number of trusted proxies", () => {
    process.env.TRUSTED_PROXY_COUNT = "1";
    expect(clientAddress(new Headers({ "x-forwarded-for": "forged, 203.0.113.9, 10.0.0.2" }))).toBe("203.0.113.9");
  });
  it("says unknown without a header", () => {
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
