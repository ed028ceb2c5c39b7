// A library photo on the reader site: <picture> with AVIF and WebP srcset/sizes, explicit width
// and height (the browser reserves the space, nothing shifts), the alt text of the page's
// language, and for the lead image (`priority`) a preload link so it starts loading at once.
import ReactDOM from "react-dom";
import type { ResponsiveImageData } from "@/lib/media/queries";

const srcSet = (sources: { url: string; width: number }[]) => sources.map((source) => `${source.url} ${source.width}w`).join(", ");

type ResponsiveImageProps = {
  image: ResponsiveImageData;
  /** How wide the image is drawn, for the browser's choice among the sizes. */
  sizes?: string;
  priority?: boolean;
  className?: string;
};

export function ResponsiveImage({ image, sizes = "(min-width: 48rem) 48rem, 100vw", priority = false, className }: ResponsiveImageProps) {
  const avif = srcSet(image.sources.avif);
  const webp = srcSet(image.sources.webp);
  if (priority) {
    // The preload must name the same candidates the <picture> will pick, or it is wasted.
    if (avif) ReactDOM.preload(image.sources.avif[0]!.url, { as: "image", imageSrcSet: avif, imageSizes: sizes, type: "image/avif", fetchPriority: "high" });
    else ReactDOM.preload(image.fallback.url, { as: "image", imageSrcSet: webp, imageSizes: sizes, type: "image/webp", fetchPriority: "high" });
  }
  return (
    <picture>
      {avif ? <source type="image/avif" srcSet={avif} sizes={sizes} /> : null}
      <source type="image/webp" srcSet={webp} sizes={sizes} />
      <img
        src={image.fallback.url}
        srcSet={webp}
        width={image.width}
        height={image.height}
        alt={image.alt}
        sizes={sizes}
        loading={priority ? "eager" : "lazy"}
        decoding={priority ? "sync" : "async"}
        fetchPriority={priority ? "high" : undefined}
        className={className ?? "h-auto w-full"}
      />
    </picture>
  );
}

/** The picture with its caption and credit, as a <figure>. */
export function ResponsiveFigure({ image, sizes, priority, className }: ResponsiveImageProps) {
  return (
    <figure className={className ?? "my-6"} data-asset-id={image.assetId}>
      <ResponsiveImage image={image} sizes={sizes} priority={priority} />
      {image.caption || image.credit ? (
        <figcaption className="mt-2 text-sm text-[var(--muted)]">
          {image.caption}
          {image.caption && image.credit ? " — " : null}
          {image.credit ? <span className="credit">{image.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
