// Serves stored media files. Names carry a hash of their bytes, so a file never changes under
// its URL: browsers and CDNs may keep it for a year. Keys are checked against the storage's
// pattern before any lookup, so `..` or odd characters never reach the disk or the bucket.
import { contentTypeOfKey, getMediaStorage, isValidMediaKey } from "@/lib/media/storage";

export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" },
  });

export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const key = (await params).key.join("/");
  const contentType = contentTypeOfKey(key);
  if (!isValidMediaKey(key) || !contentType) return notFound();
  const bytes = await getMediaStorage().get(key);
  if (!bytes) return notFound();
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      // Images only: even a mislabelled file could not run a script from this origin.
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "Cross-Origin-Resource-Policy": "same-site",
    },
  });
}
