import { NoTeamError, openHelpRequest } from '../../domain/help-requests/open-help-request.ts';
import { hasConsent, recordConsent } from '../../domain/residents/consent.ts';
import { texts } from '../texts.vi.ts';
import { clearConversationState, saveConversationState } from './conversation-state.ts';
import { consentAnswer, consentQuestion } from './form-inputs.ts';
import type { FormInput } from './form-inputs.ts';
import { communeName } from './turn.ts';
import type { Turn } from './turn.ts';

/** "Gặp cán bộ": with consent, the resident's question becomes a request for the commune staff. */
export async function startQuestionForm(turn: Turn): Promise<void> {
  if (!turn.commune) {
    turn.say({ kind: 'text', text: texts.noTeamAvailable });
    return;
  }
  if (await hasConsent(turn.db, { residentId: turn.resident.id, purpose: 'question' })) return askQuestion(turn);
  await saveConversationState(turn.db, turn.resident.id, { kind: 'question', step: 'consent' }, turn.now);
  turn.say(consentQuestion(texts.questionConsent));
}

export async function continueQuestionForm(turn: Turn, step: 'consent' | 'question', input: FormInput): Promise<void> {
  if (step === 'consent') {
    const granted = consentAnswer(input);
    if (granted === null) {
      turn.say(consentQuestion(texts.questionConsent));
      return;
    }
    await recordConsent(turn.db, { residentId: turn.resident.id, purpose: 'question', granted, now: turn.now });
    if (granted) return askQuestion(turn);
    await clearConversationState(turn.db, turn.resident.id);
    turn.say({ kind: 'text', text: texts.consentDeclined(communeName(turn)) });
    return;
  }
  if (!input.text || !turn.commune) {
    turn.say({ kind: 'text', text: texts.askQuestion });
    return;
  }
  const question = input.text.trim().slice(0, 1000);
  await clearConversationState(turn.db, turn.resident.id);
  try {
    const { request } = await openHelpRequest(turn.db, {
      kind: 'question',
      residentId: turn.resident.id,
      communeId: turn.commune.id,
      villageId: turn.resident.villageId,
      topic: null,
      note: question,
      preferredTime: null,
      now: turn.now,
      dueInMs: 2 * 24 * 3600_000,
      teamMessage: (r) => ({ kind: 'text', text: texts.teamQuestion({ id: r.id, question, due: r.dueAt }) }),
    });
    turn.say({ kind: 'text', text: texts.questionCreated(request.id, communeName(turn)) });
  } catch (err) {
    if (!(err instanceof NoTeamError)) throw err;
    turn.say({ kind: 'text', text: texts.noTeamAvailable });
  }
}

async function askQuestion(turn: Turn): Promise<void> {
  await saveConversationState(turn.db, turn.resident.id, { kind: 'question', step: 'question' }, turn.now);
  turn.say({ kind: 'text', text: texts.askQuestion });
}
