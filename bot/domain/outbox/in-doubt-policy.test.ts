import { describe, expect, it } from 'vitest';
import { messageKindOf, unverifiablePolicies } from './in-doubt-policy.ts';

describe('the in-doubt policy', () => {
  it('reads the kind from the outbox key each writer uses', () => {
    expect(messageKindOf('reply-42-0')).toBe('resident-reply');
    expect(messageKindOf('help-request-7-opened-0')).toBe('help-request');
    expect(messageKindOf('group-reply-9-1')).toBe('group-reply');
    expect(messageKindOf('follow-up-3-0')).toBe('follow-up');
    expect(messageKindOf('test-abc-0')).toBe('other');
  });

  it('resends guide steps and team notices once, and drops only the "did it work?" nudge', () => {
    expect(unverifiablePolicies[messageKindOf('reply-42-0')]).toBe('resend-once');
    expect(unverifiablePolicies[messageKindOf('help-request-7-opened-0')]).toBe('resend-once');
    expect(unverifiablePolicies[messageKindOf('follow-up-3-0')]).toBe('give-up');
  });
});
