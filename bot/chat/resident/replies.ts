import type { OutboundContent } from '../../domain/outbox/outbound-content.ts';
import { guideLibrary } from '../../guides/guide-library.ts';
import type { GuideId } from '../../guides/guide.ts';
import { encodeAction } from '../button-actions.ts';
import type { ButtonAction } from '../button-actions.ts';
import { texts } from '../texts.vi.ts';

export type Button = { label: string; action: ButtonAction };

/** A message with up to five buttons (Zalo's limit); plain text when there are none. */
export function withButtons(text: string, buttons: Button[]): OutboundContent {
  if (buttons.length === 0) return { kind: 'text', text };
  return { kind: 'buttons', text, buttons: buttons.slice(0, 5).map((b) => ({ label: b.label, action: encodeAction(b.action) })) };
}

export const topicButton = (guideId: GuideId): Button => ({ label: guideLibrary[guideId].shortTitle, action: { kind: 'topic', intent: guideId } });
export const humanButton: Button = { label: texts.buttons.human, action: { kind: 'human' } };
export const visitButton: Button = { label: texts.buttons.visitShort, action: { kind: 'visit' } };
export const menuButton: Button = { label: texts.buttons.menu, action: { kind: 'menu' } };

/** The five things most residents come for. */
export function mainMenuButtons(): Button[] {
  return [topicButton('vneid-install'), topicButton('vneid-level2'), topicButton('dvc-submit'), visitButton, humanButton];
}

export function mainMenu(text: string = texts.menuPrompt): OutboundContent {
  return withButtons(text, mainMenuButtons());
}

export const guideButtons: Button[] = [
  { label: texts.buttons.next, action: { kind: 'guide-next' } },
  { label: texts.buttons.stuck, action: { kind: 'guide-stuck' } },
  { label: texts.buttons.visit, action: { kind: 'guide-visit' } },
];
