import { getTeam } from '../../../db/queries/teams.ts';
import { answerHelpConfirmation } from '../../domain/help-requests/answer-help-confirmation.ts';
import { teamNameForResidents } from '../team-name-for-residents.ts';
import { texts } from '../texts.vi.ts';
import { personalize } from './personalize.ts';
import { menuButton, withButtons } from './replies.ts';
import type { Turn } from './turn.ts';

/** The resident's Có/Chưa to "đã được hỗ trợ xong chưa?"; "Chưa" reopens the request. */
export async function answerHelpQuestion(turn: Turn, requestId: number, solved: boolean): Promise<void> {
  const outcome = await answerHelpConfirmation(turn.db, {
    requestId,
    residentId: turn.resident.id,
    solved,
    now: turn.now,
    teamMessage: (r) => ({ kind: 'text', text: texts.teamReopened(r.id) }),
  });
  switch (outcome.kind) {
    case 'confirmed':
      turn.say(withButtons(texts.helpConfirmed, [menuButton]));
      return;
    case 'reopened': {
      const team = await getTeam(turn.db, outcome.request.teamId);
      turn.otherOutboxIds.push(...outcome.outboxIds);
      turn.say({ kind: 'text', text: texts.helpReopened(requestId, await teamNameForResidents(turn.db, team)) });
      return;
    }
    case 'not-applicable':
      turn.say(withButtons(texts.helpAlreadyAnswered, [menuButton]));
      return;
  }
}

/** The question asked when a team marks a request done, addressed the way the resident is. */
export function helpDoneQuestion(requestId: number, addressForm: string | null) {
  const question = withButtons(texts.helpDoneQuestion(requestId), [
    { label: texts.buttons.solvedYes, action: { kind: 'help-solved', requestId, solved: true } },
    { label: texts.buttons.solvedNo, action: { kind: 'help-solved', requestId, solved: false } },
  ]);
  return personalize(question, addressForm);
}
