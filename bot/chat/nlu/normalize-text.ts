import { abbreviations } from './abbreviations.ts';
import { joinCompounds } from './compounds.ts';
import { foldDiacritics } from './fold-diacritics.ts';
import { repairTelex } from './telex-residue.ts';
import { isVietnameseSyllable } from './vietnamese-syllable.ts';

/** Neighbours of "mk" that make it "mật khẩu" rather than "mình". */
const passwordContext = new Set(['quen', 'doi', 'nhap', 'lay', 'sai', 'dat', 'tao', 'khoi', 'vneid', 'moi', 'cu', 'la', 'bi', 'cua']);

/**
 * Turns what a resident typed into comparable tokens: folded to ASCII, emoji and symbols removed,
 * letters repeated for emphasis collapsed ("giúppp" → "giup", but "hưu" stays "huu"), Telex
 * leftovers repaired ("cafi" → "cai"), digits split from letters ("muc2" → "muc 2"), teencode
 * expanded ("ko dc" → "khong duoc") and ambiguous compounds joined ("tai khoan" → "taikhoan").
 * Sentence punctuation becomes a "," token. The bot and `npm run nlu` both use this one function.
 */
export function normalizeText(text: string): string[] {
  const cleaned = foldDiacritics(text)
    .replace(/\[ma da an\]/g, ' otpcode ')
    .replace(/\[so giay to da an\]/g, ' idnumber ')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-z])/g, '$1 $2')
    // Clauses matter for negation and for two-topic messages, so punctuation leaves a marker.
    .replace(/[.,;!?\n]+/g, ' , ')
    .replace(/[^a-z0-9,]+/g, ' ')
    .trim();
  if (!cleaned) return [];
  const raw = cleaned.split(' ');
  const out: string[] = [];
  raw.forEach((word, i) => {
    if (word === ',') {
      if (out.length > 0 && out.at(-1) !== ',') out.push(',');
      return;
    }
    const token = canonicalToken(word);
    if (token === 'mk') {
      const near = passwordContext.has(out.at(-1) ?? '') || passwordContext.has(canonicalToken(raw[i + 1] ?? ''));
      out.push(...(near ? ['mat', 'khau'] : ['minh']));
      return;
    }
    out.push(...(abbreviations[token] ?? token).split(' '));
  });
  if (out.at(-1) === ',') out.pop();
  return joinCompounds(out);
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
