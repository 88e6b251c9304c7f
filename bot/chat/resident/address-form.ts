import { accentKey } from '../nlu/accent-key.ts';
import { tokenize } from '../nlu/tokenize.ts';
import type { Token } from '../nlu/tokenize.ts';

/**
 * How a resident speaks of themselves, so the bot can address them the same way: "cho cháu hỏi"
 * is answered "cháu ơi…", "bác không biết làm" is answered "bác". Until it is known the bot uses one
 * neutral form ("bạn"), the way Zalo itself speaks to everyone. See docs/understanding.md.
 */
export const addressForms = ['bac', 'co', 'chu', 'ong', 'ba', 'anh', 'chi', 'em', 'chau'] as const;
export type AddressForm = (typeof addressForms)[number];

export const addressWords: Record<AddressForm, string> = {
  bac: 'bác', co: 'cô', chu: 'chú', ong: 'ông', ba: 'bà', anh: 'anh', chi: 'chị', em: 'em', chau: 'cháu',
};
export const neutralAddress = 'bạn';

export function isAddressForm(value: string | null): value is AddressForm {
  const forms: readonly string[] = addressForms;
  return value !== null && forms.includes(value);
}

/** Pronouns by accent key; "con" speaking of oneself is addressed as "cháu". */
const byKey = new Map<string, AddressForm>([
  ...addressForms.map((f): [string, AddressForm] => [accentKey(addressWords[f]), f]),
  [accentKey('con'), 'chau'],
]);
/** Typed without marks, these are just as often other words (có, ba, chỉ, ạ…): trusted only after "cho"/"giúp", or when the message also speaks to the bot ("cháu ơi"). */
const plainClear = new Map<string, AddressForm>([['bac', 'bac'], ['chu', 'chu'], ['ong', 'ong'], ['em', 'em'], ['chau', 'chau'], ['con', 'chau'], ['anh', 'anh']]);
const plainAny = new Map<string, AddressForm>([...plainClear, ['co', 'co'], ['chi', 'chi'], ['ba', 'ba'], ['a', 'anh'], ['c', 'chi']]);

/** What a subject does next: "bác muốn…", "cháu không biết…", "em đã…". */
const verbs = new Set([
  'muon', 'can', 'hoi', 'khong', 'chua', 'da', 'dang', 'bi', 'moi', 'co', 'lam', 'cai', 'tai', 'o', 'la', 'quen', 'thay', 'vua', 'cam', 'chao',
  'nho', 'xin', 'dinh', 'se', 'cung', 'van', 'hay', 'gui', 'nhan', 'dung', 'biet', 'hieu', 'duoc', 'di', 'doc', 'nhin', 'gia', 'nam', 'nay',
  'tuoi', 'nghe', 'mat', 'lo', 'rat', 'that', 'hom', 'vao', 'mo', 'bam', 'nhap', 'tim', 'kiem', 'thu', 'ra', 'len', 've', 'vui', 'dong', 'ban',
  'ko', 'chang', 'deu', 'chi', 'tu', 'mua', 'xem', 'ghi', 'dat', 'doi', 'chuyen', 'nop', 'ngoi', 'song', 'an', 'phai', 'thi',
]);
/** Words after which a pronoun is the writer asking: "cho cháu hỏi", "bảo em…". */
const asks = new Set(['cho', 'bao']);
/** "giúp bác với" is the writer; "cài giúp ông" (for grandpa) is not: only before an ending. */
const helps = new Set(['giup', 'gium', 'dum', 'ho']);
const endings = new Set(['voi', 'nhe', 'nha', 'a', ',', '']);
/** Words after which a pronoun owns something: "nhà cháu", "của bác", "vợ anh", "con chị". */
const owners = new Set(['cua', 'nha', 'vo', 'chong', 'con', 'me', 'bo', 'cha', 'ma', 'may', 'so', 'taikhoan', 'the']);
const starts = new Set(['da', 'vang', 'thua', 'a', 'oi', 'alo', 'nay', 'thi', 'ma', 'nhung', 'vi', 'nen', 'roi', 'gio', 'con', 'de', 'thoi']);
/** "con tôi", "cháu tôi": a relative of the writer, not the writer. */
const relativeMarks = new Set(['toi', 'tui', 'minh', 'em', 'nha', 'tao', 'ta', 'con', 'noi', 'ngoai', 'gai', 'trai']);
/** Bot-addressing words that show the message uses kinship pronouns at all. */
const speaksToBot = new Set(['chau', 'con', 'em', 'to', 'ad', 'admin']);
/** Verbs of serving: in "em chỉ chị lại", the pronoun after them is the writer. */
const serving = new Set(['chi', 'giup', 'huong', 'lam', 'gui', 'cai', 'xem', 'goi', 'bao', 'coi']);

