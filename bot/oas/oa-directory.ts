import type { Db } from '../../db/client.ts';
import { listOaAccounts } from '../../db/queries/oa-accounts.ts';
import type { OaAccountListing } from '../../db/queries/oa-accounts.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Logger } from '../logger.ts';
import type { OaAccount } from './oa-account.ts';
import { saveEnvOaAccount } from './env-oa-account.ts';

/** The OAs this deployment serves, read from memory on every webhook delivery and send. */
export type OaDirectory = {
  /** The OA with this id, active or not; null when unknown. */
  find: (oaId: string) => Promise<OaAccount | null>;
  /** Every OA of a Zalo app (an event that does not name its OA is one of them). */
  ofApp: (appId: string) => Promise<OaAccount[]>;
  all: () => Promise<OaAccount[]>;
  /** Reads the table again now (after `oa:add`, in tests). */
  reload: () => Promise<void>;
};

type Snapshot = { byId: Map<string, OaAccount>; loadedAt: number };

/** How long a change made by `oa:add`/`oa:disable` may take to reach a running process. */
export const oaDirectoryRefreshMs = 15_000;
/** An unknown OA id reloads the table at most this often (a stream of foreign events must not hammer Postgres). */
const missReloadMs = 1_000;

/**
 * The table of OAs, opened and kept in memory. Processes pick up added or disabled OAs within
 * `oaDirectoryRefreshMs`, and at once when an event names an OA they do not know yet.
 */
export function createOaDirectory(deps: { db: Db; box: SecretBox; clock: Clock; logger: Logger; config: Pick<Config, 'zalo' | 'communeCode' | 'outboundRatePerSec'> }): OaDirectory {
  let snapshot: Snapshot | null = null;
  let loading: Promise<Snapshot> | null = null;
  // The environment does not change while the process runs: once its OA is saved, the row is the truth.
  let envSaved = false;
  let warnedNoCommune = false;

  async function load(): Promise<Snapshot> {
    const env = envSaved ? null : await saveEnvOaAccount({ db: deps.db, box: deps.box, now: deps.clock.now(), logger: deps.logger }, deps.config);
    if (env?.communeId != null) envSaved = true;
    else if (env && !warnedNoCommune) {
      // A real OA on a new database, before its commune is imported: said once, not at every re-read.
      warnedNoCommune = true;
      deps.logger.warn(
        { oaId: env.oaId, communeCode: deps.config.communeCode },
        'COMMUNE_CODE is not a unit in the database: the OA answers with guides, but home-visit requests reach no team until the commune is imported (npm run units:import) and COMMUNE_CODE names it',
      );
    }
    const byId = new Map<string, OaAccount>();
    for (const row of await listOaAccounts(deps.db)) {
      const account = open(row);
      if (account) byId.set(account.oaId, account);
    }
    // Not saved yet (its commune is not in the database): served from the environment meanwhile.
    if (env && !byId.has(env.oaId)) byId.set(env.oaId, env);
    return { byId, loadedAt: Date.now() };
  }

  function open(row: OaAccountListing): OaAccount | null {
    try {
      return {
        oaId: row.oaId,
        appId: row.appId,
        communeId: row.communeId,
        name: row.name,
        appSecret: deps.box.open(row.appSecretEnc),
        oaSecretKey: deps.box.open(row.oaSecretKeyEnc),
        sendRatePerSec: row.sendRatePerSec,
        active: row.status === 'active',
      };
    } catch (err) {
      deps.logger.error({ oaId: row.oaId, err }, 'the secrets of this OA cannot be opened with DATA_ENCRYPTION_KEY; it is not served');
      return null;
    }
  }

  function reload(): Promise<Snapshot> {
    loading ??= load().then(
      (s) => {
        snapshot = s;
        loading = null;
        return s;
      },
      (err: unknown) => {
        loading = null;
        throw err;
      },
    );
    return loading;
  }

  async function current(): Promise<Snapshot> {
    if (!snapshot) return reload();
    // Stale: serve what we have and read again in the background; a failed read keeps the old list.
    if (Date.now() - snapshot.loadedAt > oaDirectoryRefreshMs) reload().catch((err: unknown) => deps.logger.warn({ err }, 'could not re-read the OA list; using the one in memory'));
    return snapshot;
  }

  return {
    async find(oaId) {
      const s = await current();
      const known = s.byId.get(oaId);
      if (known || Date.now() - s.loadedAt < missReloadMs) return known ?? null;
      return (await reload()).byId.get(oaId) ?? null;
    },
    async ofApp(appId) {
      return [...(await current()).byId.values()].filter((a) => a.appId === appId);
    },
    async all() {
      return [...(await current()).byId.values()];
    },
    async reload() {
      await reload();
    },
  };
}
