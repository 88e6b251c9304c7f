import { describe, expect, it } from 'vitest';
import { developmentDataKey } from './data-key.ts';
import { createSecretBox } from './secret-box.ts';

describe('secret box', () => {
  const box = createSecretBox(developmentDataKey);

  it('round-trips and never stores the plain text', () => {
    const sealed = box.seal('RT-very-secret');
    expect(sealed).not.toContain('very-secret');
    expect(box.open(sealed)).toBe('RT-very-secret');
    expect(box.seal('x')).not.toBe(box.seal('x'));
  });

  it('refuses a tampered value or another key', () => {
    const sealed = box.seal('secret');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('other').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => createSecretBox(Buffer.alloc(32)).open(sealed)).toThrow();
  });
});
