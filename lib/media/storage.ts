// Where media bytes live, behind one small interface: local disk by default (.data/media), or an
// S3-compatible bucket when S3_BUCKET is set, so several app servers share the same files.
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { CONTENT_TYPE_BY_EXTENSION } from "./limits";

export interface MediaStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The stored bytes, or null when nothing is stored under that key. */
  get(key: string): Promise<Uint8Array | null>;
  /** Deleting a missing key is not an error (a retried cleanup must not fail). */
  delete(key: string): Promise<void>;
  /** Where a browser fetches it. */
  url(key: string): string;
}

// Keys are made by the service (`<asset>/<name>-<hash>.<ext>`); anything else, in particular
// `..`, absolute paths or backslashes from a request URL, is refused before touching storage.
const KEY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}(\/[a-z0-9][a-z0-9_-]{0,63}){0,3}\.(jpg|png|webp|avif)$/;

export function isValidMediaKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

export function contentTypeOfKey(key: string): string | null {
  return CONTENT_TYPE_BY_EXTENSION[key.slice(key.lastIndexOf(".") + 1)] ?? null;
}

function assertKey(key: string) {
  if (!isValidMediaKey(key)) throw new Error(`invalid media key: ${JSON.stringify(key)}`);
}

/** Files under `root`; URLs go through the app's /media route. */
export function createDiskStorage(root: string): MediaStorage {
  const resolvedRoot = path.resolve(root);
  const fileOf = (key: string) => {
    assertKey(key);
    const file = path.resolve(resolvedRoot, key);
    // Belt and braces after the key pattern: never leave the root.
    if (!file.startsWith(resolvedRoot + path.sep)) throw new Error(`media key escapes the storage root: ${key}`);
    return file;
  };
  return {
    async put(key, bytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const partial = `${file}.${randomBytes(6).toString("hex")}.partial`;
      await writeFile(partial, bytes);
      await rename(partial, file);
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(fileOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
    url: (key) => `/media/${key}`,
  };
}

export type S3StorageConfig = {
  bucket: string;
  endpoint?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle?: boolean;
  /** Public base URL of the bucket (a CDN); without it files are served through /media. */
  publicUrl?: string;
  /** Prefix inside the bucket, e.g. `media/`. */
  prefix?: string;
};

export function createS3Storage(config: S3StorageConfig): MediaStorage {
  const client = new S3Client({
    region: config.region ?? "us-east-1",
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle ?? Boolean(config.endpoint),
    credentials:
      config.accessKeyId && config.secretAccessKey
        ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
        : undefined,
    // S3-compatible servers (MinIO, R2, Ceph) do not all accept the SDK's default streaming checksums.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const prefix = config.prefix ?? "";
  const objectKey = (key: string) => {
    assertKey(key);
    return `${prefix}${key}`;
  };
  return {
    async put(key, bytes, contentType) {
      await client.send(
        new PutObjectCommand({
          Bucket: config.bucket,
          Key: objectKey(key),
          Body: bytes,
          ContentType: contentType,
          CacheControl: "public, max-age=31536000, immutable",
        }),
      );
    },
    async get(key) {
      try {
        const response = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }));
        return response.Body ? await response.Body.transformToByteArray() : null;
      } catch (error) {
        if (
          error instanceof NoSuchKey ||
          (error as { name?: string }).name === "NoSuchKey" ||
          (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
        )
          return null;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }));
    },
    url: (key) => (config.publicUrl ? `${config.publicUrl.replace(/\/+$/, "")}/${objectKey(key)}` : `/media/${key}`),
  };
}

/** The storage the environment configures: S3 when S3_BUCKET is set, else `.data/media` (or MEDIA_DIR). */
export function storageFromEnvironment(env: Record<string, string | undefined> = process.env): MediaStorage {
  if (env.S3_BUCKET) {
    return createS3Storage({
      bucket: env.S3_BUCKET,
      endpoint: env.S3_ENDPOINT || undefined,
      region: env.S3_REGION || undefined,
      accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
      forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE === "true" || env.S3_FORCE_PATH_STYLE === "1" : undefined,
      publicUrl: env.S3_PUBLIC_URL || undefined,
      prefix: env.S3_PREFIX || undefined,
    });
  }
  return createDiskStorage(env.MEDIA_DIR || path.join(process.cwd(), ".data", "media"));
}

let configured: MediaStorage | undefined;

/** One storage per process: it is configuration, not state (the bytes live on disk or in S3). */
export function getMediaStorage(): MediaStorage {
  configured ??= storageFromEnvironment();
  return configured;
}
