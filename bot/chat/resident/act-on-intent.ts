import { findComparison } from '../../guides/comparisons.ts';
import { guideLibrary } from '../../guides/guide-library.ts';
import { isGuideId } from '../../guides/guide.ts';
import type { GuideId } from '../../guides/guide.ts';
import type { Classification } from '../nlu/classify-intent.ts';
import { findEntryStep } from '../nlu/guide-entry.ts';
import { texts } from '../texts.vi.ts';
import { sayScamCard, startGuideFlow } from './guide-flow.ts';
import { startQuestionForm } from './question-form.ts';
import { humanButton, mainMenu, menuButton, topicButton, visitButton, withButtons } from './replies.ts';
import { communeName } from './turn.ts';
import type { Turn } from './turn.ts';
import { startVisitForm } from './visit-form.ts';

/**
 * Answers a message read on its own: the guide at the step that answers it, a comparison of two
 * topics, the scam answer that fits the moment, a home visit, a person (with an apology for a
 * complaint), a warm closing, or the menu when nothing fits.
 */
export async function actOnIntent(turn: Turn, c: Classification, text: string, firstContact: boolean, guideOnScreen: string | null = null): Promise<void> {
  if (c.pair) return compareOrChoose(turn, c.pair[0], c.pair[1]);
  const [first, second] = c.candidates.map((x) => x.intent).filter(isGuideId);
  if (first && second && c.ambiguous) return compareOrChoose(turn, first, second);
  if (c.intent === 'scam-safety') return answerScam(turn, c);
  if (isGuideId(c.intent)) return startGuideFlow(turn, c.intent, findEntryStep(guideLibrary[c.intent], text));
  switch (c.intent) {
    case 'home-visit':
      // "Nhờ người đến nhà" in the middle of a guide asks for help with that guide's task.
      return startVisitForm(turn, c.topic ?? guideOnScreen, text);
    case 'human':
      if (c.subIntent === 'complaint') {
        turn.say({ kind: 'text', text: texts.complaintSorry(communeName(turn)) });
        return startQuestionForm(turn, text);
      }
      return startQuestionForm(turn);
    case 'greeting':
      if (c.subIntent === 'thanks') turn.say(withButtons(texts.thanksBack, [menuButton]));
      else turn.say(mainMenu(firstContact ? texts.menuPrompt : texts.greetingBack));
      return;
    case 'unsubscribe':
    case 'unknown':
      turn.say(mainMenu(texts.notUnderstood));
      return;
  }
}

function answerScam(turn: Turn, c: Classification): void {
  if (c.subIntent === 'scam-in-progress') turn.say({ kind: 'text', text: texts.scamNow }, withButtons(texts.scamHelpOffer, [humanButton, visitButton]));
  else if (c.subIntent === 'scam-victim') turn.say({ kind: 'text', text: texts.scamVictim }, withButtons(texts.scamHelpOffer, [humanButton, visitButton]));
  else sayScamCard(turn);
}

/** "VNeID và VssID khác nhau gì": a short comparison when there is one, else a choice. */
function compareOrChoose(turn: Turn, a: GuideId, b: GuideId): void {
  const buttons = [topicButton(a), topicButton(b), { label: texts.buttons.otherTopic, action: { kind: 'menu' as const } }];
  const comparison = findComparison(a, b);
  if (!comparison) {
    turn.say(withButtons(texts.chooseTopic, buttons));
    return;
  }
  const topics = `${guideLibrary[a].shortTitle} và ${guideLibrary[b].shortTitle}`;
  turn.say({ kind: 'text', text: `${texts.compare(topics)}\n${comparison}` }, withButtons(texts.compareChoose, buttons));
}
