import { describe, expect, it } from 'vitest';
import { readStopRequest } from './stop-request.ts';
import { tokenize } from './tokenize.ts';

const read = (text: string) => readStopRequest(tokenize(text));

describe('readStopRequest', () => {
  it.each(['dừng', 'Dừng lại đi', 'đừng nhắn nữa', 'dung gui tin nua', 'stop ạ', 'ngừng nhắn tin'])('%j asks to stop', (text) => {
    expect(read(text)).toBe('clear');
  });
  it.each(['Đúng rồi ạ', 'ừ đúng vậy', 'đúng', 'dung roi', 'dung vay', 'dùng thế nào', 'app dừng hoạt động rồi'])('%j never does', (text) => {
    expect(read(text)).toBe('none');
  });
  it.each(['dung', 'Dung.', 'dung a'])('%j may be "đúng" or "dừng": ambiguous', (text) => {
    expect(read(text)).toBe('ambiguous');
  });
});
