import { accentKey, hasDiacritics } from './accent-key.ts';
import { foldDiacritics } from './fold-diacritics.ts';
import { tokenize } from './tokenize.ts';
import type { Token } from './tokenize.ts';

/**
 * Reads a short reply as the answer to the question the bot just asked. Vocatives and particles
 * ("cháu", "ơi", "nhé", "ạ"…) are set aside first, so "xong rồi cháu" reads as "xong rồi" and
 * "k đc chau oi" as "không được". Words keep their diacritics: "đúng" is yes, "dừng" never is; a bare
 * "dung" typed without marks is unclear (docs/understanding.md).
 */
export type YesNo = 'yes' | 'no' | 'unclear';
export type GuideMove = 'next' | 'stuck' | 'visit' | 'repeat';

/** A word as written in these lists: with marks it must be typed with the same marks or none. */
type Cue = { fold: string; key: string | null };
const cues = (words: string[]): Cue[] => words.map((w) => ({ fold: foldDiacritics(w), key: hasDiacritics(w) ? accentKey(w) : null }));

/** Words that address someone or soften a reply; they never change its meaning. */
const vocatives = cues([
  'ạ', 'à', 'ah', 'nhé', 'nhá', 'nha', 'nhen', 'ơi', 'hả', 'nhỉ', 'ha', 'hen', 'luôn', 'mà', 'với', 'giùm', 'giúp', 'đi',
  'cháu', 'con', 'em', 'bác', 'cô', 'chú', 'anh', 'chị', 'ông', 'bà', 'tổ', 'ad', 'admin', 'bạn', 'mình', 'tôi', 'tui',
]);
/** Fillers are set aside too, but they make a "dung" more than bare: "dung vay" is "đúng vậy". */
const fillers = cues(['quá', 'lắm', 'thật', 'ghê', 'vậy', 'thế', 'đó', 'đấy', 'này', 'kìa', 'là', 'rồi']);
const particles = [...vocatives, ...fillers];
/** Polite openers that are not an answer when something follows ("dạ không ạ"). */
const openers = cues(['dạ', 'vâng', 'thưa']);
/** Typed without marks these are also content words (qua/quá, có/cô, đã/dạ, còn/con…): only a particle at the end. */
const ambiguousPlain = new Set(['qua', 'co', 'da', 'ba', 'con', 'to', 'ma', 'do', 'the', 'nay', 'la', 'di', 'nha']);

const yesWords = cues(['đúng', 'vâng', 'dạ', 'ừ', 'ờ', 'uh', 'um', 'ok', 'có', 'được', 'chuẩn', 'phải', 'yes', 'đồng', 'chắc', 'xác']);
const noWords = cues(['không', 'chưa', 'chẳng', 'thôi', 'khỏi', 'từ', 'sai', 'đừng', 'no', 'hổng', 'giữ']);
/** "không hiểu", "chưa rõ": not an answer at all. */
const unsureWords = cues(['hiểu', 'biết', 'rõ', 'nghe']);
/** A yes-word followed by "không" asks back ("đúng không?", "được không?"). */
const askBack = cues(['không', 'chưa', 'hả']);
const negations = cues(['không', 'chưa', 'chẳng', 'chả', 'hổng']);
const stopFollowers = new Set(['gui', 'nhan', 'nhac', 'tin', 'lai', 'nua']);

const doneWords = cues(['xong', 'rồi', 'tiếp', 'ok', 'được', 'next', 'thành', 'vâng', 'dạ', 'ừ', 'có', 'hiện', 'thấy', 'bấm', 'vào']);
// Not "rối" or "đứng": typed without marks they are "rồi" and "đúng".
const troubleWords = cues(['khó', 'lỗi', 'kẹt', 'chịu', 'bó', 'sai', 'mất', 'đơ', 'treo', 'im', 'hỏng', 'hư']);
const homeWords = cues(['nhà']);
const comeWords = cues(['đến', 'qua', 'xuống', 'tới', 'sang', 'ghé', 'về']);
const personWords = cues(['ai', 'người', 'tổ', 'cháu', 'em', 'con']);
const showWords = cues(['xem', 'nói', 'nhắc', 'đọc', 'gửi', 'chỉ', 'hướng', 'làm', 'lặp', 'giải']);
const againWords = cues(['lại', 'đầu']);
const questionWords = cues(['sao', 'gì', 'nào', 'đâu', 'nhiêu', 'lâu', 'mấy', 'hả', 'chứ']);
const maxWords = 10;

