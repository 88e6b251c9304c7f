import { describe, expect, it } from 'vitest';
import { createLinkSigner } from './signed-links.ts';

describe('signed links', () => {
  const signer = createLinkSigner(Buffer.alloc(32, 7));
  const now = new Date('2026-12-01T01:00:00Z');
  const query = (link: string) => Object.fromEntries(new URL(link, 'http://x').searchParams);

  it('opens until it expires, and not once the path or the expiry is changed', () => {
    const link = signer.sign('/downloads/bao-cao-thang/2/2026-11.xlsx', new Date('2026-12-08T01:00:00Z'));
    expect(signer.verify('/downloads/bao-cao-thang/2/2026-11.xlsx', query(link), now)).toBe('ok');
    expect(signer.verify('/downloads/bao-cao-thang/3/2026-11.xlsx', query(link), now)).toBe('bad-signature');
    expect(signer.verify('/downloads/bao-cao-thang/2/2026-11.xlsx', { ...query(link), exp: '9999999999' }, now)).toBe('bad-signature');
    expect(signer.verify('/downloads/bao-cao-thang/2/2026-11.xlsx', query(link), new Date('2026-12-09T00:00:00Z'))).toBe('expired');
    expect(signer.verify('/downloads/bao-cao-thang/2/2026-11.xlsx', {}, now)).toBe('bad-signature');
  });

  it('does not accept a link signed with another key', () => {
    const other = createLinkSigner(Buffer.alloc(32, 8)).sign('/a', new Date('2027-01-01T00:00:00Z'));
    expect(signer.verify('/a', query(other), now)).toBe('bad-signature');
  });
});
