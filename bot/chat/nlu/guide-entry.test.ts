import { describe, expect, it } from 'vitest';
import { guideLibrary } from '../../guides/guide-library.ts';
import { compilePattern } from './compile-patterns.ts';
import { findEntryStep } from './guide-entry.ts';

describe('findEntryStep', () => {
  it.each([
    ['vneid-account-recovery', 'mất điện thoại rồi vneid làm sao', 3],
    ['vneid-account-recovery', 'bi trom mat dt roi, khoa vneid kieu gi', 3],
    ['vneid-account-recovery', 'dt bi hong, vneid dang nhap may moi sao', 4],
    ['vneid-account-recovery', 'quen passcode', 1],
    ['vneid-account-recovery', 'doi so dien thoai vneid', 5],
    ['vssid', 'thẻ BHYT giấy còn dùng được không', 5],
    ['vssid', 'đi khám mang thẻ gì', 5],
    ['vneid-install', 'máy không có NFC thì cài vneid sao', 2],
    ['vneid-install', 'quet qr tren the can cuoc o dau', 2],
  ] as const)('%s: %j enters at step %i', (guide, text, step) => {
    expect(findEntryStep(guideLibrary[guide], text)).toBe(step);
  });

  it('starts at the beginning for a question about the guide as a whole', () => {
    expect(findEntryStep(guideLibrary['vneid-install'], 'cach cai vneid')).toBeNull();
    expect(findEntryStep(guideLibrary['vneid-account-recovery'], 'quen mat khau vneid')).toBeNull();
  });

  it('every answer pattern in the guides compiles', () => {
    for (const guide of Object.values(guideLibrary)) for (const step of guide.steps) for (const p of step.answers ?? []) expect(() => compilePattern([p, 1])).not.toThrow();
  });
});
