// A library photo on the reader site: <picture> with AVIF and WebP srcset/sizes, explicit width
// and height (the browser reserves the space, nothing shifts), the alt text of the page's
// language; for the lead image, the preload link the document head puts first so it loads at once.
import type { ResponsiveImageData } from "@/lib/media/queries";

const DEFAULT_SIZES = "(min-width: 48rem) 48rem, 100vw";
const srcSet = (sources: { url: string; width: number }[]) => sources.map((source) => `${source.url} ${source.width}w`).join(", ");

type ResponsiveImageProps = {
  image: ResponsiveImageData;
  /** How wide the image is drawn, for the browser's choice among the sizes. */
  sizes?: string;
  priority?: boolean;
  className?: string;
};

/** The <link rel="preload"> of a lead image: it must name the candidates the <picture> will pick. */
export function ImagePreload({ image, sizes = DEFAULT_SIZES }: { image: ResponsiveImageData; sizes?: string }) {
  const avif = srcSet(image.sources.avif);
  return avif ? (
    <link
      rel="preload"
      as="image"
      href={image.sources.avif[0]!.url}
      imageSrcSet={avif}
      imageSizes={sizes}
      type="image/avif"
      fetchPriority="high"
    />
  ) : (
    <link
      rel="preload"
      as="image"
      href={image.fallback.url}
      imageSrcSet={srcSet(image.sources.webp)}
      imageSizes={sizes}
      type="image/webp"
      fetchPriority="high"
    />
  );
}

export function ResponsiveImage({ image, sizes = DEFAULT_SIZES, priority = false }: Omit<ResponsiveImageProps, "className">) {
  const avif = srcSet(image.sources.avif);
  const webp = srcSet(image.sources.webp);
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
        className="picture-image"
      />
    </picture>
  );
}

/** The picture with its caption and credit, as a <figure>. */
export function ResponsiveFigure({ image, sizes, priority, className }: ResponsiveImageProps) {
  return (
    <figure className={className} data-asset-id={image.assetId}>
      <ResponsiveImage image={image} sizes={sizes} priority={priority} />
      {image.caption || image.credit ? (
        <figcaption>
          {image.caption}
          {image.caption && image.credit ? " — " : null}
          {image.credit ? <span className="credit">{image.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
