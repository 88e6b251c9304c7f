import { abbreviations } from './abbreviations.ts';
import { accentKey, hasDiacritics, telexAccentKey } from './accent-key.ts';
import { joinCompounds } from './compounds.ts';
import { foldDiacritics } from './fold-diacritics.ts';
import { splitWords } from './split-words.ts';
import { repairTelex } from './telex-residue.ts';
import { isVietnameseSyllable } from './vietnamese-syllable.ts';

/**
 * One word of a message: `fold` is its comparable ASCII form; `key` keeps the diacritics the
 * resident typed (see accentKey), or is null when they are unknown — the word was typed without
 * marks in a message without marks, or is an expanded abbreviation. "," marks a clause break.
 */
export type Token = { fold: string; key: string | null };

export const clauseBreak: Token = { fold: ',', key: null };

/**
 * Words typed without marks whose meaning depends on their neighbours: "mk" next to "quên", "đổi"…
 * is "mật khẩu", elsewhere "mình"; "hong" after "bị", "máy"… is "hỏng" (broken), elsewhere the
 * Southern "hông" (không). Typed with marks, they need no guess.
 */
const contextual: Record<string, { near: Set<string>; after: boolean; then: string; otherwise: string }> = {
  mk: {
    near: new Set(['quen', 'doi', 'nhap', 'lay', 'sai', 'dat', 'tao', 'khoi', 'vneid', 'moi', 'cu', 'la', 'bi', 'cua']),
    after: true,
    then: 'mat khau',
    otherwise: 'minh',
  },
  hong: { near: new Set(['bi', 'da', 'may', 'thoai', 'cu', 'roi', 'hu', 'the', 'sim']), after: false, then: 'hong', otherwise: 'khong' },
};

/**
 * Turns what a resident typed into tokens: emoji and symbols removed, letters repeated for emphasis
 * collapsed ("giúppp" → "giup", but "hưu" stays "huu"), Telex leftovers repaired ("cafi" → "cai",
 * keeping the tone it meant), digits split from letters ("muc2" → "muc 2"), teencode expanded
 * ("ko dc" → "khong duoc") and ambiguous compounds joined ("tai khoan" → "taikhoan").
 * Only words typed with diacritics keep them (`key`); a word typed without is known only folded.
 */
export function tokenize(text: string): Token[] {
  const raw = splitWords(text.includes('[') ? replaceMarkers(text.toLowerCase()) : text);
  const out: Token[] = [];
  raw.forEach((word, i) => {
    if (word === ',') {
      if (out.length > 0 && out.at(-1) !== clauseBreak) out.push(clauseBreak);
      return;
    }
    const tokens = wordTokens(word);
    const first = tokens[0];
    const rule = first && first.key === null && tokens.length === 1 ? contextual[first.fold] : undefined;
    if (rule) {
      const near = rule.near.has(out.at(-1)?.fold ?? '') || (rule.after && rule.near.has(wordTokens(raw[i + 1] ?? '')[0]?.fold ?? ''));
      out.push(...plain(near ? rule.then : rule.otherwise));
      return;
    }
    out.push(...tokens);
  });
  if (out.at(-1) === clauseBreak) out.pop();
  return joinCompounds(out, (fold) => ({ fold, key: null }));
}

/** The markers left where sensitive numbers were redacted become words the matcher can see. */
function replaceMarkers(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\[mã đã ẩn\]/g, ' otpcode ')
    .replace(/\[số giấy tờ đã ẩn\]|\[số thẻ đã ẩn\]|\[số tài khoản đã ẩn\]/g, ' idnumber ')
    .replace(/\[mật khẩu đã ẩn\]/g, ' passwordcode ');
}

/** The folded words only: what most of the matching works on. */
export function normalizeText(text: string): string[] {
  return tokenize(text).map((t) => t.fold);
}

/** Residents reuse the same few thousand words: each word's tokens, worked out once. */
const wordCache = new Map<string, Token[]>();
const wordCacheLimit = 20_000;

/** One typed word on its own: its canonical folded form (or expansion) and the marks it carried. */
function wordTokens(word: string): Token[] {
  const cached = wordCache.get(word);
  if (cached) return cached;
  const fold = /^[a-z0-9]*$/.test(word) ? word : foldDiacritics(word);
  const canonical = canonicalToken(fold);
  const key = keyOf(word, fold, canonical);
  // "hông" typed with its marks is "không"; "hỏng" keeps its own meaning (and key).
  const expansion = key === 'hông0' ? 'khong' : abbreviations[canonical];
  const tokens = expansion !== undefined && expansion !== canonical ? plain(expansion) : [{ fold: canonical, key }];
  if (wordCache.size >= wordCacheLimit) wordCache.clear();
  wordCache.set(word, tokens);
  return tokens;
}

function plain(words: string): Token[] {
  return words.split(' ').map((fold) => ({ fold, key: null }));
}

function keyOf(word: string, fold: string, canonical: string): string | null {
  if (hasDiacritics(word)) {
    const key = accentKey(word);
    if (foldDiacritics(key.slice(0, -1)) === canonical) return key;
    // "đúnggg": the emphasis went, so it goes from the key too.
    const collapsed = key.slice(0, -1).replace(/(.)\1+/gu, '$1') + key.slice(-1);
    return foldDiacritics(collapsed.slice(0, -1)) === canonical ? collapsed : null;
  }
  if (canonical !== fold && /[sfrxjw]|dd|aa|ee|oo/.test(fold)) {
    const key = telexAccentKey(fold);
    return foldDiacritics(key.slice(0, -1)) === canonical ? key : null;
  }
  return null;
}

/** The word, or its emphasis-collapsed or Telex-repaired form, preferring a known abbreviation. */
function canonicalToken(raw: string): string {
  if (abbreviations[raw] !== undefined) return raw;
  const emphasis = raw.replace(/([a-z])\1{2,}/g, '$1');
  const single = emphasis.replace(/([a-z])\1+/g, '$1');
  for (const form of [emphasis, single]) if (abbreviations[form] !== undefined) return form;
  const repaired = repairTelex(emphasis);
  if (abbreviations[repaired] !== undefined || isVietnameseSyllable(repaired)) return repaired;
  // A doubled letter is emphasis only when dropping it leaves a real syllable ("giupp", not "huu").
  return isVietnameseSyllable(single) ? single : repaired;
}
