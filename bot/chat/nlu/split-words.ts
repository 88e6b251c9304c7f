/**
 * Splits a message into lower-case words, digit runs and "," clause marks, in one pass over its
 * characters (the hot path of every message; regular expressions over Unicode classes cost several
 * times more). Letters are a–z and any Unicode letter or combining mark; letters and digits never
 * share a word ("muc2" → "muc", "2"); . , ; ! ? and new lines mark a clause; anything else (spaces,
 * symbols, emoji) separates words.
 */
export function splitWords(text: string): string[] {
  const lower = (/^[ -~\n]*$/.test(text) ? text : text.normalize('NFC')).toLowerCase();
  const words: string[] = [];
  let start = -1;
  let kind = 0; // 0 none, 1 letters, 2 digits
  const close = (end: number) => {
    if (start >= 0) words.push(lower.slice(start, end));
    start = -1;
    kind = 0;
  };
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    const next = code >= 97 && code <= 122 ? 1 : code >= 48 && code <= 57 ? 2 : code < 128 ? 0 : isWordChar(code) ? 1 : 0;
    if (next !== kind) close(i);
    if (next === 0) {
      if (isClauseMark(code) && words.at(-1) !== ',' && words.length > 0) words.push(',');
      continue;
    }
    if (start < 0) {
      start = i;
      kind = next;
    }
  }
  close(lower.length);
  return words;
}

function isClauseMark(code: number): boolean {
  return code === 46 || code === 44 || code === 59 || code === 33 || code === 63 || code === 10;
}

const wordChars = new Map<number, boolean>();
const letterOrMark = /[\p{L}\p{M}]/u;

/** Whether a non-ASCII character belongs in a word (a letter or a combining mark); remembered per code. */
function isWordChar(code: number): boolean {
  let known = wordChars.get(code);
  if (known === undefined) {
    known = letterOrMark.test(String.fromCharCode(code));
    wordChars.set(code, known);
  }
  return known;
}
