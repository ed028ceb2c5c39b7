// Lets work outside a request drop this server's reader pages: revalidateTag only works inside one, so
// the public-change consumer and follower (lib/public-change) call this route on their own server,
// signed with a key derived from AUTH_SECRET (lib/public-change/revalidate-signature.ts). It takes the
// same fast path as a server action after its write (after-commit.ts).
import { z } from "zod";
import { normalizePublicChange } from "@/lib/public-change/change";
import { afterPublicChange } from "@/lib/public-change/after-commit";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyRevalidation } from "@/lib/public-change/revalidate-signature";

export const dynamic = "force-dynamic";

const ids = z.array(z.string().min(1).max(64)).max(1000).default([]);
const changeSchema = z.object({
  articleIds: ids,
  languages: z
    .array(z.string().regex(/^[a-z]{2}$/))
    .max(20)
    .default([]),
  tagIds: ids,
  mediaIds: ids,
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
  afterPublicChange(normalizePublicChange(parsed.data));
  return Response.json({ revalidated: true });
}
