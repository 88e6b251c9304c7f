import { z } from 'zod';
import type { DbOrTx } from '../../../db/client.ts';
import { deleteConversationState, findConversationState, upsertConversationState } from '../../../db/queries/conversation-states.ts';
import type { ConversationStateRow } from '../../../db/queries/conversation-states.ts';

/** A form left unfinished for this long is forgotten; the next message starts afresh. */
const lifetimeMs = 24 * 3600_000;

export const visitFormSchema = z.object({
  kind: z.literal('visit'),
  step: z.enum(['consent', 'village', 'need', 'need-text', 'time', 'phone', 'phone-wait', 'address']),
  topic: z.string().nullable(),
  villageId: z.number().int().nullable(),
  place: z.string().nullable(),
  villageMisses: z.number().int(),
  note: z.string().nullable(),
  time: z.string().nullable(),
});
/** `draft`: what the resident already said (a complaint), filed as soon as they consent. */
export const questionFormSchema = z.object({ kind: z.literal('question'), step: z.enum(['consent', 'question']), draft: z.string().nullable().default(null) });
/** `resume`: the exchange the request interrupted, taken up again when the resident says no. */
export const deletionFormSchema = z.object({ kind: z.literal('deletion'), step: z.literal('confirm'), requestedAt: z.string(), resume: z.unknown().optional() });
/**
 * A question the bot asked before doing something that silences or throws away: stopping our
 * messages, cancelling a form in progress, cancelling a filed request, or telling "đúng" from "dừng".
 */
export const confirmSchema = z.object({
  kind: z.literal('confirm'),
  step: z.enum(['stop', 'stop-during', 'cancel-form', 'cancel-request']),
  requestId: z.number().int().nullable().default(null),
  /** What was in progress: a form (its saved state) or a guide. */
  during: z.enum(['form', 'guide']).nullable().default(null),
  resume: z.unknown().optional(),
});

export const conversationStateSchema = z.discriminatedUnion('kind', [visitFormSchema, questionFormSchema, deletionFormSchema, confirmSchema]);
export type ConversationState = z.infer<typeof conversationStateSchema>;
export type VisitForm = z.infer<typeof visitFormSchema>;
export type QuestionForm = z.infer<typeof questionFormSchema>;
export type Confirmation = z.infer<typeof confirmSchema>;
/** The exchanges that are forms the resident fills in (and can be resumed). */
export type FormState = Exclude<ConversationState, Confirmation>;

/** The resident's unfinished exchange, or null (none, expired, or written by an older version). */
export async function loadConversationState(db: DbOrTx, residentId: number, now: Date): Promise<ConversationState | null> {
  return conversationStateOf(db, await findConversationState(db, residentId), now);
}

/** The exchange a stored row holds; an expired or unreadable one is deleted and counts as none. */
export async function conversationStateOf(db: DbOrTx, row: ConversationStateRow | null, now: Date): Promise<ConversationState | null> {
  if (!row) return null;
  const parsed = conversationStateSchema.safeParse({ ...(typeof row.data === 'object' ? row.data : {}), kind: row.kind, step: row.step });
  if (row.expiresAt <= now || !parsed.success) {
    await deleteConversationState(db, row.residentId);
    return null;
  }
  return parsed.data;
}

export async function saveConversationState(db: DbOrTx, residentId: number, state: ConversationState, now: Date): Promise<void> {
  const { kind, step, ...data } = state;
  await upsertConversationState(db, { residentId, kind, step, data, updatedAt: now, expiresAt: new Date(now.getTime() + lifetimeMs) });
}

export async function clearConversationState(db: DbOrTx, residentId: number): Promise<void> {
  await deleteConversationState(db, residentId);
}

/** A saved state taken back from a confirmation's `resume`, if it is still a valid one. */
export function resumableState(resume: unknown): FormState | null {
  const parsed = conversationStateSchema.safeParse(resume);
  return parsed.success && parsed.data.kind !== 'confirm' ? parsed.data : null;
}
