import { listOpenHelpRequestsOfResident } from '../../../db/queries/help-requests.ts';
import { stopGuides } from '../../domain/guides/guide-progress.ts';
import { cancelHelpRequest } from '../../domain/help-requests/cancel-help-request.ts';
import { optOut } from '../../domain/residents/opt-out.ts';
import type { ConfirmChoice } from '../button-actions.ts';
import { texts } from '../texts.vi.ts';
import { clearConversationState, resumableState, saveConversationState } from '../../domain/conversations/conversation-state.ts';
import type { Confirmation, FormState } from '../../domain/conversations/conversation-state.ts';
import type { MessageReading } from './message-reading.ts';
import { menuButton, withButtons } from './replies.ts';
import { formName, resumeForm } from './resume-form.ts';
import type { Turn } from './turn.ts';

/**
 * Actions that silence a resident or throw something away — stopping our messages, cancelling a
 * form in progress, cancelling a filed request — are confirmed once before they happen. What was
 * in progress is kept aside in the confirmation and taken up again on "no".
 */
const yesNoButtons = (yes: string, no: string) => [
  { label: yes, action: { kind: 'confirm' as const, choice: 'yes' as const } },
  { label: no, action: { kind: 'confirm' as const, choice: 'no' as const } },
];

/** "dung" alone, with nothing in progress: did they mean "dừng"? */
export async function askStop(turn: Turn): Promise<void> {
  await save(turn, { kind: 'confirm', step: 'stop', requestId: null, during: null });
  turn.say(withButtons(texts.askStop, yesNoButtons(texts.buttons.stopYes, texts.buttons.stopNo)));
}

/** A stop while a form or a guide is in progress: cancel that, stop our messages, or go on? */
export async function askStopDuring(turn: Turn, form: FormState | null): Promise<void> {
  const during = form ? 'form' : 'guide';
  await save(turn, { kind: 'confirm', step: 'stop-during', requestId: null, during, resume: form ?? undefined });
  turn.say(
    withButtons(texts.askStopDuring(form ? formName(form) : texts.guideWhat), [
      { label: texts.buttons.cancelCurrent, action: { kind: 'confirm', choice: 'cancel-current' } },
      { label: texts.buttons.stopMessages, action: { kind: 'confirm', choice: 'stop-messages' } },
      { label: texts.buttons.keepGoing, action: { kind: 'confirm', choice: 'no' } },
    ]),
  );
}

/** "hủy" in the middle of a form. */
export async function askCancelForm(turn: Turn, form: FormState): Promise<void> {
  await save(turn, { kind: 'confirm', step: 'cancel-form', requestId: null, during: 'form', resume: form });
  turn.say(withButtons(texts.askCancelForm(formName(form)), yesNoButtons(texts.buttons.cancelYes, texts.buttons.keepGoing)));
}

/** "hủy yêu cầu", "không cần đến nữa": the resident's latest open request, if any. */
export async function askCancelRequest(turn: Turn): Promise<void> {
  const [latest] = await listOpenHelpRequestsOfResident(turn.db, turn.resident.id);
  if (!latest) {
    turn.say(withButtons(texts.noOpenRequest, [menuButton]));
    return;
  }
  await save(turn, { kind: 'confirm', step: 'cancel-request', requestId: latest.id, during: null });
  turn.say(withButtons(texts.askCancelRequest(latest.id), yesNoButtons(texts.buttons.cancelRequestYes, texts.buttons.keep)));
}

/**
 * The answer to a confirmation, from its buttons or typed. False when the reply answers nothing
 * (then whatever was in progress is put back and the conversation deals with the message).
 */
export async function answerConfirmation(turn: Turn, state: Confirmation, choice: ConfirmChoice | null, reading: MessageReading | null): Promise<boolean> {
  const said = choice ?? typedChoice(state, reading);
  const resume = resumableState(state.resume);
  if (said === null) {
    if (resume) await saveConversationState(turn.db, turn.resident.id, resume, turn.now);
    else await clearConversationState(turn.db, turn.resident.id);
    return false;
  }
  await clearConversationState(turn.db, turn.resident.id);
  if (said === 'no') return keepGoing(turn, state, resume);
  switch (state.step) {
    case 'stop':
      await optOut(turn.db, { residentId: turn.resident.id, now: turn.now });
      turn.say({ kind: 'text', text: texts.optedOut });
      return true;
    case 'stop-during':
      if (said === 'stop-messages') {
        await optOut(turn.db, { residentId: turn.resident.id, now: turn.now });
        turn.say({ kind: 'text', text: texts.stoppedBoth });
      } else turn.say({ kind: 'text', text: state.during === 'guide' ? texts.guideStopped : texts.formCancelled });
      await dropCurrent(turn, state);
      return true;
    case 'cancel-form':
      turn.say({ kind: 'text', text: texts.formCancelled });
      return true;
    case 'cancel-request':
      return cancelRequest(turn, state.requestId);
  }
}

async function keepGoing(turn: Turn, state: Confirmation, resume: FormState | null): Promise<boolean> {
  if (state.step === 'cancel-request' && state.requestId !== null) turn.say({ kind: 'text', text: texts.requestKept(state.requestId) });
  else turn.say({ kind: 'text', text: texts.keptGoing });
  if (resume) await resumeForm(turn, resume);
  return true;
}

async function dropCurrent(turn: Turn, state: Confirmation): Promise<void> {
  if (state.during === 'guide') await stopGuides(turn.db, { residentId: turn.resident.id, reason: 'stopped-by-resident', now: turn.now });
}

async function cancelRequest(turn: Turn, requestId: number | null): Promise<boolean> {
  if (requestId === null) return true;
  const outcome = await cancelHelpRequest(turn.db, { requestId, residentId: turn.resident.id, now: turn.now, teamMessage: (r) => ({ kind: 'text', text: texts.teamRequestCancelled(r.id) }) });
  if (outcome.kind === 'cancelled') {
    turn.otherOutboxIds.push(...outcome.outboxIds);
    turn.say({ kind: 'text', text: texts.requestCancelled(requestId) });
  } else turn.say(withButtons(texts.noOpenRequest, [menuButton]));
  return true;
}

/** A typed reply to a confirmation: yes/no words, or (for a stop during a form) "hủy" / "dừng tin". */
function typedChoice(state: Confirmation, reading: MessageReading | null): ConfirmChoice | null {
  if (!reading) return null;
  if (state.step === 'stop-during') {
    if (reading.control === 'cancel') return 'cancel-current';
    if (reading.stop === 'clear') return 'stop-messages';
    if (reading.yesNo === 'no' || reading.guideMove === 'next') return 'no';
    return null;
  }
  if (state.step === 'stop' && reading.stop === 'clear') return 'yes';
  return reading.yesNo === 'unclear' ? null : reading.yesNo;
}

function save(turn: Turn, state: Confirmation): Promise<void> {
  return saveConversationState(turn.db, turn.resident.id, state, turn.now);
}
