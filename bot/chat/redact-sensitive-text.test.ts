import { describe, expect, it } from 'vitest';
import { redactedAccountMarker, redactedCardMarker, redactedCodeMarker, redactedIdMarker, redactedPasswordMarker, redactSensitiveText } from './redact-sensitive-text.ts';

const redact = (t: string) => redactSensitiveText(t, { codes: true });

describe('redactSensitiveText', () => {
  it.each([
    ['so cccd cua toi la 001203004567 nhe', `so cccd cua toi la ${redactedIdMarker} nhe`],
    ['CCCD: 001 203 004 567', `CCCD: ${redactedIdMarker}`],
    ['căn cước 0012.0300.4567', `căn cước ${redactedIdMarker}`],
    ['ma otp la 123456', `ma otp la ${redactedCodeMarker}`],
    ['mã 4821 gửi về máy', `mã ${redactedCodeMarker} gửi về máy`],
    ['OTP:87654321', `OTP:${redactedCodeMarker}`],
    ['ma la 123 456 nhe', `ma la ${redactedCodeMarker} nhe`],
    ['cmnd cua toi 186123456', `cmnd cua toi ${redactedIdMarker}`],
    ['CMND: 186 123 456', `CMND: ${redactedIdMarker}`],
    ['thẻ bhyt DN4797915123456', `thẻ bhyt ${redactedCardMarker}`],
    ['the bhyt gd 479 791 5123 456 nhe', `the bhyt ${redactedCardMarker} nhe`],
    ['so the 9704 1234 5678 9012', `so the ${redactedCardMarker}`],
    ['stk 0123456789012 vietcombank', `stk ${redactedAccountMarker} vietcombank`],
    ['mã bhxh 0123456789', `mã bhxh ${redactedIdMarker}`],
    ['mk là Hoa@1960', `mk là ${redactedPasswordMarker}`],
    ['mat khau cua toi la abc12345 nhe', `mat khau cua toi la ${redactedPasswordMarker} nhe`],
    ['pass: xyz789', `pass: ${redactedPasswordMarker}`],
    // No digit at all: only the password pattern can match, in any case (the quick pre-check must see it too).
    ['MẬT KHẨU là hoahong', `MẬT KHẨU là ${redactedPasswordMarker}`],
    ['Mat Khau: HoaMai', `Mat Khau: ${redactedPasswordMarker}`],
    ['PW=bichngoc', `PW=${redactedPasswordMarker}`],
  ])('redacts %j', (input, output) => {
    expect(redact(input)).toBe(output);
  });

  it.each([
    'bà tôi sinh năm 1948',
    'nộp 50000 đồng phí',
    'nạp 2000k',
    'số điện thoại 0912345678',
    'gọi 0912 345 678 giúp tôi',
    'sdt 84912345678',
    'ngày 18.11.2026',
    'ngày 18/11/2026',
    'con 3 tuổi, nhà 12 người',
    'mã bưu chính 10.000',
    'chuyển 2.000.000 đồng',
    'nop 150000000 dong',
    'quên mk rồi',
    'mật khẩu là gì vậy',
  ])('keeps %j', (input) => {
    expect(redact(input)).toBe(input);
  });

  it('keeps codes when asked to redact only ID numbers (report counts in groups)', () => {
    expect(redactSensitiveText('/bc 1200 người, cccd 001203004567', { codes: false })).toBe(`/bc 1200 người, cccd ${redactedIdMarker}`);
  });
});
