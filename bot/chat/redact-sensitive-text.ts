/**
 * Removes what must never be stored from a message (Law 91/2025; ARCHITECTURE.md "Data protection"):
 * 12-digit ID-card-like numbers, and 4–8-digit one-time codes. Years ("năm 1958") and amounts of
 * money ("50000 đồng") are kept, since residents mention them all the time.
 */
export const redactedIdMarker = '[số giấy tờ đã ẩn]';
export const redactedCodeMarker = '[mã đã ẩn]';

// 12 digits, either in one run or in groups of 3–4 separated by a space, dot or dash.
const idLike = /(?<![\d])(?:\d{12}|\d{3,4}(?:[ .-]\d{3,4}){2,3})(?![\d])/g;
const codeLike = /(?<![\d.,/])\d{4,8}(?![\d.,/:]|\s*(?:đ|d\b|đồng|dong|k\b|nghìn|nghin|ngàn|ngan|vnd|triệu|trieu))/gi;
const yearBefore = /(?:năm|nam|sinh|sn)\s*$/i;

export function redactSensitiveText(text: string, options: { codes: boolean }): string {
  let out = text.replace(idLike, (m) => (digitCount(m) === 12 ? redactedIdMarker : m));
  if (options.codes) {
    out = out.replace(codeLike, (m, offset: number, whole: string) => (isYear(m, whole.slice(0, offset)) ? m : redactedCodeMarker));
  }
  return out;
}

function digitCount(s: string): number {
  return s.replace(/\D/g, '').length;
}

function isYear(digits: string, before: string): boolean {
  const n = Number(digits);
  return digits.length === 4 && n >= 1900 && n <= 2100 && yearBefore.test(before);
}
