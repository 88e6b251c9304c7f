import { replyWords } from '../nlu/read-answer.ts';
import { tokenize } from '../nlu/tokenize.ts';

/**
 * Short replies that steer a form or the conversation, recognised on whole messages (after
 * vocatives and particles are set aside) so that a longer sentence is still read as a question.
 * Guide moves ("tiếp", "chưa được") and yes/no are read in nlu/read-answer.ts.
 */
const phrases = {
  // "tổ" is set aside as a vocative: "nhờ tổ hỗ trợ" reads "nho ho tro".
  visit: [
    'nho', 'nho ho tro', 'nho giup', 'nho ho tro tan nha', 'ho tro tan nha', 'den nha', 'den nha giup', 'nho den nha', 'nho xuong nha', 'nho qua nha',
    // Typed without marks, "to" may be "to" (big) as well as "tổ", so it is not set aside.
    'nho to', 'nho to ho tro', 'nho to den nha', 'nho to xuong nha', 'nho to qua nha', 'nho to ho tro tan nha',
  ],
  cancel: ['huy', 'thoi', 'huy bo', 'thoi khong can', 'khong can', 'khong can nua', 'thoi khong can nua', 'bo qua', 'huy di', 'thoi khoi', 'khoi', 'khoi can'],
  optIn: ['bat lai', 'nhan lai tin', 'nhan lai tin nhac', 'bat lai tin nhac', 'dang ky lai', 'gui lai tin nhac'],
  cancelRequest: [
    'huy yeu cau', 'huy lich', 'huy hen', 'khong can den nua', 'khong can toi nua', 'khong can qua nua', 'khong can xuong nua',
    'thoi khong can den', 'thoi khong can den nua', 'toi lam duoc roi khong can den', 'huy yeu cau ho tro', 'khong can den nua dau',
  ],
} as const;

export type ControlWord = keyof typeof phrases;

const kinds: readonly ControlWord[] = ['visit', 'cancel', 'optIn', 'cancelRequest'];
const lookup = new Map<string, ControlWord>(kinds.flatMap((kind) => phrases[kind].map((p): [string, ControlWord] => [p, kind])));

/** "hủy yêu cầu/lịch/hẹn", "không cần (tổ) đến/qua/xuống (nữa)": the resident withdraws a request. */
const withdraws = /\bhuy (?:yeu cau|lich|hen)\b|\bkhong can (?:to )?(?:den|toi|qua|xuong|ghe)\b/;

/** The control word the whole message amounts to, or null. */
export function controlWord(text: string): ControlWord | null {
  const words = replyWords(text).map((t) => t.fold);
  const exact = lookup.get(words.join(' '));
  if (exact) return exact;
  return words.length <= 10 && withdraws.test(words.join(' ')) ? 'cancelRequest' : null;
}

/** "xóa dữ liệu của tôi", "xoa het thong tin cua minh": a request to delete personal data. */
export function isDeletionRequest(text: string): boolean {
  const words = tokenize(text).map((t) => t.fold);
  const at = words.indexOf('xoa');
  if (at < 0) return false;
  const rest = words.slice(at + 1, at + 5).join(' ');
  return /\b(du lieu|thong tin)\b/.test(rest);
}
