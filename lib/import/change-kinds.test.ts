// Every kind of change the pipeline records has a label in both catalogues, so the review screen
// (app/admin/import/[id]/page.tsx reads `kinds.<kind>`) names each one in the person's language.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import en from "@/messages/en/import.json";
import fr from "@/messages/fr/import.json";

const typesSource = readFileSync(new URL("./types.ts", import.meta.url), "utf8");
const union = /export type ChangeKind =([^;]+);/u.exec(typesSource)?.[1] ?? "";
const kinds = [...union.matchAll(/"([a-z-]+)"/gu)].map((match) => match[1] ?? "");

describe("change kinds", () => {
  it("are all labelled in English and French", () => {
    expect(kinds.length).toBeGreaterThanOrEqual(18);
    for (const catalogue of [en.kinds, fr.kinds] as Record<string, string>[]) {
      expect(kinds.filter((kind) => !catalogue[kind])).toEqual([]);
    }
  });
});
