// Lets the background scheduler drop reader pages from the cache: revalidateTag only works inside
// a request, so after promoting scheduled versions the scheduler calls this route on its own server,
// signed with a key derived from AUTH_SECRET (lib/scheduled-publishing/revalidate-signature.ts).
import { z } from "zod";
import { revalidatePublicContent } from "@/lib/cache/public-content";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyRevalidation } from "@/lib/scheduled-publishing/revalidate-signature";

export const dynamic = "force-dynamic";

const ids = z.array(z.string().min(1).max(64)).max(1000).default([]);
const changeSchema = z.object({
  articleIds: ids,
  languages: z
    .array(z.string().regex(/^[a-z]{2}$/))
    .max(20)
    .default([]),
  tagIds: ids,
});

export async function POST(request: Request) {
  const body = await request.text();
  if (body.length > 200_000 || !verifyRevalidation(body, request.headers.get(TIMESTAMP_HEADER), request.headers.get(SIGNATURE_HEADER))) {
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return Response.json({ error: "invalid body" }, { status: 400 });
  }
  const parsed = changeSchema.safeParse(json);
  if (!parsed.success) return Response.json({ error: "invalid body" }, { status: 400 });
  revalidatePublicContent(parsed.data);
  return Response.json({ revalidated: true });
}
