import { findActiveGuideRun } from '../../../db/queries/guide-runs.ts';
import { optIn, optOut } from '../../domain/residents/opt-out.ts';
import { isGuideId } from '../../guides/guide.ts';
import { parseAction } from '../button-actions.ts';
import type { ButtonAction } from '../button-actions.ts';
import { classifyIntent } from '../nlu/classify-intent.ts';
import type { Classification } from '../nlu/classify-intent.ts';
import { redactedCodeMarker, redactedIdMarker } from '../redact-sensitive-text.ts';
import { texts } from '../texts.vi.ts';
import { controlWord, isDeletionRequest } from './control-words.ts';
import { clearConversationState, loadConversationState } from './conversation-state.ts';
import type { ConversationState } from './conversation-state.ts';
import { answerDeletion, askDeletion } from './deletion-flow.ts';
import type { FormInput } from './form-inputs.ts';
import { activeRunOrNotice, continueGuide, startGuideFlow } from './guide-flow.ts';
import { answerHelpQuestion } from './help-confirmation.ts';
import { welcomeIfNew } from './handle-resident-event.ts';
import { continueQuestionForm, startQuestionForm } from './question-form.ts';
import { mainMenu, mainMenuButtons, menuButton, topicButton, withButtons } from './replies.ts';
import type { Turn } from './turn.ts';
import { continueVisitForm, startVisitForm } from './visit-form.ts';

/** A new topic interrupts a guide only when the classifier is this sure. */
const switchTopicScore = 0.55;

/**
 * One message from a resident. The order matters: a stop request is honoured before any guide or
 * form; a deletion request before anything is stored again; an unfinished form gets its answer;
 * a guide in progress gets "tiếp"/"chưa được"; everything else is a question.
 */
export async function handleResidentMessage(turn: Turn, text: string | null): Promise<void> {
  const firstContact = await welcomeIfNew(turn);
  if (!text) {
    turn.say(withButtons(texts.mediaReceived, mainMenuButtons()));
    return;
  }
  const action = parseAction(text);
  if (action) return handleAction(turn, action);
  if (text.includes(redactedCodeMarker) || text.includes(redactedIdMarker)) turn.say({ kind: 'text', text: texts.sensitiveShared });

  const state = await loadConversationState(turn.db, turn.resident.id, turn.now);
  const word = controlWord(text);
  if (state && word === 'cancel') {
    await clearConversationState(turn.db, turn.resident.id);
    turn.say({ kind: 'text', text: texts.formCancelled });
    return;
  }
  const intent = classifyIntent(text);
  if (intent.intent === 'unsubscribe') {
    await optOut(turn.db, { residentId: turn.resident.id, now: turn.now });
    turn.say({ kind: 'text', text: texts.optedOut });
    return;
  }
  if (word === 'optIn') {
    await optIn(turn.db, { residentId: turn.resident.id, now: turn.now });
    turn.say({ kind: 'text', text: texts.optedIn });
    return;
  }
  if (isDeletionRequest(text)) return askDeletion(turn);
  if (state) return continueForm(turn, state, { action: null, text });

  const run = await findActiveGuideRun(turn.db, turn.resident.id);
  if (run) {
    if (word === 'next' || word === 'stuck') return continueGuide(turn, run, word);
    if (word === 'visit') return startVisitForm(turn, run.guideId);
    if (isNewTopic(intent)) return actOnIntent(turn, intent, firstContact);
    return continueGuide(turn, run, 'nudge');
  }
  if (word === 'visit') return startVisitForm(turn, null);
  if (word === 'thanks') {
    turn.say(withButtons(texts.thanksBack, [menuButton]));
    return;
  }
  return actOnIntent(turn, intent, firstContact);
}

async function handleAction(turn: Turn, action: ButtonAction): Promise<void> {
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
      const run = await findActiveGuideRun(turn.db, turn.resident.id);
      return startVisitForm(turn, run?.guideId ?? null);
    }
    case 'topic':
      return actOnIntent(turn, { intent: action.intent, score: 1, ambiguous: false, candidates: [] }, false);
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
    case 'delete': {
      const state = await loadConversationState(turn.db, turn.resident.id, turn.now);
      if (state) return continueForm(turn, state, { action, text: null });
      // A button from a form that has already ended.
      turn.say(mainMenu());
      return;
    }
  }
}

async function continueForm(turn: Turn, state: ConversationState, input: FormInput): Promise<void> {
  switch (state.kind) {
    case 'visit':
      return continueVisitForm(turn, state, input);
    case 'question':
      return continueQuestionForm(turn, state.step, input);
    case 'deletion':
      return answerDeletion(turn, state.requestedAt, input);
  }
}

async function actOnIntent(turn: Turn, c: Classification, firstContact: boolean): Promise<void> {
  if (c.ambiguous) {
    const topics = c.candidates.map((x) => x.intent).filter(isGuideId);
    turn.say(withButtons(texts.chooseTopic, [...topics.slice(0, 3).map(topicButton), { label: texts.buttons.otherTopic, action: { kind: 'menu' } }]));
    return;
  }
  if (isGuideId(c.intent)) return startGuideFlow(turn, c.intent);
  switch (c.intent) {
    case 'home-visit':
      return startVisitForm(turn, c.candidates.map((x) => x.intent).find(isGuideId) ?? null);
    case 'human':
      return startQuestionForm(turn);
    case 'greeting':
      turn.say(mainMenu(firstContact ? texts.menuPrompt : texts.greetingBack));
      return;
    case 'unsubscribe':
    case 'unknown':
      turn.say(mainMenu(texts.notUnderstood));
      return;
  }
}

function isNewTopic(c: Classification): boolean {
  return c.intent !== 'unknown' && c.intent !== 'greeting' && (c.ambiguous || c.score >= switchTopicScore);
}
