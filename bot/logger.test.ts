import { describe, expect, it } from 'vitest';
import { createLogger, scrub, serializeError } from './logger.ts';

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

describe('what a log line never shows', () => {
  it('drops a failed query and its parameters from an error', () => {
    const err = Object.assign(new Error('Failed query: insert into "inbound_events" values ($1, $2)\nparams: 0912345678,{"text":"cccd 001203004567"}'), {
      query: 'insert …',
      params: ['0912345678', 'cccd 001203004567'],
    });
    const line = JSON.stringify(serializeError(err));
    expect(line).not.toMatch(/0912345678|001203004567|params/);
    expect(line).toContain('Failed query: [query hidden]');
  });

  it('masks phone numbers and ID numbers in any text', () => {
    expect(scrub({ note: 'bác Năm 0912345678, cccd 001203004567' }, 0)).toEqual({ note: 'bác Năm [phone], cccd [số giấy tờ đã ẩn]' });
  });
});

describe('createLogger', () => {
  it('scrubs the message text of every line, not only its fields', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', name: 'test' }, { write: (line: string) => void lines.push(line) });
    logger.info({ resident: 1 }, 'gọi lại cho 0912345678, thẻ DN4797915123456');
    expect(lines.join('')).not.toMatch(/0912345678|DN4797915123456/);
    expect(lines.join('')).toContain('[phone]');
  });
});
