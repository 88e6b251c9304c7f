import { NoTeamError, openHelpRequest } from '../../domain/help-requests/open-help-request.ts';
import { hasConsent, recordConsent } from '../../domain/residents/consent.ts';
import { texts } from '../texts.vi.ts';
import { clearConversationState, saveConversationState } from '../../domain/conversations/conversation-state.ts';
import type { QuestionForm } from '../../domain/conversations/conversation-state.ts';
import { consentAnswer, consentQuestion, yesOrStop } from './form-inputs.ts';
import type { FormInput } from './form-inputs.ts';
import { isInterruption } from './message-reading.ts';
import { communeName } from './turn.ts';
import type { Turn } from './turn.ts';

/**
 * "Gặp cán bộ": with consent, the resident's question becomes a request for the commune staff.
 * `draft` is what they already said (a complaint): it is filed as soon as they agree, not asked again.
 */
export async function startQuestionForm(turn: Turn, draft: string | null = null): Promise<void> {
  if (!turn.commune) {
    turn.say({ kind: 'text', text: texts.noTeamAvailable });
    return;
  }
  if (await hasConsent(turn.db, { residentId: turn.resident.id, purpose: 'question' })) {
    if (draft) return fileQuestion(turn, draft);
    return askQuestion(turn);
  }
  await saveConversationState(turn.db, turn.resident.id, { kind: 'question', step: 'consent', draft }, turn.now);
  turn.say(consentQuestion(texts.questionConsent));
}

/** False when the reply is not an answer to the form's question (the conversation deals with it). */
export async function continueQuestionForm(turn: Turn, form: QuestionForm, input: FormInput): Promise<boolean> {
  if (input.reading && isInterruption(input.reading, form.step === 'consent')) return false;
  if (form.step === 'consent') {
    const granted = consentAnswer(input);
    if (granted === null) {
      if (input.reading?.stop !== 'ambiguous') return false;
      turn.say(yesOrStop({ yes: texts.buttons.consentYes, no: texts.buttons.consentNo }));
      return true;
    }
    await recordConsent(turn.db, { residentId: turn.resident.id, purpose: 'question', granted, now: turn.now });
    if (!granted) {
      await clearConversationState(turn.db, turn.resident.id);
      turn.say({ kind: 'text', text: texts.consentDeclined(communeName(turn)) });
    } else if (form.draft) {
      await fileQuestion(turn, form.draft);
    } else {
      await askQuestion(turn);
    }
    return true;
  }
  if (!input.text) return false;
  await fileQuestion(turn, input.text);
  return true;
}

export async function repromptQuestionForm(turn: Turn, form: QuestionForm): Promise<void> {
  if (form.step === 'consent') turn.say(consentQuestion(texts.questionConsent));
  else turn.say({ kind: 'text', text: texts.askQuestion });
}

async function fileQuestion(turn: Turn, text: string): Promise<void> {
  const commune = turn.commune;
  if (!commune) return;
  const question = text.trim().slice(0, 1000);
  await clearConversationState(turn.db, turn.resident.id);
  try {
    const { request, outboxIds } = await openHelpRequest(turn.db, {
      kind: 'question',
      residentId: turn.resident.id,
      oaId: turn.resident.oaId,
      communeId: commune.id,
      villageId: turn.resident.villageId,
      topic: null,
      note: question,
      preferredTime: null,
      now: turn.now,
      dueInMs: 2 * 24 * 3600_000,
      teamMessage: (r) => ({ kind: 'text', text: texts.teamQuestion({ id: r.id, question, due: r.dueAt }) }),
    });
    turn.otherOutboxIds.push(...outboxIds);
    turn.say({ kind: 'text', text: texts.questionCreated(request.id, communeName(turn)) });
  } catch (err) {
    if (!(err instanceof NoTeamError)) throw err;
    turn.say({ kind: 'text', text: texts.noTeamAvailable });
  }
}

async function askQuestion(turn: Turn): Promise<void> {
  await saveConversationState(turn.db, turn.resident.id, { kind: 'question', step: 'question', draft: null }, turn.now);
  turn.say({ kind: 'text', text: texts.askQuestion });
}
