import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
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
      return { js_gzip_kb: gz('.js'), css_gzip_kb: gz('.css'), network: profile.name, first_screen_cold_ms: screens.coldMs, first_screen_returning_ms: screens.returningMs, targets: { js_gzip_kb: 300, first_screen_ms: 1500 } };
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

async function firstScreens(browser: Browser, url: string, leaderId: number | undefined) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency, downloadThroughput: profile.downloadThroughput, uploadThroughput: profile.uploadThroughput });
  const timed = async (action: () => Promise<unknown>, ready: string) => {
    const started = performance.now();
    await action();
    await page.locator(ready).first().waitFor({ timeout: 30_000 });
    return Math.round(performance.now() - started);
  };
  const coldMs = await timed(() => page.goto(url, { waitUntil: 'commit' }), '[data-testid^="dev-identity-"]');
  await page.getByTestId(`dev-identity-${leaderId}`).click();
  await page.getByTestId('report-button').waitFor();
  const returningMs = await timed(() => page.reload({ waitUntil: 'commit' }), '[data-testid="report-button"]');
  return { coldMs, returningMs };
}
