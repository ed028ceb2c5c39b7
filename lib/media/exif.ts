// Reads the little the desk keeps from a photo's EXIF block: who made it (Artist), the copyright
// line and when it was taken. Everything else (GPS, camera serials) is dropped with the block.
import exifReader from "exif-reader";

export type PhotoRights = { credit: string | null; copyright: string | null; takenAt: Date | null };

export const NO_RIGHTS: PhotoRights = { credit: null, copyright: null, takenAt: null };

export function readPhotoRights(exif: Buffer | undefined): PhotoRights {
  if (!exif || exif.length < 8) return NO_RIGHTS;
  try {
    const tags = exifReader(exif);
    return {
      credit: cleanText(tags.Image?.Artist),
      copyright: cleanText(tags.Image?.Copyright),
      takenAt: validDate(tags.Photo?.DateTimeOriginal) ?? validDate(tags.Image?.DateTime),
    };
  } catch {
    // A malformed EXIF block is not a reason to refuse the photo: it is stripped anyway.
    return NO_RIGHTS;
  }
}

function cleanText(value: unknown): string | null {
  if (typeof value !== "string") return null;

  const text = value
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text ? text.slice(0, 300) : null;
}

function validDate(value: unknown): Date | null {
  return value instanceof Date && !Number.isNaN(value.getTime()) && value.getUTCFullYear() > 1900 ? value : null;
}
