import type { ButtonAction } from '../button-actions.ts';
import { actOnIntent } from './act-on-intent.ts';
import { activeRunOrNotice, continueGuide } from './guide-flow.ts';
import { answerHelpQuestion } from './help-confirmation.ts';
import { answerPendingQuestion } from './answer-pending-question.ts';
import { startQuestionForm } from './question-form.ts';
import { mainMenu } from './replies.ts';
import type { Turn } from './turn.ts';
import { startingRun, startingState } from './turn-start.ts';
import { startVisitForm } from './visit-form.ts';

/** A tapped button: its meaning is exact, so it needs no reading in context. */
export async function handleAction(turn: Turn, action: ButtonAction): Promise<void> {
  switch (action.kind) {
    case 'guide-next':
    case 'guide-stuck':
    case 'guide-repeat':
    case 'follow-up-done': {
      const run = await activeRunOrNotice(turn);
      if (!run) return;
      const move = action.kind === 'guide-next' ? 'next' : action.kind === 'guide-stuck' ? 'stuck' : action.kind === 'guide-repeat' ? 'repeat' : 'done';
      return continueGuide(turn, run, move);
    }
    case 'guide-visit': {
      const run = await startingRun(turn);
      return startVisitForm(turn, run?.guideId ?? null);
    }
    case 'topic':
      return actOnIntent(turn, { intent: action.intent, subIntent: null, score: 1, ambiguous: false, candidates: [], pair: null, topic: null }, '', false);
    case 'menu':
      turn.say(mainMenu());
      return;
    case 'human':
      return startQuestionForm(turn);
    case 'visit':
      return startVisitForm(turn, null);
    case 'help-solved':
      return answerHelpQuestion(turn, action.requestId, action.solved);
    case 'consent':
    case 'village':
    case 'need':
    case 'time':
    case 'phone':
    case 'delete':
    case 'confirm': {
      const state = await startingState(turn);
      if (state && (await answerPendingQuestion(turn, state, { action, text: null, reading: null }))) return;
      // A button from an exchange that has already ended.
      turn.say(mainMenu());
      return;
    }
  }
}
