/**
 * The Outlook add-in's ribbon icons, drawn in code so they can be regenerated: the app's mark (two interlocking rings,
 * business and IT) as a flat monoline drawing in the accent colour on a transparent background — no text, two elements —
 * at every size the ribbon asks for (16, 20, 24, 32, 40, 48, 64 and 80 px), plus the 128 px high-resolution icon that
 * `alternateIcons` names.
 */
import { accent } from './icons.js';
import { encodePng, type Raster } from './png.js';

/** The ribbon sizes Outlook uses (100% to high DPI). */
export const ribbonIconSizes = [16, 20, 24, 32, 40, 48, 64, 80] as const;

/** Every size written, the ribbon's and the high-resolution alternate icon's. */
export const addinIconSizes = [...ribbonIconSizes, 128] as const;

/** The file name of the icon of one size. */
export function addinIconFile(size: number): string {
  return `icon-${size}.png`;
}

/** The add-in icon of `size` px: two rings, stroke width growing with the size so the line stays crisp. */
export function addinIcon(size: number): Buffer {
  const img: Raster = { width: size, height: size, pixels: new Uint8Array(size * size * 4) };
  const stroke = Math.max(1.5, size / 12);
  const r = size * 0.3;
  const cy = size / 2;
  const left = size / 2 - r * 0.55;
  const right = size / 2 + r * 0.55;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let hit = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const px = x + (sx + 0.5) / 4;
          const py = y + (sy + 0.5) / 4;
          const onRing = (cx: number) => {
            const d = Math.hypot(px - cx, py - cy);
            return d <= r && d >= r - stroke;
          };
          if (onRing(left) || onRing(right)) hit++;
        }
      if (hit === 0) continue;
      img.pixels.set([accent[0], accent[1], accent[2], Math.round((255 * hit) / 16)], (y * size + x) * 4);
    }
  return encodePng(img);
}
