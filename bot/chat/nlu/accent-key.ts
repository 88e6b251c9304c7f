/**
 * The diacritics of one Vietnamese word, kept apart from its letters so that words which fold to the
 * same ASCII ("đúng" right, "dừng" stop, "đừng" don't, "dùng" use → "dung") stay distinguishable when
 * the resident typed the marks. The key is the word with its vowel shapes (â ă ê ô ơ ư đ) but without
 * its tone, followed by the tone as a digit: 0 level, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng.
 * "đúng" → "đung1", "dừng" → "dưng2". Telex leftovers get the same key ("ddungs" → "đung1").
 */
const toneDigits: Record<string, string> = { '\u0301': '1', '\u0300': '2', '\u0309': '3', '\u0303': '4', '\u0323': '5' };

export function accentKey(word: string): string {
  let tone = '0';
  let base = '';
  for (const ch of word.toLowerCase().normalize('NFD')) {
    const digit = toneDigits[ch];
    if (digit) tone = digit;
    else base += ch;
  }
  return base.normalize('NFC') + tone;
}

/** True when the word carries any Vietnamese mark (a tone, a vowel shape or đ). */
export function hasDiacritics(word: string): boolean {
  return /[\u0300-\u036f]|đ/i.test(word.normalize('NFD'));
}

const telexTones: Record<string, string> = { s: '1', f: '2', r: '3', x: '4', j: '5' };
const telexShapes: readonly [RegExp, string][] = [
  [/dd/g, 'đ'],
  [/uow|uwow/g, 'ươ'],
  [/aa/g, 'â'],
  [/aw/g, 'ă'],
  [/ee/g, 'ê'],
  [/oo/g, 'ô'],
  [/ow/g, 'ơ'],
  [/uw/g, 'ư'],
  [/w/g, 'ư'],
];

/** The accent key of a word typed in Telex without the keyboard converting it ("cafi" → "cai2"). */
export function telexAccentKey(raw: string): string {
  let tone = '0';
  const withoutTones = raw.replace(/(?<=[aeiouyw][a-z]*)[sfrxj]/g, (key) => {
    tone = telexTones[key] ?? tone;
    return '';
  });
  let base = withoutTones;
  for (const [pattern, letter] of telexShapes) base = base.replace(pattern, letter);
  return base + tone;
}
