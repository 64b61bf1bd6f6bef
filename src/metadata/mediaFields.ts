import { MetadataError } from "../errors/MetadataError.js";
import { mediaFieldFor } from "./mediaFieldFor.js";
import type { MediaType } from "./types.js";

/** A media file that has been uploaded: its detected type and where it now lives. */
export interface PlacedMedia {
  readonly type: Pick<MediaType, "format" | "kind">;
  /** e.g. `ipfs://<cid>/clip.mp4`. */
  readonly uri: string;
}

export interface MediaFieldsOptions {
  /** The main media file. */
  readonly media: PlacedMedia;
  /** An image shown as the thumbnail of video, audio or 3D media. Ignored for image media. */
  readonly poster?: PlacedMedia;
  /** Allow video, audio or 3D media without a poster (marketplaces then show a placeholder). Default false. */
  readonly allowMissingPoster?: boolean;
}

/**
 * The `image` / `animationUrl` inputs of `buildTokenMetadata` for a media file (and its poster), so
 * that `buildTokenMetadata({ name, ...mediaFields({ media, poster }) })` puts each in its field:
 * an image goes in `image`; video, audio and GLB go in `animationUrl` with the poster in `image`.
 *
 * @throws MetadataError `MEDIA_POSTER_REQUIRED` when `animation_url` media has no poster (unless
 *   `allowMissingPoster`), `MEDIA_POSTER_NOT_IMAGE` when the poster is not an image.
 */
export function mediaFields(options: MediaFieldsOptions): { readonly image?: string; readonly animationUrl?: string } {
  const { media, poster } = options;
  const placement = mediaFieldFor(media.type);
  if (placement.field === "image") return { image: media.uri };

  const format = media.type.format;
  if (poster === undefined) {
    if (options.allowMissingPoster) return { animationUrl: media.uri };
    throw new MetadataError(
      "MEDIA_POSTER_REQUIRED",
      `${format.toUpperCase()} media goes in animation_url and needs a poster image for the image field.`,
      {
        hint: "Pass a PNG, JPEG, GIF, SVG or WEBP as the poster (a still frame or cover art), or set allowMissingPoster: true.",
        details: { format },
      },
    );
  }
  if (poster.type.kind !== "image") {
    throw new MetadataError(
      "MEDIA_POSTER_NOT_IMAGE",
      `The poster is ${poster.type.format.toUpperCase()}, but the image field needs an image.`,
      {
        hint: "Use a PNG, JPEG, GIF, SVG or WEBP poster, e.g. a frame exported from the video.",
        details: { format: poster.type.format },
      },
    );
  }
  return { image: poster.uri, animationUrl: media.uri };
}
