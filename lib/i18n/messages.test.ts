// Every UI string exists in both French and English, under the same keys.
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe("messages", () => {
  it("have the same keys in French and English", () => {
    const fr = keys(loadMessages("fr")).sort();
    const en = keys(loadMessages("en")).sort();
    expect(fr).toEqual(en);
    expect(fr.length).toBeGreaterThan(100);
  });
});
