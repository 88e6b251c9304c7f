import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { countInboundHealth } from '../../../db/queries/inbound-events.ts';
import { countOutboxHealth } from '../../../db/queries/outbound-messages.ts';

/**
 * `/metrics` in Prometheus text format. The numbers come from Postgres, so every bot process
 * reports the same totals whichever process did the work. Only counts: no ids, names or text.
 */
export async function metricsRoutes(app: FastifyInstance, opts: { db: Db }) {
  app.get('/metrics', async (_request, reply) => {
    const [inbound, outbox] = await Promise.all([countInboundHealth(opts.db), countOutboxHealth(opts.db)]);
    const lines = [
      ...family('cdt_inbound_events', 'Webhook and group events stored, by status.', Object.entries(inbound.status).map(([status, n]) => [{ status }, n])),
      ...family('cdt_inbound_ignored', 'Events stored as ignored, by reason.', Object.entries(inbound.ignoredByReason).map(([reason, n]) => [{ reason }, n])),
      ...family('cdt_outbox_messages', 'Outbox rows by status.', Object.entries(outbox.status).map(([status, n]) => [{ status }, n])),
      ...family('cdt_outbox_possibly_duplicate', 'Messages resent while delivery of the first attempt could not be checked.', [[{}, outbox.possiblyDuplicate]]),
      ...family('cdt_outbox_unconfirmed', 'Messages given up because delivery could not be checked.', [[{}, outbox.unconfirmed]]),
      ...family('cdt_outbox_unverified', 'Messages waiting now because delivery cannot be checked.', [[{}, outbox.unverifiedNow]]),
    ];
    return reply.type('text/plain; version=0.0.4').send(`${lines.join('\n')}\n`);
  });
}

function family(name: string, help: string, samples: [Record<string, string>, number][]): string[] {
  const label = (labels: Record<string, string>) => {
    const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`);
    return parts.length > 0 ? `{${parts.join(',')}}` : '';
  };
  return [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, ...samples.map(([labels, n]) => `${name}${label(labels)} ${n}`)];
}
