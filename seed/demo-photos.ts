// The demo's lead photos: illustrations drawn for the demo as SVG in seed/photos/, rendered to JPEG
// with sharp (the library refuses SVG uploads) and put in the photo library through its service.
import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { db } from "@/lib/db";
import { updateMediaDetails, uploadMedia, type MediaActor } from "@/lib/media/service";

type DemoPhoto = { file: string; alt: { fr: string; en: string }; caption: { fr: string; en: string } };

const CREDIT = "Desk CMS demo";
const SOURCE = "Drawn for the demo (seed/photos)";

export const DEMO_PHOTOS = {
  onlineConference: {
    file: "online-conference.svg",
    alt: {
      fr: "Dessin d'un écran de visioconférence montrant vingt-quatre participants en mosaïque.",
      en: "Drawing of a video-conference screen showing twenty-four participants in a grid.",
    },
    caption: { fr: "Illustration : une conférence en ligne.", en: "Illustration: an online conference." },
  },
  bilateralTalks: {
    file: "bilateral-talks.svg",
    alt: {
      fr: "Dessin de deux délégations de deux personnes assises à une longue table de réunion.",
      en: "Drawing of two delegations of two people seated at a long meeting table.",
    },
    caption: { fr: "Illustration : un entretien entre deux délégations.", en: "Illustration: talks between two delegations." },
  },
  growthChart: {
    file: "growth-chart.svg",
    alt: {
      fr: "Dessin d'un globe terrestre à côté d'un graphique à barres ascendant et d'une flèche.",
      en: "Drawing of a globe beside a rising bar chart and an arrow.",
    },
    caption: { fr: "Illustration : la diplomatie économique.", en: "Illustration: economic diplomacy." },
  },
  yearAhead: {
    file: "year-ahead.svg",
    alt: {
      fr: "Dessin d'un calendrier mural dont un jour est entouré.",
      en: "Drawing of a wall calendar with one day circled.",
    },
    caption: { fr: "Illustration : l'année à venir.", en: "Illustration: the year ahead." },
  },
} satisfies Record<string, DemoPhoto>;

export type DemoPhotoName = keyof typeof DEMO_PHOTOS;

const PHOTOS_DIR = path.join(import.meta.dirname, "photos");

/** Uploads one illustration with its credit and its French and English alt text and caption. */
export async function addDemoPhoto(name: DemoPhotoName, actor: MediaActor): Promise<string> {
  const photo: DemoPhoto = DEMO_PHOTOS[name];
  const svg = await readFile(path.join(PHOTOS_DIR, photo.file));
  const jpeg = await sharp(svg).flatten({ background: "#ffffff" }).jpeg({ quality: 86 }).toBuffer();
  const { assetId } = await uploadMedia(new Uint8Array(jpeg), actor);
  const { updatedAt } = await db.mediaAsset.findUniqueOrThrow({ where: { id: assetId }, select: { updatedAt: true } });
  await updateMediaDetails(
    {
      assetId,
      updatedAt,
      credit: CREDIT,
      source: SOURCE,
      takenAt: null,
      texts: { fr: { alt: photo.alt.fr, caption: photo.caption.fr }, en: { alt: photo.alt.en, caption: photo.caption.en } },
    },
    actor,
  );
  return assetId;
}
