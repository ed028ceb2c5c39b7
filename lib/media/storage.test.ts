// Both storage implementations against the same contract: the local disk, and the S3 client
// against s3rver, a real S3-compatible HTTP server started in this process (no mock of the SDK).
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
// @ts-expect-error s3rver ships no types; only its constructor, run() and close() are used.
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  contentTypeOfKey,
  createDiskStorage,
  createS3Storage,
  isValidMediaKey,
  storageFromEnvironment,
  type MediaStorage,
} from "./storage";

const temporary: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
};

type S3Server = { run(): Promise<AddressInfo>; close(): Promise<void> };
let s3: S3Server;
let s3Endpoint: string;

beforeAll(async () => {
  s3 = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: tempDir("s3rver-"),
    configureBuckets: [{ name: "media-test" }],
  }) as S3Server;
  const address = await s3.run();
  s3Endpoint = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await s3?.close();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function contract(name: string, make: () => MediaStorage) {
  describe(name, () => {
    it("puts, gets and deletes bytes by key", async () => {
      const storage = make();
      const key = `a${Date.now()}/w800-0123abcd.webp`;
      const bytes = new Uint8Array([82, 73, 70, 70, 1, 2, 3, 4]);
      expect(await storage.get(key)).toBeNull();
      await storage.put(key, bytes, "image/webp");
      expect(await storage.get(key)).toEqual(bytes);
      await storage.put(key, new Uint8Array([9]), "image/webp");
      expect(await storage.get(key)).toEqual(new Uint8Array([9]));
      await storage.delete(key);
      expect(await storage.get(key)).toBeNull();
      await storage.delete(key); // twice is fine
    });

    it("refuses keys that could leave the storage", async () => {
      const storage = make();
      for (const key of ["../etc/passwd.jpg", "/abs/x.jpg", "a/../../x.jpg", "a\\..\\x.jpg", "x.svg", "a/b.jpg/../c.jpg", ""]) {
        await expect(storage.put(key, new Uint8Array([1]), "image/jpeg"), key).rejects.toThrow(/invalid media key/);
        await expect(storage.get(key), key).rejects.toThrow(/invalid media key/);
      }
    });
  });
}

contract("disk storage", () => createDiskStorage(tempDir("media-disk-")));
contract("S3 storage (s3rver)", () =>
  createS3Storage({ bucket: "media-test", endpoint: s3Endpoint, accessKeyId: "S3RVER", secretAccessKey: "S3RVER" }),
);

describe("storage details", () => {
  it("writes files under the root only, and leaves no partial file behind", async () => {
    const root = tempDir("media-disk-");
    const storage = createDiskStorage(root);
    await storage.put("asset1/original-abc.jpg", new Uint8Array([0xff, 0xd8]), "image/jpeg");
    expect(readdirSync(path.join(root, "asset1"))).toEqual(["original-abc.jpg"]);
    expect(storage.url("asset1/original-abc.jpg")).toBe("/media/asset1/original-abc.jpg");
  });

  it("keys, content types and the environment's choice", () => {
    expect(isValidMediaKey("clx1/w400-9f86d081884c7d65.avif")).toBe(true);
    expect(isValidMediaKey("clx1/W400.avif")).toBe(false);
    expect(contentTypeOfKey("a/b.avif")).toBe("image/avif");
    expect(contentTypeOfKey("a/b.html")).toBeNull();
    const s3Storage = storageFromEnvironment({
      S3_BUCKET: "b",
      S3_ENDPOINT: "http://s3.local:9000",
      S3_PUBLIC_URL: "https://cdn.example/",
      S3_PREFIX: "media/",
    });
    expect(s3Storage.url("a/b.webp")).toBe("https://cdn.example/media/a/b.webp");
    expect(storageFromEnvironment({ MEDIA_DIR: tempDir("media-env-") }).url("a/b.webp")).toBe("/media/a/b.webp");
  });
});
