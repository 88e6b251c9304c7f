import { deleteResidentData } from '../../domain/residents/delete-resident-data.ts';
import { texts } from '../texts.vi.ts';
import { clearConversationState, saveConversationState } from './conversation-state.ts';
import type { FormInput } from './form-inputs.ts';
import { consentAnswer } from './form-inputs.ts';
import { withButtons } from './replies.ts';
import type { Turn } from './turn.ts';

/** "xóa dữ liệu của tôi": one confirmation, then everything personal is removed at once. */
export async function askDeletion(turn: Turn): Promise<void> {
  await saveConversationState(turn.db, turn.resident.id, { kind: 'deletion', step: 'confirm', requestedAt: turn.now.toISOString() }, turn.now);
  turn.say(
    withButtons(texts.deletionAsk, [
      { label: texts.buttons.deleteYes, action: { kind: 'delete', confirm: true } },
      { label: texts.buttons.deleteNo, action: { kind: 'delete', confirm: false } },
    ]),
  );
}

export async function answerDeletion(turn: Turn, requestedAt: string, input: FormInput): Promise<void> {
  const confirmed = input.action?.kind === 'delete' ? input.action.confirm : consentAnswer(input);
  if (confirmed === null) return askDeletion(turn);
  if (!confirmed) {
    await clearConversationState(turn.db, turn.resident.id);
    turn.say({ kind: 'text', text: texts.deletionKept });
    return;
  }
  await deleteResidentData(turn.db, { residentId: turn.resident.id, zaloUserId: turn.resident.zaloUserId, requestedAt: new Date(requestedAt), now: turn.now });
  turn.residentDeleted = true;
  // Anything said earlier in this turn would now be stored again: only the confirmation goes out.
  turn.replies.length = 0;
  turn.say({ kind: 'text', text: texts.deletionDone });
}
