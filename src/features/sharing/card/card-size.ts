/** 1200×630 (1.91:1) JPEG: what X's summary_large_image, Facebook and LinkedIn show uncropped. */
export const SHARE_CARD = { width: 1200, height: 630, type: 'image/jpeg' } as const;
