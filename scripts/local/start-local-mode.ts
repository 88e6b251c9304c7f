import { pino } from 'pino';
import { parseConfig } from '../../bot/config.ts';
import type { Config } from '../../bot/config.ts';
import { createCoreDeps } from '../../bot/deps.ts';
import { testZalo as localZalo, zaloEnv } from './local-zalo-credentials.ts';
import { prepareLocalData } from './prepare-local-data.ts';
import type { LocalData } from './prepare-local-data.ts';
import { startFakeZalo } from './zalo-stand-in/fake-zalo.ts';
import { buildLocalScenario } from './local-scenario.ts';
import { startSimulator } from './simulator/start-simulator.ts';

export type LocalMode = {
  /** The environment the bot and workers run with: Zalo's addresses are the stand-in's. */
  env: Record<string, string>;
  simulatorUrl: string;
  data: LocalData;
  close: () => Promise<void>;
};

/**
 * Local mode: no Zalo credentials and not production. Starts the stand-in for Zalo's APIs, readies
 * the demo commune, and serves the simulator, a client that talks to the bot only through its signed
 * webhook and reads what the bot sent to the stand-in. The bot and workers are started by the caller,
 * as in production, with the returned environment.
 */
export async function startLocalMode(base: Config, env: NodeJS.ProcessEnv): Promise<LocalMode> {
  const standIn = await startFakeZalo({ ...localZalo, maxRecordedCalls: 2_000 });
  // What a browser opens is on `localhost` (zmp-sdk answers with its mocks only there); what this
  // process calls itself goes to the loopback address the bot listens on whatever HOST says.
  const browserBot = `http://localhost:${base.port}`;
  const simulatorAddress = `http://localhost:${base.simulatorPort}/simulator`;
  const childEnv: Record<string, string> = {
    ...definedOnly(env),
    ...zaloEnv(standIn.url),
    MINIAPP_DEV_LOGIN: 'true',
    PUBLIC_BASE_URL: browserBot,
    HOME_URL: simulatorAddress,
  };
  const config = parseConfig(childEnv);
  const core = createCoreDeps(config, { name: 'local', logger: pino({ level: 'warn' }) });
  try {
    const data = await prepareLocalData(core.db, { communeCode: config.communeCode, oaId: localZalo.oaId, refreshToken: localZalo.initialRefreshToken, secretBox: core.secretBox, now: new Date() });
    for (const t of data.teams) standIn.state.gmfGroups.set(t.groupId, true);
    const scenario = await buildLocalScenario(core.db, { communeCode: config.communeCode });
    // The simulator signs events with the stand-in's keys: it listens on this machine only.
    const simulator = await startSimulator({ port: base.simulatorPort, host: '127.0.0.1', botUrl: `http://127.0.0.1:${base.port}`, standIn, credentials: localZalo, scenario, miniappUrl: `${browserBot}/miniapp/` });
    return {
      env: childEnv,
      simulatorUrl: simulatorAddress,
      data,
      async close() {
        await simulator.close();
        await standIn.close();
      },
    };
  } finally {
    await core.close();
  }
}

/** True when `npm start` should run locally against the stand-in instead of a real OA. */
export function isLocalMode(config: Config): boolean {
  return config.zalo === null && !config.production;
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}
