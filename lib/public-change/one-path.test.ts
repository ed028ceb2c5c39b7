// One way to say "this changed publicly": only lib/public-change records a change (the outbox row) or
// acts on one (cache tags, the shared cache, the caching proxies); every write goes through
// recordPublicChange, and the promotion's single statement writes the same row in SQL.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(relative);
    return /\.(ts|tsx|mts|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** Each way of acting on the public site, and the only modules allowed to use it. */
const ways: { pattern: RegExp; allowed: string[] }[] = [
  {
    pattern: /\brevalidateTag\(/,
    allowed: ["lib/public-change/this-server.ts", "lib/cache/redis-cache-handler.mjs", "lib/cache/redis-cache-handler.d.mts"],
  },
  {
    pattern: /\binvalidateTags\(/,
    allowed: ["lib/cache/redis-cache-handler.mjs", "lib/cache/redis-cache-handler.d.mts", "lib/cache/shared-cache.ts"],
  },
  { pattern: /\brevalidateSharedCache\(/, allowed: ["lib/cache/shared-cache.ts", "lib/public-change/consumer.ts"] },
  { pattern: /\brefreshCachingProxies\(/, allowed: ["lib/cache/proxy-refresh.ts", "lib/public-change/consumer.ts"] },
  { pattern: /\bpublicChangeOutbox\.(create|update|upsert)/, allowed: ["lib/public-change/record.ts"] },
  {
    pattern: /(INSERT INTO|UPDATE) public_change_outbox/,
    allowed: ["lib/public-change/consumer.ts", "lib/scheduled-publishing/publish-due.ts"],
  },
  {
    pattern: /\bpublicChangeTags\(/,
    allowed: ["lib/public-change/change.ts", "lib/public-change/this-server.ts", "lib/public-change/consumer.ts"],
  },
];

describe("the public-change path", () => {
  const files = ["lib", "app", "components", "scripts", "seed"].flatMap(sourceFiles);

  it.each(ways.map((way) => [String(way.pattern), way] as const))("%s is used only where it belongs", (_name, way) => {
    const users = files.filter((file) => way.pattern.test(readFileSync(path.join(root, file), "utf8")));
    expect(users.filter((file) => !way.allowed.includes(file))).toEqual([]);
  });

  it("has no other change type or revalidation helper left", () => {
    const retired = /\b(PublicContentChange|publicContentTags|revalidatePublicContent|revalidateTaxonomy|publicChangeFor)\b/;
    expect(files.filter((file) => retired.test(readFileSync(path.join(root, file), "utf8")))).toEqual([]);
  });
});
