import { answerConfirmation } from './confirmations.ts';
import type { ConversationState } from '../../domain/conversations/conversation-state.ts';
import { answerDeletion } from './deletion-flow.ts';
import type { FormInput } from './form-inputs.ts';
import { continueQuestionForm } from './question-form.ts';
import type { Turn } from './turn.ts';
import { continueVisitForm } from './visit-form.ts';

/**
 * The reply (a tapped button or typed text) taken as the answer to what the bot is waiting on.
 * False when it answers nothing: the conversation then reads it some other way.
 */
export async function answerPendingQuestion(turn: Turn, state: ConversationState, input: FormInput): Promise<boolean> {
  switch (state.kind) {
    case 'visit':
      return continueVisitForm(turn, state, input);
    case 'question':
      return continueQuestionForm(turn, state, input);
    case 'deletion':
      return answerDeletion(turn, state, input);
    case 'confirm':
      return answerConfirmation(turn, state, input.action?.kind === 'confirm' ? input.action.choice : null, input.reading);
  }
}
