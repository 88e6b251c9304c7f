import { normalizeText } from '../nlu/normalize-text.ts';

/**
 * Short replies that steer a guide or a form, recognised on whole (normalised) messages so that a
 * longer sentence is still read as a question. Politeness words around them are ignored.
 */
const polite = new Set(['a', 'nhe', 'nha', 'admin', 'oi', 'em', 'anh', 'chi', 'bac', 'to', 'ah', 'vay', 'thi', 'minh', 'toi']);

const phrases = {
  next: ['tiep', 'tiep theo', 'tiep di', 'tiep tuc', 'buoc tiep', 'buoc tiep theo', 'xong', 'xong roi', 'da xong', 'lam xong', 'lam xong roi', 'ok', 'ok roi', 'roi', 'duoc roi', 'lam duoc roi', 'next', 'u', 'vang', 'da', 'da roi', 'da vang', 'co'],
  stuck: ['chua duoc', 'khong duoc', 'chua lam duoc', 'khong lam duoc', 'kho qua', 'khong hieu', 'chua hieu', 'bi loi', 'loi', 'khong biet', 'chua', 'khong thay', 'khong thay nut', 'khong lam duoc a', 'chiu', 'bo tay'],
  visit: ['nho to', 'nho to ho tro', 'nho to giup', 'nho to ho tro tan nha', 'ho tro tan nha', 'den nha', 'den nha giup'],
  cancel: ['huy', 'thoi', 'huy bo', 'thoi khong can', 'khong can', 'khong can nua', 'thoi khong can nua', 'bo qua'],
  optIn: ['bat lai', 'nhan lai tin', 'nhan lai tin nhac', 'bat lai tin nhac', 'dang ky lai'],
  thanks: ['cam on', 'cam on nhieu', 'cam on to', 'cam on nhe', 'ok cam on', 'cam on ban'],
} as const;

export type ControlWord = keyof typeof phrases;

const kinds: readonly ControlWord[] = ['next', 'stuck', 'visit', 'cancel', 'optIn', 'thanks'];
const lookup = new Map<string, ControlWord>(kinds.flatMap((kind) => phrases[kind].map((p): [string, ControlWord] => [p, kind])));

/** The control word the whole message amounts to, or null. */
export function controlWord(text: string): ControlWord | null {
  const words = normalizeText(text).filter((t) => t !== ',');
  while (words.length > 1 && polite.has(words.at(-1) ?? '')) words.pop();
  while (words.length > 1 && polite.has(words[0] ?? '')) words.shift();
  return lookup.get(words.join(' ')) ?? null;
}

/** "xóa dữ liệu của tôi", "xoa het thong tin cua minh": a request to delete personal data. */
export function isDeletionRequest(text: string): boolean {
  const words = normalizeText(text);
  const at = words.indexOf('xoa');
  if (at < 0) return false;
  const rest = words.slice(at + 1, at + 5).join(' ');
  return /\b(du lieu|thong tin)\b/.test(rest);
}
