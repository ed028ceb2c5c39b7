// The one way ingest reaches the network: http(s) only, redirects followed by hand (at most 5), each
// hop's resolved address checked at connect time (no loopback, private or link-local address unless
// the source is internal), a time limit, and a size limit counted while the body streams in.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { IngestError } from "./errors";

export type GuardOptions = {
  /** The source is internal (set by an admin): loopback and private addresses may be reached. */
  allowPrivate: boolean;
  headers?: Record<string, string>;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
};

export type GuardedResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; url: string };

export const MAX_REDIRECTS = 5;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;
const USER_AGENT = "desk-cms-ingest/1.0";

/** True for an address anyone on the internet could own: not loopback, private, link-local, multicast… */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // An IPv4-mapped IPv6 address is judged as the IPv4 address it carries.
  return ipaddr.process(address).range() === "unicast";
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup that refuses, at connect time, a name resolving to an address the source may not reach. */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const allowed = allowPrivate ? addresses : addresses.filter((entry) => isPublicAddress(entry.address));
      if (allowed.length === 0) {
        const blocked = Object.assign(new Error(`blocked address for ${hostname}`), { code: "EBLOCKED" });
        return callback(blocked, []);
      }
      if (options.all) return callback(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}

function checkUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new IngestError("ingest.errors.badUrl", { url: raw.slice(0, 200) });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new IngestError("ingest.errors.badScheme", { scheme: url.protocol });
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // A literal address connects without a lookup: judge it here.
  if (isIP(host) && !allowPrivate && !isPublicAddress(host)) throw new IngestError("ingest.errors.blockedAddress", { host });
  return url;
}

/** One request, no redirect followed; the body is read up to maxBytes and refused past it. */
function requestOnce(url: URL, options: Required<Omit<GuardOptions, "maxRedirects">>, deadline: number): Promise<GuardedResponse> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const remaining = Math.max(1, deadline - Date.now());
    const request = client.get(
      url,
      {
        headers: { "user-agent": USER_AGENT, accept: "*/*", ...options.headers },
        lookup: guardedLookup(options.allowPrivate) as unknown as typeof dnsLookup,
        timeout: remaining,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        // A redirect's or a 304's body is never read.
        if ((status >= 300 && status < 400) || status === 204) {
          response.resume();
          return resolve({ status, headers: response.headers, body: Buffer.alloc(0), url: url.href });
        }
        const declared = Number(response.headers["content-length"] ?? 0);
        if (declared > options.maxBytes) {
          response.destroy();
          return reject(new IngestError("ingest.errors.tooLarge", { limit: megabytes(options.maxBytes) }));
        }
        const chunks: Buffer[] = [];
        let received = 0;
        response.on("data", (chunk: Buffer) => {
          received += chunk.length;
          if (received > options.maxBytes) {
            response.destroy();
            request.destroy();
            reject(new IngestError("ingest.errors.tooLarge", { limit: megabytes(options.maxBytes) }));
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () => resolve({ status, headers: response.headers, body: Buffer.concat(chunks), url: url.href }));
        response.on("error", (error) => reject(networkError(error, url, options.timeoutMs)));
      },
    );
    const timer = setTimeout(() => request.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })), remaining);
    request.on("timeout", () => request.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
    request.on("error", (error) => reject(networkError(error, url, options.timeoutMs)));
    request.on("close", () => clearTimeout(timer));
  });
}

function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

function networkError(error: Error & { code?: string }, url: URL, timeoutMs: number): IngestError {
  if (error instanceof IngestError) return error;
  const host = url.hostname;
  if (error.code === "EBLOCKED") return new IngestError("ingest.errors.blockedAddress", { host }, error.message);
  if (error.code === "ETIMEDOUT") return new IngestError("ingest.errors.timeout", { seconds: Math.round(timeoutMs / 1000) }, error.message);
  return new IngestError("ingest.errors.unreachable", { host }, `${error.code ?? ""} ${error.message}`.trim());
}

/** GETs a URL under the guard, following redirects by hand; a 304 comes back as it is (empty body). */
export async function guardedFetch(raw: string, options: GuardOptions): Promise<GuardedResponse> {
  const settings = {
    allowPrivate: options.allowPrivate,
    headers: options.headers ?? {},
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  const deadline = Date.now() + settings.timeoutMs;
  let url = checkUrl(raw, settings.allowPrivate);
  for (let hop = 0; ; hop++) {
    const response = await requestOnce(url, settings, deadline);
    const location = response.headers.location;
    if (response.status < 300 || response.status >= 400 || response.status === 304 || !location) return response;
    if (hop >= maxRedirects) throw new IngestError("ingest.errors.tooManyRedirects", { limit: maxRedirects });
    url = checkUrl(new URL(location, url).href, settings.allowPrivate);
  }
}
