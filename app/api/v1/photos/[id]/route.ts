// GET /api/v1/photos/{id}: a photo a published story shows, with its derivatives and alt text.
import { apiHandler, notFound, parseInput } from "@/lib/api/http";
import { getApiPhoto } from "@/lib/api/queries";
import { photoParams } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

export const GET = apiHandler<{ id: string }>(async (_request, params) => {
  const { id } = parseInput(photoParams, params);
  return { body: (await getApiPhoto(id)) ?? notFound("This photo") };
});
