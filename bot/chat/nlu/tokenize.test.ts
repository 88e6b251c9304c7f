import { describe, expect, it } from 'vitest';
import { foldDiacritics } from './fold-diacritics.ts';
import { normalizeText, tokenize } from './tokenize.ts';
import { repairTelex } from './telex-residue.ts';

const norm = (t: string) => normalizeText(t).join(' ');

describe('foldDiacritics', () => {
  it('folds tones, vowel marks and đ, after NFC', () => {
    expect(foldDiacritics('Định danh mức 2 ở đâu')).toBe('dinh danh muc 2 o dau');
    // Decomposed input (e + combining marks) folds the same as precomposed.
    expect(foldDiacritics('Vie\u0302\u0323t Nam')).toBe('viet nam');
    expect(foldDiacritics('ĐĂNG KÝ')).toBe('dang ky');
  });
});

describe('repairTelex', () => {
  it.each([
    ['cafi', 'cai'],
    ['thees', 'the'],
    ['naof', 'nao'],
    ['ddinhj', 'dinh'],
    ['muwsc', 'muc'],
    ['ddaau', 'dau'],
  ])('repairs %s → %s', (input, output) => {
    expect(repairTelex(input)).toBe(output);
  });

  it.each(['sao', 'ra', 'xa', 'vneid', 'so', 'tr'])('leaves %s alone', (word) => {
    expect(repairTelex(word)).toBe(word);
  });
});

describe('normalizeText', () => {
  it.each([
    ['cach cai vneid ntn', 'cach cai vneid nhu the nao'],
    ['kich hoat muc 2 o dau z ad', 'kich hoat muc 2 o dau vay admin'],
    ['cafi vneid thees naof', 'cai vneid the nao'],
    ['Giúppp e vớiiii 😭😭', 'giup em voi'],
    ['ko dc, k biết làm j', 'khong duoc , khong biet lam gi'],
    ['quen mk vneid r', 'quen matkhau vneid roi'],
    ['mk muon hoi', 'minh muon hoi'],
    ['Định danh mức2', 'dinh danh muc 2'],
    ['lương hưu', 'luong huu'],
    ['tk ngân hàng', 'taikhoan ngan hang'],
    ['đt vs sdt', 'dien thoai voi so dien thoai'],
    ['!!! ??? ...', ''],
  ])('%j → %j', (input, output) => {
    expect(norm(input)).toBe(output);
  });

  it('turns redaction markers into tokens the matcher can see', () => {
    expect(norm('ma otp la [mã đã ẩn]')).toBe('ma otp la otpcode');
  });
});

describe('tokenize keeps the diacritics the resident typed', () => {
  const keys = (t: string) => tokenize(t).map((x) => x.key);
  it('tells đúng, dừng, đừng and dùng apart when typed with marks', () => {
    expect(keys('đúng dừng đừng dùng')).toEqual(['đung1', 'dưng2', 'đưng2', 'dung2']);
  });
  it('knows nothing about the marks of a word typed without them', () => {
    expect(keys('dung roi')).toEqual([null, null]);
  });
  it('recovers the marks a Telex leftover meant', () => {
    expect(tokenize('ddungs roi')[0]).toEqual({ fold: 'dung', key: 'đung1' });
    expect(tokenize('cafi')[0]).toEqual({ fold: 'cai', key: 'cai2' });
  });
  it('reads "hong" after "bị" as broken, elsewhere as the Southern "không"', () => {
    expect(normalizeText('dt bi hong')).toEqual(['dien', 'thoai', 'bi', 'hong']);
    expect(normalizeText('hong biet')).toEqual(['khong', 'biet']);
  });
});
