// The client's IP address as the app server saw it. Next.js appends the socket's address to
// X-Forwarded-For, so the entry counted from the right past the trusted proxies cannot be forged.
export function clientAddress(headers: Headers): string {
  const trustedProxies = Number(process.env.TRUSTED_PROXY_COUNT ?? 0);
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  return chain[chain.length - 1 - trustedProxies] ?? chain[0] ?? "unknown";
}