/**
 * The form the writer uses for themselves in this message, or null when it does not say. Each
 * pronoun in a telling position is a candidate; "cho cháu hỏi" outweighs "cháu gửi lại… cho bác"
 * (where the first pronoun is spoken to), and the earliest of equals wins.
 */
export function detectSelfForm(text: string): AddressForm | null {
  const tokens = tokenize(text);
  const kinship = tokens.some((t) => speaksToBot.has(t.fold));
  let best: AddressForm | null = null;
  let bestStrength = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    const next = tokens[i + 1];
    const prev = tokens[i - 1]?.fold ?? ',';
    if (next?.fold === 'oi' || relativeMarks.has(next?.fold ?? '')) continue; // "bác ơi": spoken to; "con tôi": a relative
    const candidates: [AddressForm | null, number][] = [];
    if (asks.has(prev) && isVerb(next)) candidates.push([formOf(token, plainAny), 3]);
    else if (helps.has(prev) && endings.has(next?.fold ?? '')) candidates.push([formOf(token, plainAny), 1.5]);
    else if (owners.has(prev) && i > 0) candidates.push([formOf(token, plainClear), 2]);
    else if ((prev === ',' || starts.has(prev) || i === 0) && isVerb(next)) {
      const serves = next !== undefined && serving.has(next.fold);
      candidates.push([formOf(token, kinship || i === 0 ? plainAny : plainClear), serves ? 1 : 2]);
      // "em chỉ chị lại": the first pronoun is spoken to, the one after the serving verb is the writer.
      const after = tokens[i + 2];
      if (serves && after) candidates.push([formOf(after, plainClear), 2.5]);
    }
    for (const [form, strength] of candidates) {
      if (form && strength > bestStrength) {
        best = form;
        bestStrength = strength;
      }
    }
  }
  return best;
}

/** The form to use for the writer of this message: what they call themselves, else what calling the bot "cháu" implies. */
export function addressFormOf(text: string): AddressForm | null {
  return detectSelfForm(text) ?? impliedByVocative(text);
}

function isVerb(token: Token | undefined): boolean {
  if (!token) return false;
  if (/^\d/.test(token.fold)) return true; // "ông 85 tuổi"
  return verbs.has(token.fold) && !(token.key !== null && byKey.has(token.key));
}

/** Someone who calls the bot "cháu"/"con" ("xong rồi cháu", "cháu ơi") is older than it: "bác". */
export function impliedByVocative(text: string): AddressForm | null {
  const words = tokenize(text).filter((t) => t.fold !== ',');
  const calls = (t: Token | undefined) => t !== undefined && (t.fold === 'chau' || t.fold === 'con') && (t.key === null || byKey.get(t.key) === 'chau');
  const vocative = words.some((t, i) => calls(t) && i > 0 && (words[i + 1]?.fold === 'oi' || i === words.length - 1)) || (calls(words[0]) && words[1]?.fold === 'oi');
  return vocative ? 'bac' : null;
}

function formOf(token: Token, plain: Map<string, AddressForm>): AddressForm | null {
  if (token.key !== null) return byKey.get(token.key) ?? null;
  return plain.get(token.fold) ?? null;
}

/** The word for `{b}` in a text: the resident's own form, or the neutral one. */
export function addressWord(form: string | null): string {
  return isAddressForm(form) ? addressWords[form] : neutralAddress;
}

/** Fills `{b}` / `{B}` with how this resident is addressed. */
export function addressText(text: string, form: string | null): string {
  const word = addressWord(form);
  return text.replaceAll('{B}', word.charAt(0).toUpperCase() + word.slice(1)).replaceAll('{b}', word);
}
