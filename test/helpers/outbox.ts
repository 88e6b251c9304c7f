import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { queueReplies } from '../../bot/domain/outbox/queue-replies.ts';
import { outboundMessages } from '../../db/schema/index.ts';
import type { TestStack } from './test-stack.ts';
import { waitFor } from './wait-for.ts';

/** Writes one text message to the outbox for `userId` and hands it to the queue. Returns its id. */
export async function queueText(stack: TestStack, userId: string, text: string, options: { enqueue?: boolean } = {}): Promise<number> {
  const [id] = await queueReplies(stack.core.db, {
    cause: `test-${randomUUID()}`,
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
