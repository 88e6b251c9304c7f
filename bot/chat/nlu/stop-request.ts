import type { Token } from './tokenize.ts';

/**
 * A short message that only asks the bot to stop ("dừng", "đừng nhắn nữa", "stop ạ"). Diacritics
 * decide: "dừng"/"đừng" stop, "đúng"/"dùng" never do. A bare "dung" typed without marks could be
 * either, so it is `ambiguous` and the bot asks; "dung roi", "dung vay" are "đúng rồi", "đúng vậy".
 */
export type StopReading = 'clear' | 'ambiguous' | 'none';

const clearStops = new Set(['ngung', 'huy', 'stop', 'unsubscribe', 'tat']);
/** Accent keys of the two words spelled "dung" that mean stop. */
const stopKeys = new Set(['dưng2', 'đưng2']);
const messaging = new Set(['gui', 'nhan', 'nhac', 'tin', 'lai', 'nua', 'lien']);
/** Words that can stand around a stop word without changing it. Not "rồi", "vậy", "thế": "đúng rồi". */
const polite = new Set([
  'a', 'nhe', 'nha', 'nhen', 'di', 'admin', 'ad', 'em', 'anh', 'chi', 'bac', 'chau', 'con', 'chu', 'ong', 'ba', 'co', 'to', 'ban',
  'lai', 'ngay', 'thoi', 'nhan', 'tin', 'oi', 'ok', 'u', 'vang', 'da', 'gui', 'nhac', 'nua', 'cho', 'toi', 'minh', 'giup', 'voi', 'xin', 'luon', 'het',
]);
const maxWords = 6;

export function readStopRequest(tokens: readonly Token[]): StopReading {
  const words = tokens.filter((t) => t.fold !== ',');
  if (words.length === 0 || words.length > maxWords) return 'none';
  let clear = false;
  let unsure = false;
  for (const [i, word] of words.entries()) {
    if (clearStops.has(word.fold)) clear = true;
    else if (word.fold === 'dung' && word.key !== null) {
      if (!stopKeys.has(word.key)) return 'none';
      clear = true;
    } else if (word.fold === 'dung') {
      if (messaging.has(words[i + 1]?.fold ?? '')) clear = true;
      else unsure = true;
    } else if (!polite.has(word.fold)) return 'none';
  }
  return clear ? 'clear' : unsure ? 'ambiguous' : 'none';
}
