import { describe, expect, it } from 'vitest';
import { readGuideMove, readYesNo } from './read-answer.ts';

describe('readYesNo', () => {
  it.each([
    ['Đúng rồi ạ', 'yes'],
    ['ừ đúng vậy', 'yes'],
    ['dạ đúng rồi cháu', 'yes'],
    ['dung roi', 'yes'],
    ['dung r', 'yes'],
    ['dung vay a', 'yes'],
    ['ddungs roi', 'yes'],
    ['vâng cháu', 'yes'],
    ['dạ được em ơi', 'yes'],
    ['ok nha ad', 'yes'],
    ['có', 'yes'],
    ['đồng ý ạ', 'yes'],
    ['không', 'no'],
    ['dạ không ạ', 'no'],
    ['ko dong y', 'no'],
    ['không đúng', 'no'],
    ['sai rồi', 'no'],
    ['thôi', 'no'],
  ] as const)('%j is %s', (text, answer) => {
    expect(readYesNo(text)).toBe(answer);
  });

  it.each(['dung', 'Dung.', 'dung a', 'dừng', 'cô', 'đúng không?', 'bác không hiểu', 'để tôi hỏi con đã'])('%j is unclear', (text) => {
    expect(readYesNo(text)).toBe('unclear');
  });
});

describe('readGuideMove', () => {
  it.each([
    ['xong rồi cháu', 'next'],
    ['xong roi con', 'next'],
    ['dc r', 'next'],
    ['tiếp đi', 'next'],
    ['được rồi ạ', 'next'],
    ['next', 'next'],
    ['khó quá cháu ơi', 'stuck'],
    ['k đc chau oi', 'stuck'],
    ['chưa được', 'stuck'],
    ['không thấy nút đó', 'stuck'],
    ['nó báo lỗi', 'stuck'],
    ['màn hình đứng im luôn', 'stuck'],
    ['cháu đến nhà giúp bác được không', 'visit'],
    ['nhờ tổ qua nhà', 'visit'],
    ['nói lại bước đó', 'repeat'],
    ['chưa đọc kịp', 'repeat'],
  ] as const)('%j is %s', (text, move) => {
    expect(readGuideMove(text)).toBe(move);
  });

  it.each(['ờ mà cái này mất tiền không', 'cho hỏi cái này làm ở đâu', 'dung a'])('%j is no move', (text) => {
    expect(readGuideMove(text)).toBeNull();
  });
});
