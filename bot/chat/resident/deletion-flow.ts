import { deleteResidentData } from '../../domain/residents/delete-resident-data.ts';
import { texts } from '../texts.vi.ts';
import { clearConversationState, resumableState, saveConversationState } from '../../domain/conversations/conversation-state.ts';
import type { FormState } from '../../domain/conversations/conversation-state.ts';
import type { FormInput } from './form-inputs.ts';
import { consentAnswer, yesOrStop } from './form-inputs.ts';
import { withButtons } from './replies.ts';
import { resumeForm } from './resume-form.ts';
import type { Turn } from './turn.ts';

/**
 * "xóa dữ liệu của tôi": one confirmation, then everything personal is removed at once. A form in
 * progress is kept aside and taken up again if the resident says no.
 */
export async function askDeletion(turn: Turn, resume: FormState | null = null): Promise<void> {
  await saveConversationState(turn.db, turn.resident.id, { kind: 'deletion', step: 'confirm', requestedAt: turn.now.toISOString(), resume: resume ?? undefined }, turn.now);
  turn.say(
    withButtons(texts.deletionAsk, [
      { label: texts.buttons.deleteYes, action: { kind: 'delete', confirm: true } },
      { label: texts.buttons.deleteNo, action: { kind: 'delete', confirm: false } },
    ]),
  );
}

/** False when the reply is neither yes nor no (the conversation deals with it). */
export async function answerDeletion(turn: Turn, state: { requestedAt: string; resume?: unknown }, input: FormInput): Promise<boolean> {
  const confirmed = input.action?.kind === 'delete' ? input.action.confirm : consentAnswer(input);
  if (confirmed === null) {
    if (input.reading?.stop !== 'ambiguous') return false;
    turn.say(yesOrStop({ yes: texts.buttons.deleteYes, no: texts.buttons.deleteNo }));
    return true;
  }
  if (!confirmed) {
    turn.say({ kind: 'text', text: texts.deletionKept });
    const resume = resumableState(state.resume);
    if (resume) await resumeForm(turn, resume);
    else await clearConversationState(turn.db, turn.resident.id);
    return true;
  }
  const toTeams = await deleteResidentData(turn.db, {
    residentId: turn.resident.id,
    oaId: turn.resident.oaId,
    zaloUserId: turn.resident.zaloUserId,
    requestedAt: new Date(state.requestedAt),
    now: turn.now,
    withdrawn: (r) => ({ kind: 'text', text: texts.teamRequestWithdrawn(r.id) }),
  });
  turn.otherOutboxIds.push(...toTeams);
  turn.residentDeleted = true;
  // Anything said earlier in this turn would now be stored again: only the confirmation goes out.
  turn.replies.length = 0;
  turn.say({ kind: 'text', text: texts.deletionDone });
  return true;
}
