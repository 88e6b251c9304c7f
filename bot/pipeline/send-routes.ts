import type { DbOrTx } from '../../db/client.ts';
import type { Config } from '../config.ts';
import { findOutboundRoutes } from '../../db/queries/outbound-messages.ts';
import { listOaRates } from '../../db/queries/oa-accounts.ts';

/** The OA a row goes out through and the rate that OA may send at. */
export type SendRoute = { oaId: string; ratePerSec: number };

/**
 * `envOaId`: the OA of the single-OA settings, served from memory until its commune is in the
 * database and it is saved as a row (bot/oas/env-oa-account.ts); its rate is then the default.
 */
export type RouteOptions = { defaultRatePerSec: number; envOaId: string | null };

export function routeOptions(config: Pick<Config, 'outboundRatePerSec' | 'zalo'>): RouteOptions {
  return { defaultRatePerSec: config.outboundRatePerSec, envOaId: config.zalo?.oaId ?? null };
}

/**
 * Each row's sender, for pacing: the OA the row names; for a row that names none (written before
 * OAs were data, or a team group linked then), the OA the sender will use: the deployment's only
 * active one. A zca-js group's row goes through no OA (null), nor does a row when several OAs are
 * active and it names none (its sender refuses it). Rows not found are left out.
 */
export async function routeSends(db: DbOrTx, ids: number[], options: RouteOptions): Promise<Map<number, SendRoute | null>> {
  const { defaultRatePerSec, envOaId } = options;
  const rows = await findOutboundRoutes(db, ids);
  const needsSoleOa = rows.some((r) => !r.oaId && !throughPersonalAccount(r));
  const known = needsSoleOa ? await listOaRates(db) : [];
  const active = known.filter((oa) => oa.active);
  if (needsSoleOa && envOaId && !known.some((oa) => oa.oaId === envOaId)) active.push({ oaId: envOaId, ratePerSec: defaultRatePerSec, active: true });
  const sole = active.length === 1 ? active[0] : undefined;
  const routes = new Map<number, SendRoute | null>();
  for (const row of rows) {
    if (row.oaId) routes.set(row.id, { oaId: row.oaId, ratePerSec: row.ratePerSec ?? defaultRatePerSec });
    else if (!throughPersonalAccount(row) && sole) routes.set(row.id, { oaId: sole.oaId, ratePerSec: sole.ratePerSec });
    else routes.set(row.id, null);
  }
  return routes;
}

function throughPersonalAccount(row: { channel: string; recipientId: string }): boolean {
  return row.channel === 'zalo_group' && row.recipientId.startsWith('zca:');
}
