import { describe, expect, it } from "vitest";
import { negotiateLocale } from "@/lib/i18n/negotiate";

describe("negotiateLocale", () => {
  it("picks the best supported language by quality", () => {
    expect(negotiateLocale("en-GB,en;q=0.9,fr;q=0.8")).toBe("en");
    expect(negotiateLocale("de-DE,de;q=0.9,fr;q=0.5,en;q=0.4")).toBe("fr");
    expect(negotiateLocale("vi;q=0.9, en;q=0.95")).toBe("en");
  });
  it("falls back to French when nothing matches or the header is odd", () => {
    expect(negotiateLocale(null)).toBe("fr");
    expect(negotiateLocale("de,ja")).toBe("fr");
    expect(negotiateLocale("en;q=0")).toBe("fr");
    expect(negotiateLocale(";;;,,q=")).toBe("fr");
  });
});
