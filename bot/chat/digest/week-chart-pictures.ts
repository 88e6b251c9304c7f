import type { DbOrTx } from '../../../db/client.ts';
import type { Clock } from '../../clock.ts';
import { buildCommuneWeekDigest } from '../../domain/digests/commune-week-digest.ts';
import { parseIsoWeek } from '../../domain/iso-week.ts';
import type { GroupPictures } from '../../domain/outbox/drawn-pictures.ts';
import { renderWeekChartPng } from './week-chart-png.ts';

/** A PNG's size, from its IHDR chunk (bytes 16–23), which every PNG starts with. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Draws a commune's weekly chart from the numbers as they are when the message is sent. */
export function createWeekChartPictures(deps: { readDb: DbOrTx; clock: Clock }): GroupPictures {
  return {
    async weekChart(content) {
      const week = parseIsoWeek(content.week);
      if (!week) throw new Error(`"${content.week}" is not an ISO week`);
      const digest = await buildCommuneWeekDigest(deps.readDb, { communeId: content.communeId, week, now: deps.clock.now(), graceDays: 0 });
      const png = renderWeekChartPng(digest);
      return { png, ...pngSize(png), filename: `bieu-do-tuan-${content.week}.png` };
    },
  };
}
