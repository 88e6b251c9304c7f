import { describe, expect, it } from 'vitest';
import { encodeAction, parseAction } from './button-actions.ts';
import type { ButtonAction } from './button-actions.ts';

describe('button actions', () => {
  const all: ButtonAction[] = [
    { kind: 'guide-next' },
    { kind: 'guide-stuck' },
    { kind: 'guide-visit' },
    { kind: 'guide-repeat' },
    { kind: 'follow-up-done' },
    { kind: 'topic', intent: 'vssid' },
    { kind: 'menu' },
    { kind: 'human' },
    { kind: 'visit' },
    { kind: 'consent', granted: true },
    { kind: 'consent', granted: false },
    { kind: 'village', villageId: 12 },
    { kind: 'need', topic: 'vneid-level2' },
    { kind: 'need', topic: null },
    { kind: 'time', slot: 'evening' },
    { kind: 'phone', share: true },
    { kind: 'phone', share: false },
    { kind: 'delete', confirm: true },
    { kind: 'help-solved', requestId: 15, solved: false },
    { kind: 'confirm', choice: 'yes' },
    { kind: 'confirm', choice: 'no' },
    { kind: 'confirm', choice: 'cancel-current' },
    { kind: 'confirm', choice: 'stop-messages' },
  ];

  it.each(all)('round-trips %j', (action) => {
    const payload = encodeAction(action);
    expect(payload.startsWith('#')).toBe(true);
    expect(payload.length).toBeLessThanOrEqual(1000);
    expect(parseAction(payload)).toEqual(action);
  });

  it('treats anything else as plain text', () => {
    for (const t of ['tiếp', '#', '#t:not-an-intent', '#v:abc', '#r:maybe:1', '#bc 12 hộ', 'Tiếp theo']) expect(parseAction(t)).toBeNull();
  });
});
