import { z } from 'zod';

/**
 * Queue names, job names and their payloads, shared by the bot (producer) and the workers.
 * Payloads carry ids only: job data sits in Redis in clear text, so no names, phones or messages.
 */
/** `zca-outbound` is worked only by the groups process, which holds the personal account's session. */
export const queueNames = ['inbound', 'outbound', 'maintenance', 'zca-outbound'] as const;
export type QueueName = (typeof queueNames)[number];

const rowId = z.number().int().positive();

export const jobPayloads = {
  'handle-inbound': z.object({ inboundEventId: rowId }),
  /**
   * `followingIds`: the rest of one turn's rows, sent in this order by the same job after the first.
   * `oaId`: the OA that sends them, as the hand-over found it (absent: the send step looks it up).
   * `slotAt`: when the job waited in the delayed set for its OA's send slots, the time they were for.
   */
  'send-outbound': z.object({ outboundMessageId: rowId, followingIds: z.array(rowId).optional(), oaId: z.string().optional(), slotAt: z.number().optional() }),
  'send-zca-outbound': z.object({ outboundMessageId: rowId }),
  'refresh-oa-token': z.object({}),
  'sweep-follow-ups': z.object({}),
  'send-weekly-digests': z.object({}),
  'send-monthly-reports': z.object({}),
  'sweep-reminders': z.object({}),
} as const;

export type JobName = keyof typeof jobPayloads;
export type JobPayload<N extends JobName> = z.infer<(typeof jobPayloads)[N]>;

/** Which queue each job runs on. */
export const jobQueue = {
  'handle-inbound': 'inbound',
  'send-outbound': 'outbound',
  'send-zca-outbound': 'zca-outbound',
  'refresh-oa-token': 'maintenance',
  'sweep-follow-ups': 'maintenance',
  'send-weekly-digests': 'maintenance',
  'send-monthly-reports': 'maintenance',
  'sweep-reminders': 'maintenance',
} as const satisfies Record<JobName, QueueName>;

/** Deterministic ids so a re-enqueue of the same work is a no-op while the job exists. */
export const jobIds = {
  'handle-inbound': (p: JobPayload<'handle-inbound'>) => `inbound-${p.inboundEventId}`,
  'send-outbound': (p: JobPayload<'send-outbound'>) => `outbound-${p.outboundMessageId}`,
  'send-zca-outbound': (p: JobPayload<'send-zca-outbound'>) => `zca-outbound-${p.outboundMessageId}`,
} as const;
