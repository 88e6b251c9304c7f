import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDate, vietnamDate } from '../../bot/domain/calendar.ts';
import { insertMemberIfMissing } from '../../db/queries/members.ts';
import { findOrgUnitByCode, upsertOrgUnit } from '../../db/queries/org-units.ts';
import { findTeamOfUnit, upsertTeam } from '../../db/queries/teams.ts';
import { members, reportItems, reports } from '../../db/schema/index.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots at 360 px, for people to look at; not committed. */
const artifacts = path.resolve('test-artifacts/miniapp');

let stack: TestStack;
let browser: Browser;
let appUrl: string;
const memberIds: Record<string, number> = {};
let benSongId = 0;
let thonBenId = 0;

beforeAll(async () => {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is not at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);
  if (!existsSync('miniapp/www/index.html')) throw new Error('the Mini App is not built: npm run build:miniapp');
  mkdirSync(artifacts, { recursive: true });
  stack = await startTestStack({ workers: false, env: { MINIAPP_DEV_LOGIN: 'true' } });
  const { communeId } = await seedDemoCommune(stack.core.db);
  // A second commune of Tỉnh Demo whose one village reported this week, and a province admin in Xã Demo's leaders' team.
  const db = stack.core.db;
  const province = await findOrgUnitByCode(db, 'demo-tinh');
  const benSong = await upsertOrgUnit(db, { code: 'xa-ben-song', name: 'Xã Bên Sông', kind: 'commune', parentId: province?.id ?? null, validFrom: '2025-07-01' });
  const thonBen = await upsertOrgUnit(db, { code: 'xa-ben-song-thon-ben', name: 'Thôn Bến', kind: 'village', parentId: benSong.id, validFrom: '2025-07-01' });
  const team = await upsertTeam(db, { unitId: thonBen.id, kind: 'village', name: 'Tổ CNSCĐ Thôn Bến' });
  const reporter = await insertMemberIfMissing(db, { teamId: team.id, displayName: 'Tổ trưởng Thôn Bến', role: 'team_leader' });
  const [report] = await db.insert(reports).values({ teamId: team.id, memberId: reporter.id, reportDate: isoDate(vietnamDate(new Date())), source: 'miniapp', clientKey: 'ben-song-browser', createdAt: new Date() }).returning();
  await db.insert(reportItems).values({ reportId: report?.id ?? 0, metric: 'households_visited', count: 4 });
  const leaders = await findTeamOfUnit(db, { unitId: communeId, kind: 'commune_leaders' });
  await insertMemberIfMissing(db, { teamId: leaders?.id ?? 0, displayName: 'Cán bộ Sở', role: 'province_admin' });
  for (const m of await db.select().from(members)) memberIds[m.displayName] = m.id;
  benSongId = benSong.id;
  thonBenId = thonBen.id;
  appUrl = `${stack.baseUrl.replace('127.0.0.1', 'localhost')}/miniapp/`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function dashboardAs(name: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  await page.goto(appUrl);
  await page.getByTestId(`dev-identity-${memberIds[name]}`).click();
  await page.getByTestId('report-button').waitFor();
  await page.getByTestId('nav-dashboard').first().click();
  await page.getByTestId('reporting-rate').waitFor();
  return { page, close: () => context.close() };
}

describe('the dashboard’s commune picker (headless Chromium, 360 px wide)', () => {
  it('a province admin picks another commune of the province and sees its villages; the choice stays when they come back', async () => {
    const { page, close } = await dashboardAs('Cán bộ Sở');
    const picker = page.getByTestId('dashboard-commune');
    await picker.waitFor();
    const options = await picker.locator('option').allTextContents();
    expect(options).toEqual(['Xã Bên Sông · báo cáo 100%', 'Xã Demo · báo cáo 0%']);
    await picker.selectOption(String(benSongId));
    await page.getByTestId(`dashboard-village-${thonBenId}`).waitFor();
    expect(await page.getByTestId('dashboard-total-households_visited').textContent()).toContain('4');
    expect(await page.getByText('Xã Bên Sông · Tuần').count()).toBe(1);
    // Fits the phone: no sideways scrolling, the picker is big enough to tap, every word Vietnamese.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect((await picker.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    expect(await page.locator('body').innerText()).not.toMatch(/\b(undefined|null|NaN|Loading|Error|Dashboard)\b/);
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(artifacts, '20-dashboard-province-admin.png'), fullPage: true });
    await page.getByTestId('nav-home').first().click();
    await page.getByTestId('report-button').waitFor();
    await page.getByTestId('nav-dashboard').first().click();
    await page.getByTestId(`dashboard-village-${thonBenId}`).waitFor();
    expect(await page.getByTestId('dashboard-commune').inputValue()).toBe(String(benSongId));
    await close();
  });

  it('a commune leader has no picker', async () => {
    const { page, close } = await dashboardAs('Chủ tịch UBND xã Demo');
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('dashboard-commune').count()).toBe(0);
    await close();
  });
});
