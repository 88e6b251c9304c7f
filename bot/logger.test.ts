import { describe, expect, it } from 'vitest';
import { createLogger, describeError, scrub, scrubTextFully, serializeError } from './logger.ts';

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

  it('keeps identifiers, which look like card numbers, and still hides a card number in text', () => {
    const ids = { oaId: '3662729599332560487', app_id: '1234567890123456789', nested: { senderId: '8312345678901234567', id: '4111111111111111' } };
    expect(scrub({ ...ids, note: 'thẻ 4111111111111111' }, 0)).toEqual({ ...ids, note: 'thẻ [số thẻ đã ẩn]' });
  });

  it('scrubs text under an identifier key like any text', () => {
    expect(scrub({ senderId: 'gọi 0912345678', userId: 'cccd 001203004567', paid: '4111111111111111' }, 0)).toEqual({
      senderId: 'gọi [phone]',
      userId: 'cccd [số giấy tờ đã ẩn]',
      paid: '[số thẻ đã ẩn]',
    });
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

  it('keeps an error passed as text one string, its query hidden (not one key per character)', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', name: 'test' }, { write: (line: string) => void lines.push(line) });
    logger.warn({ err: 'Error: Failed query: update residents set phone = $1\nparams: 0912345678', jobId: 'outbound-1' }, 'job attempt failed');
    logger.warn({ err: { reason: 'gọi 0912345678' } }, 'an object that is not an error');
    const [text, object] = lines.map((l) => JSON.parse(l) as { err: unknown });
    expect(text?.err).toBe('Error: Failed query: [query hidden]');
    expect(object?.err).toEqual({ reason: 'gọi [phone]' });
  });

  it('keeps an OA id named as such in a message, and still hides a card number beside it', () => {
    const text = 'OA 3662729599332560487 needs re-authorisation; thẻ 4111111111111111, OA 4000000000000000002 is not served';
    expect(scrubTextFully(text)).toBe('OA 3662729599332560487 needs re-authorisation; thẻ [số thẻ đã ẩn], OA 4000000000000000002 is not served');
    expect(scrubTextFully('oa 4111111111111111 và số 4111111111111111')).toBe('oa [số thẻ đã ẩn] và số [số thẻ đã ẩn]');
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

  it('shows an OA id the same whether it is a field of the line or bound to a child logger', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', name: 'test' }, { write: (line: string) => void lines.push(line) });
    logger.warn({ oaId: '3662729599332560487', appId: '1234567890123456789' }, 'webhook event for an OA this deployment does not serve');
    logger.child({ oaId: '3662729599332560487' }).info('bound');
    const [field, bound] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(field).toMatchObject({ oaId: '3662729599332560487', appId: '1234567890123456789' });
    expect(bound).toMatchObject({ oaId: '3662729599332560487' });
  });
});

describe('the pre-check that lets most strings skip the regexes', () => {
  it.each([
    ['mật khẩu là Hoa@abc', 'mật khẩu là [mật khẩu đã ẩn]'],
    ['MẬT KHẨU: hoa-sen', 'MẬT KHẨU: [mật khẩu đã ẩn]'],
    ['Pass = xyzw', 'Pass = [mật khẩu đã ẩn]'],
    ['cmnd 186 123 456', 'cmnd [số giấy tờ đã ẩn]'],
    ['thẻ 9704 1234 5678 9012', 'thẻ [số thẻ đã ẩn]'],
  ])('still redacts %j', (input, output) => {
    expect(scrub(input, 0)).toBe(output);
  });

  it.each(['webhook event stored', 'job 12345678 done', 'ids 1234-5678', 'HTTP 500'])('leaves %j as it is', (input) => {
    expect(scrub(input, 0)).toBe(input);
  });

  it('agrees with the full scrub on thousands of generated texts near every rule', () => {
    // Digit groups of every length joined by each separator, beside keywords and words: if a rule of
    // the redaction ever reaches what the pre-check lets through, some of these differ.
    const pieces = ['0', '12', '345', '6789', '01234', '912345', '1234567', '12345678', '84', '+84', ' ', '.', '-', '/', ':', '=', ',',
      'mk', 'MK', 'mật khẩu', 'mat khau', 'mật mã', 'pass', 'pw', 'là', 'la', 'cccd', 'bhxh', 'stk', 'DN', 'gd', 'năm', 'đồng', 'k', 'abc', 'Hoa@x', 'thẻ'];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    for (let n = 0; n < 5000; n++) {
      const text = Array.from({ length: 2 + (next() % 10) }, () => pieces[next() % pieces.length]).join(next() % 2 ? ' ' : '');
      expect(scrub(text, 0), text).toBe(scrubTextFully(text));
    }
  });
});

describe('describeError', () => {
  it('gives a failed query as the database’s reason, without the SQL or what was being written', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "oa_accounts_commune_active_uq"'), { code: '23505' });
    const err = new Error('Failed query: insert into "residents" ("phone", "note") values ($1, $2)\nparams: 0912345678,cccd 001203004567', { cause });
    const text = describeError(err);
    expect(text).toBe('Error: Failed query: [query hidden] (23505 duplicate key value violates unique constraint "oa_accounts_commune_active_uq")');
  });

  it('keeps what an ordinary error says, scrubbed, and says something for anything thrown', () => {
    expect(describeError(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND oauth.zaloapp.com') }))).toBe('TypeError: fetch failed (getaddrinfo ENOTFOUND oauth.zaloapp.com)');
    expect(describeError(new Error('no reply to 0912345678'))).toBe('Error: no reply to [phone]');
    const unreachable = new Error('Zalo oauth/access_token: getaddrinfo ENOTFOUND oauth.zaloapp.com', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND oauth.zaloapp.com'), { code: 'ENOTFOUND' }) });
    expect(describeError(unreachable)).toBe('Error: Zalo oauth/access_token: getaddrinfo ENOTFOUND oauth.zaloapp.com');
    expect(describeError('timeout')).toBe('timeout');
    expect(describeError(undefined)).toBe('undefined');
  });
});
