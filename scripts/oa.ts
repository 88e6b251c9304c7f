import { parseArgs } from 'node:util';
import { addOaAccount } from '../bot/oas/add-oa-account.ts';
import { disableOaAccount, listOaAccounts } from '../db/queries/oa-accounts.ts';
import { runWithCore } from './lib/run-with-core.ts';

/**
 * The OAs this deployment serves (one per commune):
 *   npm run oa:add -- --commune <code> --oa-id <id> --refresh-token <token> [--app-id <id>]
 *                     [--app-secret <s>] [--oa-secret-key <k>] [--rate <per second>] [--name "<OA name>"]
 *   npm run oa:list
 *   npm run oa:disable -- <oa id>
 * App id, app secret and OA secret key default to ZALO_APP_ID, ZALO_APP_SECRET and
 * ZALO_OA_SECRET_KEY: OAs of a province usually share one Zalo app (one webhook URL).
 */
const [command, ...rest] = process.argv.slice(2);
const usage = 'usage: npm run oa:add -- --commune <code> --oa-id <id> --refresh-token <token> [--app-id …] [--app-secret …] [--oa-secret-key …] [--rate N] [--name …]\n       npm run oa:list\n       npm run oa:disable -- <oa id>';

switch (command) {
  case 'add':
    await add(rest);
    break;
  case 'list':
    await list();
    break;
  case 'disable':
    await disable(rest[0]);
    break;
  default:
    console.error(usage);
    process.exit(2);
}

async function add(args: string[]) {
  const text = { type: 'string' } as const;
  const { values } = parseArgs({ args, options: { commune: text, 'oa-id': text, 'refresh-token': text, 'app-id': text, 'app-secret': text, 'oa-secret-key': text, rate: text, name: text } });
  const env = process.env;
  await runWithCore('oa-add', async (core, config) => {
    const input = {
      communeCode: values.commune ?? '',
      oaId: values['oa-id'] ?? '',
      appId: values['app-id'] ?? env.ZALO_APP_ID ?? '',
      appSecret: values['app-secret'] ?? env.ZALO_APP_SECRET ?? '',
      oaSecretKey: values['oa-secret-key'] ?? env.ZALO_OA_SECRET_KEY ?? '',
      refreshToken: values['refresh-token'] ?? '',
      sendRatePerSec: values.rate ? Number(values.rate) : config.outboundRatePerSec,
      name: values.name ?? null,
    };
    if (!input.communeCode || !input.oaId) throw new Error(usage);
    const row = await addOaAccount({ db: core.db, box: core.secretBox, now: new Date() }, input);
    console.log(`OA ${row.oaId} serves ${input.communeCode} at ${row.sendRatePerSec} messages a second. Running processes pick it up within 15 s.`);
  });
}

async function list() {
  await runWithCore('oa-list', async (core) => {
    const rows = await listOaAccounts(core.db);
    if (rows.length === 0) console.log('No OA yet: npm run oa:add -- --commune <code> --oa-id <id> --refresh-token <token>');
    for (const r of rows) {
      const status = r.replacedBy ? `${r.status} (replaced by ZALO_* OA ${r.replacedBy})` : r.status;
      console.log([r.oaId, status, `${r.communeCode} (${r.communeName})`, `app ${r.appId}`, `${r.sendRatePerSec}/s`, r.name ?? ''].join('  ').trim());
    }
  });
}

async function disable(oaId: string | undefined) {
  if (!oaId) {
    console.error(usage);
    process.exit(2);
  }
  await runWithCore('oa-disable', async (core) => {
    if (!(await disableOaAccount(core.db, oaId, new Date()))) throw new Error(`no OA ${oaId} (npm run oa:list)`);
    console.log(`OA ${oaId} disabled: its events are stored as ignored and nothing is sent through it (within 15 s in running processes).`);
  });
}
