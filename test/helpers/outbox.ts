import { and, eq, inArray } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { queueReplies } from '../../bot/domain/outbox/queue-replies.ts';
import { outboundMessages } from '../../db/schema/index.ts';
import type { TestStack } from './test-stack.ts';
import { waitFor } from './wait-for.ts';

/** Writes one text message to the outbox for `userId` and hands it to the queue. Returns its id. */
export async function queueText(stack: TestStack, userId: string, text: string, options: { enqueue?: boolean } = {}): Promise<number> {
  const [id] = await queueReplies(stack.core.db, {
    cause: `test-${randomUUID()}`,
    oaId: stack.config.zalo?.oaId ?? '',
    recipientUserId: userId,
    residentId: null,
    inboundEventId: null,
    contents: [{ kind: 'text', text }],
  });
  if (id === undefined) throw new Error('no outbox row written');
  if (options.enqueue !== false) await stack.core.queues.enqueueOutbound([id]);
  return id;
}

export async function outboxRow(stack: TestStack, id: number) {
  const [row] = await stack.core.db.select().from(outboundMessages).where(eq(outboundMessages.id, id));
  if (!row) throw new Error(`no outbox row ${id}`);
  return row;
}

/** Waits until the row reaches a final status and returns it. */
export function settledRow(stack: TestStack, id: number, timeoutMs = 15_000) {
  return waitFor(
    async () => {
      const row = await outboxRow(stack, id);
      return row.status === 'sent' || row.status === 'failed' ? row : undefined;
    },
    { timeoutMs, what: `outbox row ${id} to settle` },
  );
}

/**
 * Waits until at least `atLeast` messages reached this resident at the fake Zalo and nothing more
 * is waiting to be sent to them; returns what arrived, in order. Fails if any outbox row was
 * delivered twice (each delivery must match exactly one row's recorded Zalo message id).
 */
export async function settledRepliesTo(stack: TestStack, userId: string, options: { atLeast?: number; timeoutMs?: number } = {}) {
  const delivered = () => stack.fake.state.delivered.filter((d) => d.to === `user:${userId}`);
  await waitFor(
    async () => {
      if (delivered().length < (options.atLeast ?? 1)) return false;
      const open = await stack.core.db
        .select({ id: outboundMessages.id })
        .from(outboundMessages)
        .where(and(eq(outboundMessages.recipientId, userId), inArray(outboundMessages.status, ['pending', 'sending'])));
      return open.length === 0;
    },
    { timeoutMs: options.timeoutMs ?? 15_000, what: `replies to ${userId} to settle` },
  ).catch((err: unknown) => {
    // Say what did arrive: a conversation that went another way shows where at once.
    const texts = delivered().map((d) => (d.text ?? JSON.stringify(d.message)).slice(0, 120));
    throw new Error(`${err instanceof Error ? err.message : String(err)} (${texts.length} of ${options.atLeast ?? 1} arrived: ${JSON.stringify(texts)})`);
  });
  const arrived = delivered();
  const rows = await stack.core.db
    .select({ id: outboundMessages.id })
    .from(outboundMessages)
    .where(inArray(outboundMessages.zaloMessageId, arrived.map((d) => d.messageId)));
  if (rows.length !== arrived.length) throw new Error(`${arrived.length} messages delivered to ${userId} but only ${rows.length} outbox rows account for them`);
  return arrived;
}
