import { intentIds } from './nlu/intent-catalogue.ts';
import type { IntentId } from './nlu/intent-catalogue.ts';

/**
 * What a tapped button means. Buttons are sent as `oa.query.hide`, so a tap comes back as a text
 * message holding the payload; payloads start with "#" and are parsed here, never shown.
 */
export type TimeSlot = 'morning' | 'afternoon' | 'evening' | 'any';

export type ButtonAction =
  | { kind: 'guide-next' }
  | { kind: 'guide-stuck' }
  | { kind: 'guide-visit' }
  | { kind: 'guide-repeat' }
  | { kind: 'follow-up-done' }
  | { kind: 'topic'; intent: IntentId }
  | { kind: 'menu' }
  | { kind: 'human' }
  | { kind: 'visit' }
  | { kind: 'consent'; granted: boolean }
  | { kind: 'village'; villageId: number }
  | { kind: 'need'; topic: IntentId | null }
  | { kind: 'time'; slot: TimeSlot }
  | { kind: 'phone'; share: boolean }
  | { kind: 'delete'; confirm: boolean }
  | { kind: 'help-solved'; requestId: number; solved: boolean }
  /** An answer to a confirmation (conversation-state `confirm`) or to a yes/no question typed ambiguously. */
  | { kind: 'confirm'; choice: ConfirmChoice };

export type ConfirmChoice = 'yes' | 'no' | 'cancel-current' | 'stop-messages';

const simple = {
  'g:next': { kind: 'guide-next' },
  'g:stuck': { kind: 'guide-stuck' },
  'g:visit': { kind: 'guide-visit' },
  'g:repeat': { kind: 'guide-repeat' },
  'f:yes': { kind: 'follow-up-done' },
  menu: { kind: 'menu' },
  human: { kind: 'human' },
  visit: { kind: 'visit' },
  'c:yes': { kind: 'consent', granted: true },
  'c:no': { kind: 'consent', granted: false },
  'p:share': { kind: 'phone', share: true },
  'p:skip': { kind: 'phone', share: false },
  'del:yes': { kind: 'delete', confirm: true },
  'del:no': { kind: 'delete', confirm: false },
  'n:other': { kind: 'need', topic: null },
  'k:yes': { kind: 'confirm', choice: 'yes' },
  'k:no': { kind: 'confirm', choice: 'no' },
  'k:cancel': { kind: 'confirm', choice: 'cancel-current' },
  'k:stop': { kind: 'confirm', choice: 'stop-messages' },
} as const satisfies Record<string, ButtonAction>;

const simpleByPayload = new Map<string, ButtonAction>(Object.entries(simple));
const timeSlots: readonly TimeSlot[] = ['morning', 'afternoon', 'evening', 'any'];

/** The payload to put on a button. */
export function encodeAction(action: ButtonAction): string {
  switch (action.kind) {
    case 'topic':
      return `#t:${action.intent}`;
    case 'village':
      return `#v:${action.villageId}`;
    case 'need':
      return action.topic ? `#n:${action.topic}` : '#n:other';
    case 'time':
      return `#time:${action.slot}`;
    case 'help-solved':
      return `#r:${action.solved ? 'yes' : 'no'}:${action.requestId}`;
    default: {
      const entry = Object.entries(simple).find(([, a]) => JSON.stringify(a) === JSON.stringify(action));
      if (!entry) throw new Error(`no payload for ${action.kind}`);
      return `#${entry[0]}`;
    }
  }
}

/** Reads a payload back; null for anything that is not one of ours (then it is ordinary text). */
export function parseAction(text: string): ButtonAction | null {
  const payload = text.trim();
  if (!payload.startsWith('#')) return null;
  const body = payload.slice(1);
  const known = simpleByPayload.get(body);
  if (known) return known;
  const [head, a, b] = body.split(':');
  if (head === 't' || head === 'n') {
    const intent = intentIds.find((id) => id === a);
    if (!intent) return null;
    return head === 't' ? { kind: 'topic', intent } : { kind: 'need', topic: intent };
  }
  if (head === 'v' && a && /^\d+$/.test(a)) return { kind: 'village', villageId: Number(a) };
  if (head === 'time') {
    const slot = timeSlots.find((s) => s === a);
    return slot ? { kind: 'time', slot } : null;
  }
  if (head === 'r' && (a === 'yes' || a === 'no') && b && /^\d+$/.test(b)) return { kind: 'help-solved', requestId: Number(b), solved: a === 'yes' };
  return null;
}
