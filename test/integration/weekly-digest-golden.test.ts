import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderWeekDigest } from '../../bot/chat/digest/render-week-digest.ts';
import { renderWeekChartPng } from '../../bot/chat/digest/week-chart-png.ts';
import { PNG } from 'pngjs';
import { buildCommuneWeekDigest } from '../../bot/domain/digests/commune-week-digest.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { seedDemoActivity } from '../../scripts/lib/seed-demo-activity.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';

let stack: TestStack;
let communeId: number;
beforeAll(async () => {
  stack = await startTestStack({ workers: false });
  ({ communeId } = await seedDemoCommune(stack.core.db));
  // Seeded as of Wednesday 2 Dec 2026: the last full week is 2026-W48 (23–29 Nov).
  await seedDemoActivity(stack.core.db, { today: new Date('2026-12-02T03:00:00Z') });
});
afterAll(async () => {
  await stack?.close();
});

describe('the weekly digest, word for word', () => {
  it('tells 2026-W48 of the demo commune: a silent village, a late one, a merged village under its successor, targets and coverage', async () => {
    // Monday 30 Nov 2026, 07:30 in Vietnam: when the schedule sends it.
    const digest = await buildCommuneWeekDigest(stack.core.db, { communeId, week: { year: 2026, week: 48 }, now: new Date('2026-11-30T00:30:00Z'), graceDays: 1 });
    const golden = readFileSync(new URL('../fixtures/digests/demo-xa-2026-W48.txt', import.meta.url), 'utf8').trimEnd();
    expect(renderWeekDigest(digest).join('\n\n')).toBe(golden);
    // Xóm Mới was merged into Thôn Tây: its reports are in Thôn Tây's numbers, and it has no line of its own.
    expect(digest.villages.find((v) => v.name === 'Thôn Tây')?.totals.households_visited).toBe(54);
    expect(digest.villages.map((v) => v.name)).not.toContain('Xóm Mới');
    expect({ reported: digest.reported, onTime: digest.onTime, expected: digest.villages.length }).toEqual({ reported: 3, onTime: 2, expected: 4 });
  });

  it('draws the week as a PNG that decodes: one row of three bars per village, the silent one marked', () => {
    return buildCommuneWeekDigest(stack.core.db, { communeId, week: { year: 2026, week: 48 }, now: new Date('2026-11-30T00:30:00Z'), graceDays: 1 }).then((digest) => {
      const png = renderWeekChartPng(digest);
      const image = PNG.sync.read(png);
      // 120 px of title and legend, 4 villages × (3 bars × 16 + 18), 30 px margin.
      expect({ width: image.width, height: image.height }).toEqual({ width: 1000, height: 414 });
      expect(png.length).toBeGreaterThan(5_000);
      expect(png.length).toBeLessThan(200_000);
    });
  });
});
