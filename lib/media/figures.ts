// Finds the media assets a Tiptap body points at: `figure` nodes carry an optional `assetId`.
type JsonNode = { type?: unknown; attrs?: unknown; content?: unknown };

export function figureAssetIds(body: unknown): string[] {
  const ids = new Set<string>();
  const visit = (node: unknown, depth: number) => {
    if (!node || typeof node !== "object" || depth > 50) return;
    const { type, attrs, content } = node as JsonNode;
    if (type === "figure" && attrs && typeof attrs === "object") {
      const assetId = (attrs as Record<string, unknown>).assetId;
      if (typeof assetId === "string" && assetId) ids.add(assetId);
    }
    if (Array.isArray(content)) for (const child of content) visit(child, depth + 1);
  };
  visit(body, 0);
  return [...ids];
}