export function readYesNo(text: string): YesNo {
  const all = tokenize(text).filter((t) => t.fold !== ',');
  const bare = all.filter((w) => !has(vocatives, w));
  if (bare.length === 1 && bare[0]?.fold === 'dung' && bare[0].key === null) return 'unclear';
  const opened = answerWords(all);
  const words = opened.length > 1 ? opened.filter((w, i) => i > 0 || !has(openers, w)) : opened;
  if (words.length === 0 || words.length > maxWords) return 'unclear';
  const last = words.at(-1);
  const before = words.at(-2);
  if (last && before && has(askBack, last) && has(yesWords, before)) return 'unclear';
  if (words.some((w) => has(negations, w))) return words.some((w) => has(unsureWords, w)) ? 'unclear' : 'no';
  const yes = words.some((w, i) => has(yesWords, w) && !(w.fold === 'dung' && w.key === null && stopFollowers.has(words[i + 1]?.fold ?? '')));
  if (yes) return 'yes';
  return words.some((w) => has(noWords, w)) ? 'no' : 'unclear';
}

export function readGuideMove(text: string): GuideMove | null {
  const all = tokenize(text).filter((t) => t.fold !== ',');
  const words = answerWords(all);
  if (words.length === 0 || words.length > maxWords) return null;
  const any = (list: Cue[], within: Token[] = words) => within.some((w) => has(list, w));
  const negated = words.some((w, i) => has(negations, w) && i + 1 < words.length) || (words.length === 1 && any(negations));
  if (any(homeWords, all) && (any(comeWords, all) || any(personWords, all))) return 'visit';
  if ((any(showWords) && any(againWords)) || words.some((w) => w.fold === 'kip') || (negated && words.some((w) => w.fold === 'ro'))) return 'repeat';
  if (negated) return 'stuck';
  if (words.some((w) => w.fold === 'tiep')) return 'next';
  if (asksSomething(text, words)) return null;
  if (any(troubleWords)) return 'stuck';
  if (any(doneWords)) return 'next';
  return null;
}

/** "mất tiền không?", "làm ở đâu": a question of its own, even with a trouble word in it. */
function asksSomething(text: string, words: Token[]): boolean {
  if (text.includes('?') || words.some((w) => has(questionWords, w))) return true;
  const last = words.at(-1);
  const before = words.at(-2);
  return last !== undefined && before !== undefined && has(askBack, last) && !has(troubleWords, before) && !has(negations, before);
}

/** Whether a reply is a question rather than an answer ("mất tiền không?", "làm ở đâu"). */
export function isQuestion(text: string): boolean {
  return asksSomething(text, replyWords(text));
}

/** The words that carry a reply, without vocatives and particles ("xong rồi cháu" → "xong"). */
export function replyWords(text: string): Token[] {
  return answerWords(tokenize(text).filter((t) => t.fold !== ','));
}

function answerWords(tokens: Token[]): Token[] {
  const words = tokens.filter((t) => t.fold !== ',');
  const core = words.filter((w, i) => !isParticle(w, i === words.length - 1));
  return core.length > 0 ? core : words;
}

function isParticle(word: Token, last: boolean): boolean {
  return (word.key !== null || last || !ambiguousPlain.has(word.fold)) && has(particles, word);
}

function has(list: Cue[], word: Token): boolean {
  return list.some((c) => c.fold === word.fold && (c.key === null || word.key === null || c.key === word.key));
}
