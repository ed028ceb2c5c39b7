// Puts library photos into a body already rendered to HTML on the server: each
// `<figure data-asset-id="…">` gets a responsive <picture> before its caption, with the alt text
// of the page's language. Pure string work on HTML this app rendered; every value is escaped.
import type { ResponsiveImageData } from "./queries";

const FIGURE_OPEN = /<figure\b[^>]*?\sdata-asset-id="([a-z0-9]{1,64})"[^>]*>/g;

export function figureAssetIdsInHtml(html: string): string[] {
  return [...new Set([...html.matchAll(FIGURE_OPEN)].map((match) => match[1]!))];
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const srcSet = (sources: { url: string; width: number }[]) =>
  escapeHtml(sources.map((source) => `${source.url} ${source.width}w`).join(", "));

/** The same markup as components/public/responsive-image.tsx, lazily loaded (figures are below the fold). */
export function pictureHtml(image: ResponsiveImageData, sizes: string): string {
  const avif = image.sources.avif.length
    ? `<source type="image/avif" srcset="${srcSet(image.sources.avif)}" sizes="${escapeHtml(sizes)}">`
    : "";
  return (
    `<picture>${avif}<source type="image/webp" srcset="${srcSet(image.sources.webp)}" sizes="${escapeHtml(sizes)}">` +
    `<img src="${escapeHtml(image.fallback.url)}" srcset="${srcSet(image.sources.webp)}" sizes="${escapeHtml(sizes)}" width="${image.width}" height="${image.height}" alt="${escapeHtml(image.alt)}" loading="lazy" decoding="async"></picture>`
  );
}

export function addFigureImages(html: string, images: Map<string, ResponsiveImageData>, sizes = "(min-width: 48rem) 48rem, 100vw"): string {
  return html.replace(FIGURE_OPEN, (opening, assetId: string) => {
    const image = images.get(assetId);
    return image ? `${opening}${pictureHtml(image, sizes)}` : opening;
  });
}
