import type { GuideRunRow } from '../../../db/queries/guide-runs.ts';
import { recordResidentDetails } from '../../domain/residents/resident-details.ts';
import { optIn, optOut } from '../../domain/residents/opt-out.ts';
import { isGuideId } from '../../guides/guide.ts';
import { parseAction } from '../button-actions.ts';
import { redactedMarkers } from '../redact-sensitive-text.ts';
import { texts } from '../texts.vi.ts';
import { actOnIntent } from './act-on-intent.ts';
import { detectSelfForm, impliedByVocative } from './address-form.ts';
import { answerPendingQuestion } from './answer-pending-question.ts';
import { askCancelForm, askCancelRequest, askStop, askStopDuring } from './confirmations.ts';
import { loadConversationState } from '../../domain/conversations/conversation-state.ts';
import type { ConversationState, FormState } from '../../domain/conversations/conversation-state.ts';
import { askDeletion } from './deletion-flow.ts';
import { continueGuide, startGuideFlow } from './guide-flow.ts';
import { handleAction } from './handle-action.ts';
import { answerHelpQuestion } from './help-confirmation.ts';
import { welcomeIfNew } from './handle-resident-event.ts';
import { isOwnQuestion, readMessage } from './message-reading.ts';
import type { MessageReading } from './message-reading.ts';
import { mainMenuButtons, menuButton, withButtons } from './replies.ts';
import { formName, repromptForm } from './resume-form.ts';
import type { Turn } from './turn.ts';
import { startingDoneRequest, startingRun, startingState } from './turn-start.ts';
import { startVisitForm } from './visit-form.ts';

/** What is in progress for this resident when a message arrives. */
type Context = { state: ConversationState | null; run: GuideRunRow | null; firstContact: boolean };
/** One reading of the message in context: true when it handled the message. */
type ContextStep = (turn: Turn, reading: MessageReading, context: Context) => Promise<boolean>;

/** A new topic interrupts a guide only when the classifier is this sure. */
const switchTopicScore = 0.55;

/**
 * One message from a resident, read in a fixed precedence so that context always comes first:
 * 1. the question the bot is waiting on (a form step, a confirmation, or "đã được hỗ trợ xong
 *    chưa?" after a team closed a request, when that is the latest question) gets its answer;
 * 2. a guide step on screen gets "tiếp", "chưa được", "nhờ tổ", "xem lại";
 * 3. a stop, deletion or cancel that would interrupt something in progress is confirmed first;
 * 4. requests that need no topic: opt back in, stop, delete, cancel a request, a visit, thanks;
 * 5. anything else is a question in its own right; a form in progress is then asked again.
 */
const precedence: readonly ContextStep[] = [answerPending, answerTeamQuestion, steerGuide, confirmInterruption, answerRequest, answerQuestion];

export async function handleResidentMessage(turn: Turn, text: string | null): Promise<void> {
  const firstContact = welcomeIfNew(turn);
  if (!text) {
    turn.say(withButtons(texts.mediaReceived, mainMenuButtons()));
    return;
  }
  const action = parseAction(text);
  if (action) return handleAction(turn, action);
  if (redactedMarkers.some((marker) => text.includes(marker))) turn.say({ kind: 'text', text: texts.sensitiveShared });
  await rememberAddressForm(turn, text);
  const reading = readMessage(text);
  const context: Context = {
    state: await startingState(turn),
    run: await startingRun(turn),
    firstContact,
  };
  for (const step of precedence) if (await step(turn, reading, context)) return;
}

async function answerPending(turn: Turn, reading: MessageReading, context: Context): Promise<boolean> {
  const { state } = context;
  if (!state) return false;
  const answered = await answerPendingQuestion(turn, state, { action: null, text: reading.text, reading });
  // A confirmation nobody answered puts back what it kept aside.
  if (!answered && state.kind === 'confirm') context.state = await loadConversationState(turn.db, turn.resident.id, turn.now);
  return answered;
}

/** A typed yes or no to "đã được hỗ trợ xong chưa?", when that is the most recent question asked. */
async function answerTeamQuestion(turn: Turn, reading: MessageReading, { run, state }: Context): Promise<boolean> {
  if (state) return false;
  if (reading.yesNo === 'unclear' && reading.guideMove !== 'next' && reading.guideMove !== 'stuck') return false;
  const request = await startingDoneRequest(turn);
  if (!request?.closedAt || (run && run.updatedAt > request.closedAt)) return false;
  const solved = reading.yesNo === 'yes' || (reading.yesNo === 'unclear' && reading.guideMove === 'next');
  await answerHelpQuestion(turn, request.id, solved);
  return true;
}

