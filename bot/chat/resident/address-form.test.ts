import { describe, expect, it } from 'vitest';
import { addressFormOf, addressText, detectSelfForm, impliedByVocative } from './address-form.ts';

describe('how residents speak of themselves', () => {
  it.each([
    ['Cho cháu hỏi cách cài VNeID', 'chau'],
    ['con muốn hỏi về VssID', 'chau'],
    ['bác không biết làm mức 2', 'bac'],
    ['Bác ơi cho em hỏi', 'em'],
    ['cháu ơi bác hỏi cái này', 'bac'],
    ['cô đang chờ duyệt mức 2 mấy hôm nay rồi cháu', 'co'],
    ['ông 85 tuổi rồi còn phải làm cái này à', 'ong'],
    ['cho a hoi cai vssid dang nhap bang gi', 'anh'],
    ['em chỉ chị lại từ bước 2 với', 'chi'],
    ['tôi muốn cài vneid', null],
    ['mẹ tôi muốn cài vneid', null],
    ['ba toi can nhan tro cap', null],
  ] as const)('%j → %s', (text, form) => {
    expect(detectSelfForm(text)).toBe(form);
  });

  it('calling the bot "cháu" tells it the resident is older', () => {
    expect(impliedByVocative('xong rồi cháu')).toBe('bac');
    expect(impliedByVocative('khó quá cháu ơi')).toBe('bac');
    expect(addressFormOf('k dc chau oi')).toBe('bac');
    expect(impliedByVocative('xong rồi')).toBeNull();
  });

  it('addresses with the resident’s own word, or one neutral word before it is known', () => {
    expect(addressText('{B} cần tổ giúp gì, {b} cứ nhắn ạ.', 'bac')).toBe('Bác cần tổ giúp gì, bác cứ nhắn ạ.');
    expect(addressText('{B} cần tổ giúp gì, {b} cứ nhắn ạ.', null)).toBe('Bạn cần tổ giúp gì, bạn cứ nhắn ạ.');
    expect(addressText('Chào {b}!', 'not-a-form')).toBe('Chào bạn!');
  });
});
