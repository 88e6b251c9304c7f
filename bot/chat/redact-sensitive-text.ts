/**
 * Removes what must never be stored from a message (Law 91/2025; ARCHITECTURE.md "Data protection"):
 * 12-digit ID-card-like numbers, and 4–8-digit one-time codes. Phone numbers (a resident may share
 * theirs for a home visit), years ("năm 1958"), dates and amounts of money ("50000 đồng") are kept.
 */
export const redactedIdMarker = '[số giấy tờ đã ẩn]';
export const redactedCodeMarker = '[mã đã ẩn]';

// A run of digit groups joined by single spaces, dots or dashes, e.g. "001 203 004 567", "0912.345.678".
const numberRun = /(?<![\d/.,])\d+(?:[ .-]\d+)*(?![\d/:])/g;
const moneyAfter = /^\s*(?:đ|d\b|đồng|dong|k\b|nghìn|nghin|ngàn|ngan|vnd|triệu|trieu|tr\b)/i;
const yearBefore = /(?:năm|nam|sinh|sn)\s*$/i;

export function redactSensitiveText(text: string, options: { codes: boolean }): string {
  return text.replace(numberRun, (run: string, offset: number, whole: string) => {
    const digits = run.replace(/\D/g, '');
    if (digits.length === 12 && /^\d{3,4}(?:[ .-]?\d{3,4}){2,3}$|^\d{12}$/.test(run)) return redactedIdMarker;
    if (isPhoneNumber(digits)) return run;
    if (!options.codes) return run;
    return redactCodes(run, whole.slice(0, offset), whole.slice(offset + run.length));
  });
}

/** Vietnamese mobile numbers: 0 or 84 followed by a 9-digit subscriber number starting 3/5/7/8/9. */
function isPhoneNumber(digits: string): boolean {
  return /^(?:0|84)[35789]\d{8}$/.test(digits);
}

function redactCodes(run: string, before: string, after: string): string {
  // "123 456" is a code typed in two halves; dotted groups are thousands ("1.200") or dates.
  const spaced = /^\d+(?: \d+)+$/.test(run);
  const digits = run.replace(/\D/g, '');
  if (spaced && digits.length >= 4 && digits.length <= 8 && run.split(' ').every((g) => g.length <= 4)) return redactedCodeMarker;
  if (!/^\d+$/.test(run) || run.length < 4 || run.length > 8) return run;
  if (moneyAfter.test(after)) return run;
  const n = Number(run);
  if (run.length === 4 && n >= 1900 && n <= 2100 && yearBefore.test(before)) return run;
  return redactedCodeMarker;
}
