/**
 * The app's two icons, drawn in code so they can be regenerated: a 192×192 colour icon (white mark on a solid
 * square) and a 32×32 outline icon (white on transparent, no padding), as the store requires.
 * The mark is two interlocking rings: business and IT, in tandem.
 */
import { encodePng, type Raster } from './png.js';

type Rgba = readonly [number, number, number, number];

/** The accent colour, also the manifest's `accentColor`. */
export const accent: Rgba = [0x5b, 0x5f, 0xc7, 255];
const white: Rgba = [255, 255, 255, 255];

function raster(size: number, fill: Rgba): Raster {
  const pixels = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) pixels.set(fill, i * 4);
  return { width: size, height: size, pixels };
}

/** Coverage of a ring (0..1) at a pixel, supersampled 4×4 for smooth edges. */
function ringCoverage(px: number, py: number, cx: number, cy: number, r: number, stroke: number): number {
  let hit = 0;
  for (let sy = 0; sy < 4; sy++)
    for (let sx = 0; sx < 4; sx++) {
      const d = Math.hypot(px + (sx + 0.5) / 4 - cx, py + (sy + 0.5) / 4 - cy);
      if (d <= r && d >= r - stroke) hit++;
    }
  return hit / 16;
}

function drawRings(img: Raster, left: number, right: number, cy: number, r: number, stroke: number, ink: Rgba): void {
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const cover = Math.max(ringCoverage(x, y, left, cy, r, stroke), ringCoverage(x, y, right, cy, r, stroke));
      if (cover === 0) continue;
      const i = (y * img.width + x) * 4;
      const under = [img.pixels[i]!, img.pixels[i + 1]!, img.pixels[i + 2]!, img.pixels[i + 3]!];
      const alpha = under[3]! / 255;
      if (alpha === 0) {
        img.pixels.set([ink[0], ink[1], ink[2], Math.round(255 * cover)], i);
      } else {
        img.pixels.set(
          [0, 1, 2].map((c) => Math.round(under[c]! * (1 - cover) + ink[c]! * cover)).concat(under[3]!),
          i,
        );
      }
    }
}

/** The 192×192 colour icon: white rings on a solid accent square. */
export function colorIcon(): Buffer {
  const img = raster(192, accent);
  drawRings(img, 72, 120, 96, 46, 14, white);
  return encodePng(img);
}

/** The 32×32 outline icon: white rings on transparent, touching the edges (no padding). */
export function outlineIcon(): Buffer {
  const img = raster(32, [255, 255, 255, 0]);
  drawRings(img, 10, 22, 16, 10, 2.5, white);
  return encodePng(img);
}
