// The content API's HTTP side, around every handler: who is asking (an API key, or nobody when
// API_PUBLIC_READ allows it), the rate limit, query validation with the handler's zod schema, JSON
// errors with a reason (400, 401, 403, 404, 429), and an ETag answered with 304 on If-None-Match.
// Responses carry the reader pages' cache headers (lib/cache/http-headers.ts), so a caching proxy
// keeps them as briefly and drops them on publish by the same surrogate keys.
import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { clientAddress } from "@/lib/auth/client-address";
import { PUBLIC_CACHE_CONTROL } from "@/lib/cache/http-headers";
import { cacheTags } from "@/lib/cache/tags";
import { admitKeyRequest } from "./keys";
import { takeApiRequest, type RateDecision } from "./rate-limit";

export type ApiErrorCode = "unauthorized" | "key_revoked" | "rate_limited" | "invalid_request" | "not_found";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Reading without a key: a setting, off unless API_PUBLIC_READ=true. */
export function publicReadAllowed(): boolean {
  return process.env.API_PUBLIC_READ === "true";
}

function presentedKey(request: Request): string | null {
  const authorization = request.headers.get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? request.headers.get("x-api-key");
}

/** Who is asking, counted against their rate limit (one statement for a key), or the refusal. */
async function admit(request: Request): Promise<RateDecision> {
  const key = presentedKey(request);
  if (!key) {
    if (publicReadAllowed()) return takeApiRequest(`ip:${clientAddress(request.headers)}`);
    throw new ApiError(401, "unauthorized", "An API key is required: send it as `Authorization: Bearer <key>`.");
  }
  const admission = await admitKeyRequest(key);
  if (admission.status === "unknown") throw new ApiError(401, "unauthorized", "This API key is not known.");
  if (admission.status === "revoked") throw new ApiError(403, "key_revoked", "This API key has been revoked.");
  return admission.rate;
}

export function errorResponse(error: ApiError, headers: Record<string, string> = {}): Response {
  return Response.json(
    { error: { code: error.code, message: error.message } },
    {
      status: error.status,
      headers: { "cache-control": "no-store", ...(error.status === 401 ? { "www-authenticate": 'Bearer realm="api"' } : {}), ...headers },
    },
  );
}

/** Validates a query string or path parameters; a 400 names each field that is wrong. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`).join("; ");
  throw new ApiError(400, "invalid_request", detail);
}

export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

export type ApiBody = { body: unknown; surrogateKeys?: string[] };

/** The ETag of a body: the same JSON always gives the same tag, on every server. */
export function etagOf(json: string): string {
  return `W/"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"`;
}

function matchesEtag(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  return header === "*" || header.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag.replace(/^W\//, ""));
}

/** Wraps a handler: authentication, rate limit, errors and conditional answers. */
export function apiHandler<Params>(handle: (request: Request, params: Params) => Promise<ApiBody>) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    let rateHeaders: Record<string, string> = {};
    try {
      const rate = await admit(request);
      rateHeaders = {
        "x-ratelimit-limit": String(rate.limit),
        "x-ratelimit-remaining": String(rate.remaining),
        "x-ratelimit-reset": String(Math.ceil(rate.resetAt.getTime() / 1000)),
      };
      if (!rate.allowed) {
        const retryAfter = Math.max(1, Math.ceil((rate.resetAt.getTime() - Date.now()) / 1000));
        throw new ApiError(
          429,
          "rate_limited",
          `Too many requests for this key: at most ${rate.limit} a minute. Try again in ${retryAfter} s.`,
        );
      }
      const { body, surrogateKeys = [] } = await handle(request, await context.params);
      const json = JSON.stringify(body);
      const etag = etagOf(json);
      const keys = [cacheTags.all, ...surrogateKeys];
      const headers = {
        etag,
        "cache-control": PUBLIC_CACHE_CONTROL,
        vary: "Authorization, X-Api-Key",
        "surrogate-key": keys.join(" "),
        "cache-tag": keys.join(","),
        ...rateHeaders,
      };
      if (matchesEtag(request, etag)) return new Response(null, { status: 304, headers });
      return new Response(json, { status: 200, headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
    } catch (error) {
      if (error instanceof ApiError) {
        const retry: Record<string, string> =
          error.status === 429
            ? { "retry-after": String(Math.max(1, Number(rateHeaders["x-ratelimit-reset"]) - Math.floor(Date.now() / 1000))) }
            : {};
        return errorResponse(error, { ...rateHeaders, ...retry });
      }
      throw error;
    }
  };
}

export function notFound(what: string): never {
  throw new ApiError(404, "not_found", `${what} is not published.`);
}
