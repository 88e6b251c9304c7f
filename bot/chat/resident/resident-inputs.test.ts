import { describe, expect, it } from 'vitest';
import { controlWord, isDeletionRequest } from './control-words.ts';
import { consentAnswer, extractPhoneNumber } from './form-inputs.ts';
import { readMessage } from './message-reading.ts';
import { matchVillage } from './village-match.ts';

const villages = [
  { id: 1, name: 'Thôn Đông' },
  { id: 2, name: 'Thôn Tây' },
  { id: 3, name: 'Tổ dân phố 1' },
  { id: 4, name: 'Tổ dân phố 12' },
];

describe('matchVillage', () => {
  it.each([
    ['thon dong', 1],
    ['Đông', 1],
    ['o thon tay a', 2],
    ['xóm tây', 2],
    ['tdp 1', 3],
    ['to dan pho 12', 4],
    ['tdp12', 4],
  ])('%s → %i', (typed, id) => {
    expect(matchVillage(typed, villages)?.id).toBe(id);
  });

  it('finds nothing for a place that is not there', () => {
    expect(matchVillage('thon bac', villages)).toBeNull();
  });
});

describe('controlWord', () => {
  it.each([
    ['nhờ tổ hỗ trợ', 'visit'],
    ['nho to den nha giup chau', 'visit'],
    ['hủy', 'cancel'],
    ['thôi không cần nữa', 'cancel'],
    ['thôi cháu ơi không cần nữa', 'cancel'],
    ['bật lại', 'optIn'],
    ['huỷ yêu cầu nhé', 'cancelRequest'],
    ['không cần đến nữa đâu cháu', 'cancelRequest'],
  ])('%s → %s', (text, word) => {
    expect(controlWord(text)).toBe(word);
  });

  it('does not read a whole question as a control word', () => {
    expect(controlWord('tiếp theo thì làm mức 2 ở đâu')).toBeNull();
    expect(controlWord('ok vậy cài vneid thế nào')).toBeNull();
    expect(controlWord('hủy thẻ atm thế nào')).toBeNull();
  });
});

describe('form inputs', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['sdt 0912 345 678 nhe', '0912345678'],
    ['+84 912.345.678', '0912345678'],
    ['84987654321', '0987654321'],
    ['gọi 012345', null],
    ['0212345678', null],
  ])('extractPhoneNumber(%j) = %j', (text, phone) => {
    expect(extractPhoneNumber(text)).toBe(phone);
  });

  it('reads typed consent answers, and refuses to guess', () => {
    const typed = (text: string) => ({ action: null, text, reading: readMessage(text) });
    expect(consentAnswer(typed('đồng ý ạ'))).toBe(true);
    expect(consentAnswer(typed('Đúng rồi ạ'))).toBe(true);
    expect(consentAnswer(typed('khong'))).toBe(false);
    expect(consentAnswer(typed('để tôi hỏi con'))).toBeNull();
    expect(consentAnswer(typed('dung'))).toBeNull();
    expect(consentAnswer({ action: { kind: 'consent', granted: false }, text: null, reading: null })).toBe(false);
  });

  it('recognises deletion requests', () => {
    expect(isDeletionRequest('xóa dữ liệu của tôi')).toBe(true);
    expect(isDeletionRequest('xoa het thong tin cua minh di')).toBe(true);
    expect(isDeletionRequest('xóa tài khoản vneid thế nào')).toBe(false);
  });
});
