import { describe, expect, it } from 'vitest';
import { scrub } from './logger.ts';

describe('scrub', () => {
  it('hides secret-looking keys at any depth', () => {
    expect(scrub({ access_token: 'AT', nested: { refreshToken: 'RT', headers: { secret_key: 's', 'x-zevent-signature': 'mac=1' } }, ok: 1 }, 0)).toEqual({
      access_token: '[redacted]',
      nested: { refreshToken: '[redacted]', headers: { secret_key: '[redacted]', 'x-zevent-signature': '[redacted]' } },
      ok: 1,
    });
  });

  it('masks Vietnamese phone numbers inside text', () => {
    expect(scrub({ msg: 'gọi 0912345678 hoặc +84987654321' }, 0)).toEqual({ msg: 'gọi [phone] hoặc [phone]' });
  });
});

describe('scrub on non-plain objects', () => {
  it('leaves class instances (requests, errors) to the serializers', () => {
    class Req {
      method = 'POST';
    }
    const req = new Req();
    const err = new Error('boom');
    const out = scrub({ req, err }, 0) as { req: unknown; err: unknown };
    expect(out.req).toBe(req);
    expect(out.err).toBe(err);
  });
});
