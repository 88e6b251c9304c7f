import { describe, expect, it } from 'vitest';
import { redactedCodeMarker, redactedIdMarker, redactSensitiveText } from './redact-sensitive-text.ts';

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
  ])('keeps %j', (input) => {
    expect(redact(input)).toBe(input);
  });

  it('keeps codes when asked to redact only ID numbers (report counts in groups)', () => {
    expect(redactSensitiveText('/bc 1200 người, cccd 001203004567', { codes: false })).toBe(`/bc 1200 người, cccd ${redactedIdMarker}`);
  });
});
