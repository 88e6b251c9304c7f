import { crc32, deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';

/**
 * Re-encodes a screenshot as a PNG of at most 256 colours, a third of Chromium's true-colour size
 * for a page of text and flat colours: small enough to commit for the README. Colours are grouped
 * by their top 5 bits per channel; the 256 most used groups (their mean colour) form the palette
 * and every other group takes its nearest palette colour.
 */
export function toPalettePng(input: Buffer): Buffer {
  const { width, height, data } = PNG.sync.read(input);
  const groups = groupColours(data);
  const palette = [...groups.values()].sort((a, b) => b.count - a.count).slice(0, 256);
  const indexOfKey = nearestIndexByKey(groups, palette);
  const rows = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) {
    // Each row starts with its filter type: 0, none; deflate does well on palette indices as they are.
    for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = indexOfKey.get(keyAt(data, (y * width + x) * 4)) ?? 0;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8-bit indices, colour type 3 (palette), no interlace
  const plte = Buffer.from(palette.flatMap((g) => [g.r, g.g, g.b].map((sum) => Math.round(sum / g.count))));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

type Group = { key: number; r: number; g: number; b: number; count: number };

const keyAt = (data: Buffer, i: number) => ((data[i] ?? 0) >> 3) * 1024 + ((data[i + 1] ?? 0) >> 3) * 32 + ((data[i + 2] ?? 0) >> 3);

/** Sums of each 15-bit colour group, so the palette colour is the mean of what fell in it. */
function groupColours(data: Buffer): Map<number, Group> {
  const groups = new Map<number, Group>();
  for (let i = 0; i < data.length; i += 4) {
    const key = keyAt(data, i);
    const group = groups.get(key) ?? { key, r: 0, g: 0, b: 0, count: 0 };
    group.r += data[i] ?? 0;
    group.g += data[i + 1] ?? 0;
    group.b += data[i + 2] ?? 0;
    group.count += 1;
    groups.set(key, group);
  }
  return groups;
}

/** For every group, the palette entry nearest its mean colour (itself when it made the palette). */
function nearestIndexByKey(groups: Map<number, Group>, palette: Group[]): Map<number, number> {
  const mean = (g: Group) => [g.r / g.count, g.g / g.count, g.b / g.count];
  const colours = palette.map(mean);
  const out = new Map<number, number>();
  for (const group of groups.values()) {
    const [r = 0, g = 0, b = 0] = mean(group);
    let best = 0;
    let bestDistance = Infinity;
    colours.forEach(([pr = 0, pg = 0, pb = 0], index) => {
      const distance = (r - pr) ** 2 + (g - pg) ** 2 + (b - pb) ** 2;
      if (distance < bestDistance) [best, bestDistance] = [index, distance];
    });
    out.set(group.key, best);
  }
  return out;
}

function chunk(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0);
  return Buffer.concat([length, typed, crc]);
}
