import type { GuideRunRow } from '../../../db/queries/guide-runs.ts';
import { advanceGuide, completeGuide, startGuide } from '../../domain/guides/guide-progress.ts';
import type { OutboundContent } from '../../domain/outbox/outbound-content.ts';
import { maxTextLength } from '../../domain/outbox/outbound-content.ts';
import { findGuide, guideLibrary } from '../../guides/guide-library.ts';
import type { Guide, GuideId } from '../../guides/guide.ts';
import { texts } from '../texts.vi.ts';
import { guideButtons, humanButton, menuButton, visitButton, withButtons } from './replies.ts';
import { personalize } from './personalize.ts';
import type { Turn } from './turn.ts';
import { startingRun } from './turn-start.ts';

/** The step the resident is on, with the three buttons every step carries. */
export function stepMessage(guide: Guide, step: number): OutboundContent {
  const body = guide.steps[step]?.text ?? '';
  return withButtons(texts.guideStep(step + 1, guide.steps.length, body), guideButtons);
}

/** The step's picture (when it has one) followed by its text. */
function sayStep(turn: Turn, guide: Guide, step: number, message: OutboundContent = stepMessage(guide, step)): void {
  const image = guide.steps[step]?.image;
  if (image) turn.say({ kind: 'image-file', file: image.file });
  turn.say(message);
}

/**
 * Starts a guide: intro and first step in one message when they fit, else two. Entered at the
 * step that answers the question (`entry`), it says so and shows that step instead of the intro.
 */
export async function startGuideFlow(turn: Turn, guideId: GuideId, entry: number | null = null): Promise<void> {
  const guide = guideLibrary[guideId];
  if (guideId === 'scam-safety') return sayScamCard(turn);
  await startGuide(turn.db, { residentId: turn.resident.id, guide, now: turn.now, step: entry ?? 0 });
  if (entry !== null && entry > 0 && entry < guide.steps.length) {
    turn.say({ kind: 'text', text: `${texts.guideHeader(guide.title)}\n${texts.guideEnteredAt(entry + 1, guide.steps.length)}` });
    sayStep(turn, guide, entry);
    return;
  }
  const intro = `${texts.guideHeader(guide.title)}\n${guide.intro}`;
  const first = stepMessage(guide, 0);
  const combined = first.kind === 'buttons' ? `${intro}\n\n${first.text}` : '';
  if (first.kind === 'buttons' && combined.length <= maxTextLength && !guide.steps[0]?.image) return void turn.say({ ...first, text: combined });
  turn.say({ kind: 'text', text: intro });
  sayStep(turn, guide, 0, first);
}

/** The fixed scam warning card; it never starts or ends a guide. */
export function sayScamCard(turn: Turn): void {
  const card = guideLibrary['scam-safety'];
  const body = card.steps.map((s) => s.text).join('\n');
  turn.say(withButtons(`${texts.guideHeader(card.title)}\n${card.intro}\n\n${body}`, [humanButton, visitButton, menuButton]));
}

/** Handles "next" / "stuck" / "repeat" / "done" for the guide in progress. */
export async function continueGuide(turn: Turn, run: GuideRunRow, move: 'next' | 'stuck' | 'repeat' | 'done' | 'nudge'): Promise<void> {
  const guide = guideOfRun(run);
  if (!guide) return;
  switch (move) {
    case 'next': {
      const advance = await advanceGuide(turn.db, { run, guide, now: turn.now });
      if (advance.kind === 'step') sayStep(turn, guide, advance.step);
      else turn.say(withButtons(guide.done, [menuButton, visitButton]));
      return;
    }
    case 'stuck':
      turn.say(withButtons(texts.guideStuck, [{ label: texts.buttons.repeat, action: { kind: 'guide-repeat' } }, { label: texts.buttons.visit, action: { kind: 'guide-visit' } }, humanButton]));
      return;
    case 'repeat':
      sayStep(turn, guide, run.step);
      return;
    case 'done':
      await completeGuide(turn.db, { run, now: turn.now });
      turn.say(withButtons(texts.followUpDone, [menuButton]));
      return;
    case 'nudge':
      turn.say(withButtons(texts.guideNudge(run.step + 1, guide.steps.length, guide.shortTitle), guideButtons));
      return;
  }
}

/** The active run for a guide button, or a polite note that the guide is over. */
export async function activeRunOrNotice(turn: Turn): Promise<GuideRunRow | null> {
  const run = await startingRun(turn);
  if (!run) turn.say(withButtons(texts.guideOver, [menuButton, visitButton, humanButton]));
  return run;
}

export function guideOfRun(run: GuideRunRow): Guide | null {
  return findGuide(run.guideId);
}

/** The follow-up "đã làm được chưa?" for a guide, sent by the scheduled sweep. */
export function followUpMessage(guideId: string, addressForm: string | null): OutboundContent[] {
  const guide = findGuide(guideId);
  return [
    withButtons(texts.followUp(guide?.shortTitle ?? 'hướng dẫn'), [
      { label: texts.buttons.followUpYes, action: { kind: 'follow-up-done' } },
      { label: texts.buttons.stuck, action: { kind: 'guide-stuck' } },
      { label: texts.buttons.visit, action: { kind: 'guide-visit' } },
    ]),
  ].map((content) => personalize(content, addressForm));
}
