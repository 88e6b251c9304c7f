import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Browser, Request } from 'playwright-core';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { parseConfig } from '../../bot/config.ts';
import { createApiDeps, createCoreDeps, createInboundStore, createOaDirectoryFor } from '../../bot/deps.ts';
import { buildApp } from '../../bot/http/app.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { withBenchPlace } from './bench-resources.ts';
import type { BenchPlace } from './bench-resources.ts';

const www = 'miniapp/www';
/** Lighthouse's mobile network profile ("Fast 3G"): 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. */
const profile = { name: 'fast-3g (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up)', latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/**
 * The Mini App's weight (JS and CSS, gzipped) and how soon its first screen shows on a throttled
 * 3G connection in Chromium: cold (nothing cached: the login screen) and for a returning member
 * (assets cached, home drawn from the device's copy before the API answers). The same in both modes.
 */
export async function miniappBench(): Promise<Record<string, unknown>> {
  const files = filesUnder(www);
  const gz = (ext: string) => Math.round(files.filter((f) => f.endsWith(ext)).reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0) / 102.4) / 10;
  return withBenchPlace('miniapp', async (place) => {
    const { url, leaderId, close } = await startApp(place);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const screens = await firstScreens(browser, url, leaderId);
      return { js_gzip_kb: gz('.js'), css_gzip_kb: gz('.css'), network: profile.name, first_screen_cold_ms: screens.coldMs, first_screen_returning_ms: screens.returningMs, cold_requests: screens.coldRequests, targets: { js_gzip_kb: 300, first_screen_ms: 1500 } };
    } finally {
      await browser.close();
      await close();
    }
  });
}

/** The bot's HTTP app on a free port, with the demo commune and the development login. */
async function startApp(place: BenchPlace) {
  const noZalo = { ZALO_APP_SECRET: '', ZALO_APP_ID: '', ZALO_OA_ID: '', ZALO_OA_SECRET_KEY: '', ZALO_OA_REFRESH_TOKEN: '' };
  const config = parseConfig({ ...process.env, ...noZalo, DATABASE_URL: place.databaseUrl, REDIS_URL: place.redisUrl, QUEUE_PREFIX: place.queuePrefix, MINIAPP_DEV_LOGIN: 'true', NODE_ENV: 'development', LOG_LEVEL: 'silent', SCHEDULED_SENDS: 'false' });
  const core = createCoreDeps(config, { name: 'bench', logger: pino({ level: 'silent' }) });
  const app = buildApp({ logger: core.logger, db: core.db, clock: core.clock, oas: createOaDirectoryFor(core), webhook: config.webhook, storeInbound: createInboundStore(core), links: core.links, readiness: {}, api: createApiDeps(core) });
  const close = async () => {
    await app.close();
    await core.close();
  };
  try {
    await seedDemoCommune(core.db);
    const [leader] = (await core.db.execute<{ id: number }>(sql`select id from members where role = 'team_leader' order by id limit 1`)).rows;
    const url = `${(await app.listen({ port: 0, host: '127.0.0.1' })).replace('127.0.0.1', 'localhost')}/miniapp/`;
    return { url, leaderId: leader?.id, close };
  } catch (err) {
    await close();
    throw err;
  }
}

const coldScreen = '[data-testid^="dev-identity-"]';
const returningScreen = '[data-testid="report-button"]';

/**
 * In every page: when each first screen's element first appeared, on the page's own clock
 * (performance.now(), from the start of its navigation). Read in the page because Playwright's
 * own waiting polls at growing intervals (up to 500 ms), which would be counted as the app's time.
 * A string: it runs in the browser, which this project's Node types do not describe.
 */
const watchFirstScreens = `(() => {
  const selectors = ${JSON.stringify([coldScreen, returningScreen])};
  const shown = (window.shownAt = {});
  const look = () => {
    for (const s of selectors) if (shown[s] === undefined && document.querySelector(s)) shown[s] = performance.now();
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true });
})();`;

async function firstScreens(browser: Browser, url: string, leaderId: number | undefined) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await context.addInitScript({ content: watchFirstScreens });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency, downloadThroughput: profile.downloadThroughput, uploadThroughput: profile.uploadThroughput });
  const shownAt = async (selector: string) => {
    const handle = await page.waitForFunction(`window.shownAt && window.shownAt[${JSON.stringify(selector)}]`, undefined, { timeout: 30_000 });
    return Math.round(Number(await handle.jsonValue()));
  };
  // Where the cold screen's time goes: each request's start and end, from the start of the navigation.
  const requests: { url: string; startTime: number; responseEnd: number }[] = [];
  const record = (request: Request) => requests.push({ url: request.url(), ...request.timing() });
  page.on('requestfinished', record);
  await page.goto(url, { waitUntil: 'commit' });
  const coldMs = await shownAt(coldScreen);
  page.off('requestfinished', record);
  const origin = Number(await page.evaluate('performance.timeOrigin'));
  const coldRequests = requests.map((r) => ({
    path: new URL(r.url).pathname.replace(/^\/miniapp\//, ''),
    start_ms: Math.round(r.startTime - origin),
    end_ms: Math.round(r.startTime - origin + r.responseEnd),
  }));
  await page.getByTestId(`dev-identity-${leaderId}`).click();
  await page.getByTestId('report-button').waitFor();
  await page.reload({ waitUntil: 'commit' });
  const returningMs = await shownAt(returningScreen);
  return { coldMs, returningMs, coldRequests };
}
