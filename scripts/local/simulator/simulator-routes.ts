import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { LocalScenario } from '../local-scenario.ts';
import { simulatorActions } from './simulator-actions.ts';
import type { Feed } from './simulator-feed.ts';
import { postWebhook } from './post-webhook.ts';
import type { SigningKeys } from './post-webhook.ts';
import { samplePictures } from './sample-pictures.ts';
import type { EventIds } from './webhook-events.ts';

export type SimulatorContext = {
  botUrl: string;
  /** How the OA is named in the chats, e.g. "OA Xã Demo". */
  oaName: string;
  keys: SigningKeys & EventIds;
  scenario: LocalScenario;
  feed: Feed;
  /** The simulator's own address, for picture URLs handed to the bot (known once it listens). */
  ownUrl: () => string;
  miniappUrl: string | null;
};

const sinceQuery = z.object({ since: z.coerce.number().int().min(0).default(0) });

/** The page's JSON API: what to show, and actions that each become one signed webhook event. */
export function simulatorApiRoutes(app: FastifyInstance, ctx: SimulatorContext): void {
  app.get('/simulator/api/scenario', async () => scenarioForPage(ctx));

  app.get('/simulator/api/messages', async (request, reply) => {
    const q = sinceQuery.safeParse(request.query);
    if (!q.success) return reply.code(400).send({ ok: false, error: 'Tham số since không hợp lệ.' });
    return { entries: ctx.feed.after(q.data.since) };
  });

  for (const [path, act] of Object.entries(simulatorActions)) {
    app.post(`/simulator/api/${path}`, async (request, reply) => {
      const prepared = act({ ids: ctx.keys, scenario: ctx.scenario, feed: ctx.feed, ownUrl: ctx.ownUrl() }, request.body);
      if (typeof prepared === 'string') return reply.code(400).send({ ok: false, error: prepared });
      // The bubble goes in first, so the bot's answer can only come after it.
      const entry = ctx.feed.addPost(prepared.post);
      const outcome = await postWebhook(ctx.botUrl, ctx.keys, prepared.event);
      if (outcome.ok) return { ok: true, seq: entry.seq };
      entry.error = outcome.error;
      return reply.code(502).send({ ok: false, seq: entry.seq, error: outcome.error });
    });
  }
}

/** Who can be played. What a resident shares (name, phone) stays on the server, which sends it. */
function scenarioForPage(ctx: SimulatorContext) {
  const { scenario } = ctx;
  return {
    oaName: ctx.oaName,
    commune: scenario.commune,
    residents: scenario.residents.map((r) => ({ id: r.zaloUserId, label: r.label })),
    groups: scenario.groups.map((g) => ({
      id: g.groupId,
      name: g.name,
      kind: g.kind,
      members: g.members.map((m) => ({ id: m.zaloUserId, name: m.name, role: m.role })),
    })),
    samples: samplePictures.map((p) => ({ id: p.id, label: p.label, url: `/simulator/samples/${p.id}.png` })),
    miniappUrl: ctx.miniappUrl,
  };
}
