import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members, reports } from '../../db/schema/index.ts';
import { findOrgUnitByCode } from '../../db/queries/org-units.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { waitFor } from '../helpers/wait-for.ts';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots of every page at 360 px, for people to look at; not committed. */
const artifacts = path.resolve('test-artifacts/miniapp');

let stack: TestStack;
let browser: Browser;
let appUrl: string;
const memberIds: Record<string, number> = {};

beforeAll(async () => {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is not at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);
  if (!existsSync('miniapp/www/index.html')) throw new Error('the Mini App is not built: npm run build:miniapp');
  mkdirSync(artifacts, { recursive: true });
  stack = await startTestStack({ env: { MINIAPP_DEV_LOGIN: 'true' } });
  await seedDemoCommune(stack.core.db);
  for (const m of await stack.core.db.select().from(members)) memberIds[m.displayName] = m.id;
  // zmp-sdk answers with its own mocks only on a host named localhost (docs/platform-facts.md, "Mini App").
  appUrl = `${stack.baseUrl.replace('127.0.0.1', 'localhost')}/miniapp/`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  return { context, page };
}

async function logIn(page: Page, name: string) {
  await page.goto(appUrl);
  await page.getByTestId(`dev-identity-${memberIds[name]}`).click();
}

/** After the page's slide-in animation has ended. */
async function shot(page: Page, name: string) {
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

/** English or template leftovers a user must never read. */
const leftovers = /\b(undefined|null|NaN|Loading|Error|Submit|Cancel|Retry|Home|Settings|Dashboard|Report|Request|Guide)\b/;

async function expectVietnameseOnly(page: Page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(leftovers);
}
const reportsOf = async (name: string) => stack.core.db.select().from(reports).where(eq(reports.memberId, memberIds[name] ?? 0));

describe('the Mini App in a browser (headless Chromium, 360 px wide)', () => {
  it('asks the login screen’s two questions once, from the page before its script arrives; a member logged in asks neither', async () => {
    const { context, page } = await phone();
    const asked: string[] = [];
    page.on('request', (r) => {
      const { pathname } = new URL(r.url());
      if (pathname.startsWith('/api/')) asked.push(pathname);
    });
    await page.goto(appUrl);
    await page.getByTestId(`dev-identity-${memberIds['Trần Thị Bình']}`).waitFor();
    expect([...asked].sort()).toEqual(['/api/auth/dev/identities', '/api/config']);
    // index.html asked them and the app took both answers instead of asking again.
    expect(await page.evaluate('Object.keys(window.cdtEarly)')).toEqual([]);

    await page.getByTestId(`dev-identity-${memberIds['Trần Thị Bình']}`).click();
    await page.getByTestId('report-button').waitFor();
    asked.length = 0;
    await page.reload();
    await page.getByTestId('report-button').waitFor();
    expect(await page.evaluate('typeof window.cdtEarly')).toBe('undefined');
    expect(asked).not.toContain('/api/config');
    await context.close();
  });

  it('a member logs in, reports with the steppers and sees it on the home page', async () => {
    const { context, page } = await phone();
    await logIn(page, 'Trần Thị Bình');
    await page.getByTestId('report-button').waitFor();
    await shot(page, '01-home');
    await page.getByTestId('report-button').click();
    for (let i = 0; i < 3; i++) await page.getByTestId('plus-households_visited').click();
    await page.getByTestId('input-vneid_level2').fill('2');
    await shot(page, '02-report-form');
    await page.getByTestId('submit-report').click();
    await waitFor(async () => ((await reportsOf('Trần Thị Bình')).length === 1 ? true : undefined), { what: 'the report saved' });
    await page.getByTestId('week-total-households_visited').waitFor();
    expect(await page.getByTestId('week-total-households_visited').textContent()).toContain('3');
    await shot(page, '03-home-after-report');
    await context.close();
  });

  it('a report made offline waits on the device as "chưa gửi" and is sent once when the connection returns', async () => {
    const { context, page } = await phone();
    await logIn(page, 'Lê Văn Cường');
    await page.getByTestId('report-button').waitFor();
    await context.setOffline(true);
    await page.getByTestId('report-button').click();
    for (let i = 0; i < 2; i++) await page.getByTestId('plus-people_guided').click();
    await page.getByTestId('submit-report').click();
    await page.getByTestId('pending-count').waitFor();
    expect(await page.getByTestId('pending-count').textContent()).toContain('1');
    await shot(page, '04-offline-pending');
    expect(await reportsOf('Lê Văn Cường')).toHaveLength(0);
    await context.setOffline(false);
    await waitFor(async () => ((await reportsOf('Lê Văn Cường')).length > 0 ? true : undefined), { what: 'the queued report sent' });
    await page.getByTestId('pending-count').waitFor({ state: 'detached' });
    // Reloading (another flush at start-up) sends nothing again.
    await page.reload();
    await page.getByTestId('report-button').waitFor();
    await new Promise((r) => setTimeout(r, 1000));
    expect(await reportsOf('Lê Văn Cường')).toHaveLength(1);
    await context.close();
  });

  it('a commune leader sees the village’s report on the dashboard', async () => {
    const { context, page } = await phone();
    await logIn(page, 'Chủ tịch UBND xã Demo');
    await page.getByTestId('report-button').waitFor();
    await page.getByTestId('nav-dashboard').click();
    const dong = await findOrgUnitByCode(stack.core.db, 'demo-xa-thon-dong');
    await page.getByTestId(`dashboard-village-${dong?.id}`).waitFor();
    expect(await page.getByTestId('dashboard-total-households_visited').textContent()).toContain('3');
    await shot(page, '05-dashboard');
    await context.close();
  });

  it('every page reads in Vietnamese at 360 px, with touch targets of at least 44 px', async () => {
    const { context, page } = await phone();
    await logIn(page, 'Chủ tịch UBND xã Demo');
    await page.getByTestId('report-button').waitFor();
    const tour: [string, string][] = [
      ['nav-reports', '10-reports'],
      ['nav-help', '11-help-requests'],
      ['nav-dashboard', '12-dashboard'],
      ['nav-more', '13-more'],
    ];
    for (const [nav, name] of tour) {
      await page.getByTestId(nav).first().click();
      await page.waitForLoadState('networkidle');
      await shot(page, name);
      await expectVietnameseOnly(page);
    }
    await page.getByTestId('nav-team').first().click();
    await page.waitForLoadState('networkidle');
    await shot(page, '14-team');
    await expectVietnameseOnly(page);
    // Every button, link and field on the busiest pages is big enough to tap.
    const tooSmall = () =>
      // Run in the page: the test's own TypeScript has no DOM types, so the function is passed as text.
      page.evaluate(`[...document.querySelectorAll('button, a, select, input')]
        .map((el) => ({ what: el.outerHTML.slice(0, 80), height: el.getBoundingClientRect().height }))
        .filter((r) => r.height > 0 && r.height < 44)`);
    expect(await tooSmall()).toEqual([]);
    await page.getByTestId('nav-home').first().click();
    await page.getByTestId('report-button').waitFor();
    expect(await tooSmall()).toEqual([]);
    await page.getByTestId('nav-more').first().click();
    await page.getByTestId('nav-guides').first().click();
    await page.getByTestId('guide-vneid-level2').click();
    await page.getByText('mức 2').first().waitFor();
    await shot(page, '15-guide');
    await expectVietnameseOnly(page);
    await context.close();
  });
});
