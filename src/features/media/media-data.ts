import { z } from 'astro/zod';

/**
 * The media data file, `src/content/media.yaml` (the `media` content collection): per remote
 * URL, what the site should do with that file beyond what it infers by itself. Every field is
 * optional; a URL the file does not name gets the defaults (a post's frontmatter `cover` is the
 * cover, an animated image is an animation whose last frame is the still, a link to an image whose
 * text or title says "wallpaper" is the wallpaper, anything else a plain picture).
 *
 * ```yaml
 * https://assets.zilliz.com/35k_wallpaper.png:
 *   role: wallpaper
 *   portrait: milestone-35k/wallpaper-portrait.png   # or the URL of the portrait original
 *   safeAreas:
 *     landscape: { left: 1060, top: 250, width: 3000, height: 1660 }
 * ```
 *
 * Keys are matched however a post spells the URL (`https://`, `http://`, `//`, a bare host).
 * Files are paths relative to `src/assets/media/` (the site's own art, and `pulled/`, where
 * `npm run media:pull` stores what it downloads); a `file` here wins over the pulled copy.
 * Keep this schema stable: other branches write entries in it.
 */

/** A rectangle in pixels of the image it belongs to, shaped like sharp's `extract()` argument. */
export const boxSchema = z.object({
  left: z.number().int().nonnegative(),
  top: z.number().int().nonnegative(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type Box = z.infer<typeof boxSchema>;

/**
 * The part of a wallpaper master that holds all text and emblems (any crop may cut the rest).
 * `measuredOn`: the master's size the box was measured on, when a file of another size may
 * replace it (the box is then scaled); by default the file's own size.
 */
export const safeAreaSchema = boxSchema.extend({
  measuredOn: z
    .object({ width: z.number().int().positive(), height: z.number().int().positive() })
    .optional(),
});
export type SafeArea = z.infer<typeof safeAreaSchema>;

export const MEDIA_ROLES = ['cover', 'animation', 'wallpaper', 'image'] as const;
/** What a file is for, which decides how the site renders it. `image`: a plain picture. */
export type MediaRole = (typeof MEDIA_ROLES)[number];

const filePath = z
  .string()
  .min(1)
  .refine((path) => !path.startsWith('/') && !path.split(/[\\/]/).includes('..'), {
    message: 'must be a path inside src/assets/media/ (no leading "/", no "..")',
  });

export const mediaSettingsSchema = z
  .object({
    /** Overrides the inferred role. */
    role: z.enum(MEDIA_ROLES).optional(),
    /** A local file (under src/assets/media/) used instead of the pulled copy. Any format sharp reads. */
    file: filePath.optional(),
    /** Base of the file names readers see (downloads, generated files). Default: from the URL. */
    slug: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and "-" only')
      .optional(),
    /** Animation: the frame that carries the message (0-based, negative from the end). Default -1. */
    stillFrame: z.number().int().optional(),
    /** Animation: the same frames composed for a phone's column, shown up to 36rem wide. */
    phone: filePath.optional(),
    /** Wallpaper: the portrait master, as a file or as the URL of a portrait original. */
    portrait: z.string().min(1).optional(),
    /** Wallpaper: the square master tablet sizes are cut from (either way round), as a file. */
    square: filePath.optional(),
    /** Wallpaper: safe areas of the masters. Without one, crops keep the most salient part. */
    safeAreas: z
      .object({
        landscape: safeAreaSchema.optional(),
        portrait: safeAreaSchema.optional(),
        square: safeAreaSchema.optional(),
      })
      .strict()
      .optional(),
    /** Cover: the art already shows the post's title, so the share card is the cover alone. */
    carriesTitle: z.boolean().optional(),
    /** Replaces the alt text the post gives (or lacks). */
    alt: z.string().min(1).optional(),
  })
  .strict();
export type MediaSettings = z.infer<typeof mediaSettingsSchema>;

/** The whole file: remote URL → settings. */
export const mediaDataSchema = z.record(z.string().min(1), mediaSettingsSchema);
export type MediaData = z.infer<typeof mediaDataSchema>;