async function steerGuide(turn: Turn, reading: MessageReading, { run }: Context): Promise<boolean> {
  if (!run || !reading.guideMove || isNewTopic(reading, run)) return false;
  if (reading.guideMove === 'repeat' && /đầu|\bdau\b/i.test(reading.text) && isGuideId(run.guideId)) {
    await startGuideFlow(turn, run.guideId);
    return true;
  }
  if (reading.guideMove === 'visit') await startVisitForm(turn, run.guideId, reading.text);
  else await continueGuide(turn, run, reading.guideMove);
  return true;
}

async function confirmInterruption(turn: Turn, reading: MessageReading, { state, run }: Context): Promise<boolean> {
  const form = state && state.kind !== 'confirm' ? state : null;
  if (!form && !run) return false;
  // "hủy" in a form cancels the form (asked once); elsewhere it is a stop.
  if (reading.control === 'cancel') {
    if (form) await askCancelForm(turn, form);
    else await askStopDuring(turn, null);
    return true;
  }
  if (reading.stop !== 'none') {
    await askStopDuring(turn, form);
    return true;
  }
  if (reading.wantsDeletion) {
    await askDeletion(turn, form?.kind === 'deletion' ? null : form);
    return true;
  }
  return false;
}

async function answerRequest(turn: Turn, reading: MessageReading, { state, run }: Context): Promise<boolean> {
  if (reading.control === 'optIn') {
    await optIn(turn.db, { residentId: turn.resident.id, now: turn.now });
    turn.say({ kind: 'text', text: texts.optedIn });
    return true;
  }
  if (reading.stop === 'clear') {
    await optOut(turn.db, { residentId: turn.resident.id, now: turn.now });
    turn.say({ kind: 'text', text: texts.optedOut });
    return true;
  }
  if (reading.stop === 'ambiguous') {
    await askStop(turn);
    return true;
  }
  if (reading.wantsDeletion) {
    await askDeletion(turn);
    return true;
  }
  if (reading.control === 'cancelRequest' || (reading.control === 'cancel' && !state && !run)) {
    await askCancelRequest(turn);
    return true;
  }
  if (reading.control === 'visit') {
    await startVisitForm(turn, run?.guideId ?? null, reading.text);
    return true;
  }
  if (reading.intent.subIntent === 'thanks' && !isOwnQuestion(reading)) {
    turn.say(withButtons(texts.thanksBack, [menuButton]));
    return true;
  }
  return false;
}

async function answerQuestion(turn: Turn, reading: MessageReading, context: Context): Promise<boolean> {
  const { intent } = reading;
  const form: FormState | null = context.state && context.state.kind !== 'confirm' ? context.state : null;
  if (form && !isOwnQuestion(reading)) {
    // Not an answer and not a question: ask the form's question again rather than guess.
    turn.say({ kind: 'text', text: texts.formReprompt });
    await repromptForm(turn, form);
    return true;
  }
  const { run } = context;
  if (run && !form && !isNewTopic(reading, run)) {
    await continueGuide(turn, run, 'nudge');
    return true;
  }
  if (!run && reading.yesNo !== 'unclear' && (intent.intent === 'greeting' || intent.intent === 'unknown') && intent.subIntent === null) {
    turn.say(withButtons(texts.acknowledged, mainMenuButtons()));
    return true;
  }
  await actOnIntent(turn, intent, reading.text, context.firstContact, run?.guideId ?? null);
  if (form) {
    // Nothing the resident started is dropped silently: the form waits, and says so.
    turn.say({ kind: 'text', text: texts.formKept(formName(form)) });
    await repromptForm(turn, form);
  }
  return true;
}

/** A confident question about another topic than the guide on screen: it takes over. */
function isNewTopic({ intent }: MessageReading, run: GuideRunRow): boolean {
  if (intent.intent === run.guideId || intent.intent === 'unknown' || intent.intent === 'greeting' || intent.intent === 'unsubscribe') return false;
  return intent.ambiguous || intent.pair !== null || intent.score >= switchTopicScore;
}

/**
 * Keeps how the resident speaks of themselves, so every reply from now on addresses them alike.
 * What calling the bot "cháu" implies ("bác") never overrides a form they used themselves.
 */
async function rememberAddressForm(turn: Turn, text: string): Promise<void> {
  const form = detectSelfForm(text) ?? (turn.resident.addressForm ? null : impliedByVocative(text));
  if (!form || form === turn.resident.addressForm) return;
  await recordResidentDetails(turn.db, turn.resident.id, { addressForm: form });
  turn.resident = { ...turn.resident, addressForm: form };
}
