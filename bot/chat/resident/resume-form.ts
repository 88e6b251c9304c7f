import { texts } from '../texts.vi.ts';
import { resumableState, saveConversationState } from '../../domain/conversations/conversation-state.ts';
import type { FormState } from '../../domain/conversations/conversation-state.ts';
import { askDeletion } from './deletion-flow.ts';
import { repromptQuestionForm } from './question-form.ts';
import { repromptVisitForm } from './visit-form.ts';
import type { Turn } from './turn.ts';

/** What a form is, in a few words a resident understands ("yêu cầu tổ đến nhà"). */
export function formName(form: FormState): string {
  return form.kind === 'visit' ? texts.visitWhat : form.kind === 'question' ? texts.questionWhat : texts.deletionWhat;
}

/** Takes a form up again where it was: saved back, and its question asked again. */
export async function resumeForm(turn: Turn, form: FormState): Promise<void> {
  await saveConversationState(turn.db, turn.resident.id, form, turn.now);
  await repromptForm(turn, form);
}

/** Asks the question the form is waiting on, again. */
export async function repromptForm(turn: Turn, form: FormState): Promise<void> {
  switch (form.kind) {
    case 'visit':
      return repromptVisitForm(turn, form);
    case 'question':
      return repromptQuestionForm(turn, form);
    case 'deletion':
      return askDeletion(turn, resumableState(form.resume));
  }
}
