// Which link targets may be stored: absolute http(s) and mailto only (no javascript:, data:, ...).
export function isSafeLinkHref(href: unknown): href is string {
  if (typeof href !== "string" || href.length > 2000) return false;
  try {
    const url = new URL(href);
    if (url.protocol === "mailto:") return /^mailto:[^\s@]+@[^\s@]+$/.test(href);
    return (url.protocol === "http:" || url.protocol === "https:") && Boolean(url.hostname);
  } catch {
    return false;
  }
}
