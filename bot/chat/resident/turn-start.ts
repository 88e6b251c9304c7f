import { findActiveGuideRun } from '../../../db/queries/guide-runs.ts';
import type { GuideRunRow } from '../../../db/queries/guide-runs.ts';
import { findUnconfirmedDoneRequest } from '../../../db/queries/help-requests.ts';
import type { DoneRequest } from '../../../db/queries/resident-turns.ts';
import { conversationStateOf, loadConversationState } from '../../domain/conversations/conversation-state.ts';
import type { ConversationState } from '../../domain/conversations/conversation-state.ts';
import type { Turn } from './turn.ts';

/**
 * The first reads of a turn take what was loaded with the resident (no round trip); any later read
 * goes to Postgres, because by then the turn may have written.
 */

/** How long "đã được hỗ trợ xong chưa?" waits for a typed answer. */
export const teamQuestionAnswerableMs = 3 * 24 * 3600_000;

export async function startingState(turn: Turn): Promise<ConversationState | null> {
  const { state } = turn.start;
  delete turn.start.state;
  return state === undefined ? loadConversationState(turn.db, turn.resident.id, turn.now) : conversationStateOf(turn.db, state, turn.now);
}

export async function startingRun(turn: Turn): Promise<GuideRunRow | null> {
  const { run } = turn.start;
  delete turn.start.run;
  return run === undefined ? findActiveGuideRun(turn.db, turn.resident.id) : run;
}

/** The latest request a team closed in the last three days that the resident has not confirmed. */
export async function startingDoneRequest(turn: Turn): Promise<DoneRequest | null> {
  const { doneRequest } = turn.start;
  delete turn.start.doneRequest;
  if (doneRequest !== undefined) return doneRequest;
  return findUnconfirmedDoneRequest(turn.db, { residentId: turn.resident.id, since: doneRequestSince(turn.now) });
}

export function doneRequestSince(now: Date): Date {
  return new Date(now.getTime() - teamQuestionAnswerableMs);
}
