/**
 * Lower-case, diacritic-free copy of a text with exactly the same length, so a position in the
 * folded text points at the same character in the original (used to quote what was wrong).
 * The input must be NFC; Vietnamese letters fold one-to-one ("ộ" → "o", "đ" → "d").
 */
export function foldKeepLength(nfcText: string): string {
  let out = '';
  for (let i = 0; i < nfcText.length; i++) {
    const ch = nfcText.charAt(i);
    const code = ch.charCodeAt(0);
    if (code < 128) out += ch.toLowerCase();
    else if (ch === 'đ' || ch === 'Đ') out += 'd';
    else if (code >= 0xd800 && code <= 0xdfff) out += ' '; // half of an emoji: not a letter
    else {
      const base = ch.normalize('NFD').charAt(0).toLowerCase();
      out += base.length === 1 && base.charCodeAt(0) < 128 ? base : ' ';
    }
  }
  return out;
}
