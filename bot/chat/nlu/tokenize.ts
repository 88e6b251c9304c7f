import { abbreviations } from './abbreviations.ts';
import { accentKey, hasDiacritics, telexAccentKey } from './accent-key.ts';
import { joinCompounds } from './compounds.ts';
import { foldDiacritics } from './fold-diacritics.ts';
import { repairTelex } from './telex-residue.ts';
import { isVietnameseSyllable } from './vietnamese-syllable.ts';

/**
 * One word of a message: `fold` is its comparable ASCII form; `key` keeps the diacritics the
 * resident typed (see accentKey), or is null when they are unknown — the word was typed without
 * marks in a message without marks, or is an expanded abbreviation. "," marks a clause break.
 */
export type Token = { fold: string; key: string | null };

export const clauseBreak: Token = { fold: ',', key: null };

/** Words before "hong" that make it "hỏng" (broken) rather than the Southern "hông" (không). */
const brokenContext = new Set(['bi', 'da', 'may', 'thoai', 'cu', 'roi', 'hu', 'the', 'sim']);
/** Neighbours of "mk" that make it "mật khẩu" rather than "mình". */
const passwordContext = new Set(['quen', 'doi', 'nhap', 'lay', 'sai', 'dat', 'tao', 'khoi', 'vneid', 'moi', 'cu', 'la', 'bi', 'cua']);

/**
 * Turns what a resident typed into tokens: emoji and symbols removed, letters repeated for emphasis
 * collapsed ("giúppp" → "giup", but "hưu" stays "huu"), Telex leftovers repaired ("cafi" → "cai",
 * keeping the tone it meant), digits split from letters ("muc2" → "muc 2"), teencode expanded
 * ("ko dc" → "khong duoc") and ambiguous compounds joined ("tai khoan" → "taikhoan").
 * Only words typed with diacritics keep them (`key`); a word typed without is known only folded.
 */
export function tokenize(text: string): Token[] {
  const cleaned = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\[mã đã ẩn\]/g, ' otpcode ')
    .replace(/\[số giấy tờ đã ẩn\]|\[số thẻ đã ẩn\]|\[số tài khoản đã ẩn\]/g, ' idnumber ')
    .replace(/\[mật khẩu đã ẩn\]/g, ' passwordcode ')
    .replace(/(\p{L})(\d)/gu, '$1 $2')
    .replace(/(\d)(\p{L})/gu, '$1 $2')
    // Clauses matter for negation and for two-topic messages, so punctuation leaves a marker.
    .replace(/[.,;!?\n]+/g, ' , ')
    .replace(/[^\p{L}\p{M}0-9,]+/gu, ' ')
    .trim();
  if (!cleaned) return [];
  const raw = cleaned.split(' ');
  const out: Token[] = [];
  raw.forEach((word, i) => {
    if (word === ',') {
      if (out.length > 0 && out.at(-1) !== clauseBreak) out.push(clauseBreak);
      return;
    }
    const fold = foldDiacritics(word);
    const canonical = canonicalToken(fold);
    if (canonical === 'mk') {
      const near = passwordContext.has(out.at(-1)?.fold ?? '') || passwordContext.has(canonicalToken(foldDiacritics(raw[i + 1] ?? '')));
      out.push(...plain(near ? 'mat khau' : 'minh'));
      return;
    }
    if (canonical === 'hong' && brokenContext.has(out.at(-1)?.fold ?? '')) {
      out.push({ fold: 'hong', key: null });
      return;
    }
    const expansion = abbreviations[canonical];
    if (expansion !== undefined && expansion !== canonical) {
      out.push(...plain(expansion));
      return;
    }
    out.push({ fold: canonical, key: keyOf(word, fold, canonical) });
  });
  if (out.at(-1) === clauseBreak) out.pop();
  return joinCompounds(out, (fold) => ({ fold, key: null }));
}

/** The folded words only: what most of the matching works on. */
export function normalizeText(text: string): string[] {
  return tokenize(text).map((t) => t.fold);
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

/** Residents reuse the same few thousand words: remember each word's canonical form. */
const canonicalCache = new Map<string, string>();
const canonicalCacheLimit = 20_000;

function canonicalToken(raw: string): string {
  const cached = canonicalCache.get(raw);
  if (cached !== undefined) return cached;
  const token = computeCanonicalToken(raw);
  if (canonicalCache.size >= canonicalCacheLimit) canonicalCache.clear();
  canonicalCache.set(raw, token);
  return token;
}

/** The word, or its emphasis-collapsed or Telex-repaired form, preferring a known abbreviation. */
function computeCanonicalToken(raw: string): string {
  if (abbreviations[raw] !== undefined) return raw;
  const emphasis = raw.replace(/([a-z])\1{2,}/g, '$1');
  const single = emphasis.replace(/([a-z])\1+/g, '$1');
  for (const form of [emphasis, single]) if (abbreviations[form] !== undefined) return form;
  const repaired = repairTelex(emphasis);
  if (abbreviations[repaired] !== undefined || isVietnameseSyllable(repaired)) return repaired;
  // A doubled letter is emphasis only when dropping it leaves a real syllable ("giupp", not "huu").
  return isVietnameseSyllable(single) ? single : repaired;
}
