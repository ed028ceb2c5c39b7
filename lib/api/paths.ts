// The content API's own addresses, built in one place (links inside responses, the OpenAPI document,
// and the caching proxies' refresh list).
export const API_BASE = "/api/v1";

export const apiPaths = {
  articles: (language: string) => `${API_BASE}/articles?lang=${language}`,
  article: (articleId: string, language: string) => `${API_BASE}/articles/${encodeURIComponent(articleId)}?lang=${language}`,
  ninjs: (articleId: string, language: string) => `${API_BASE}/ninjs/${encodeURIComponent(articleId)}?lang=${language}`,
  tags: (language: string) => `${API_BASE}/tags?lang=${language}`,
  photo: (assetId: string) => `${API_BASE}/photos/${encodeURIComponent(assetId)}`,
};
