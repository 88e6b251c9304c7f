/**
 * Removes what must never be stored from a message (Law 91/2025; docs/data-protection.md): ID numbers
 * (12-digit căn cước, 9-digit CMND, the 10-digit social-insurance number), health-insurance card
 * codes (2 letters + 13 digits), bank card and account numbers, passwords typed after "mật khẩu",
 * "mk", "pass", and 4–8-digit one-time codes. Phone numbers (a resident may share theirs for a home
 * visit), years ("năm 1958"), dates and amounts of money ("50000 đồng", "1.200.000") are kept.
 */
export const redactedIdMarker = '[số giấy tờ đã ẩn]';
export const redactedCodeMarker = '[mã đã ẩn]';
export const redactedCardMarker = '[số thẻ đã ẩn]';
export const redactedAccountMarker = '[số tài khoản đã ẩn]';
export const redactedPasswordMarker = '[mật khẩu đã ẩn]';
/** Every marker: a message holding one gets the warning not to send such things. */
export const redactedMarkers = [redactedIdMarker, redactedCodeMarker, redactedCardMarker, redactedAccountMarker, redactedPasswordMarker];

// A run of digit groups joined by single spaces, dots or dashes, e.g. "001 203 004 567", "0912.345.678".
const numberRun = /(?<![\d/.,\p{L}])\d+(?:[ .-]\d+)*(?![\d/:])/gu;
// "DN4797915123456", "GD 479 791 5123456": a health-insurance card code.
const healthCard = /(?<!\p{L})[A-Za-z]{2}[ .-]?\d(?:[ .-]?\d){12}(?!\d)/gu;
// "mk là abc123", "mật khẩu: Hoa@1960", "pass cua toi la xyz": the word after the keyword is the password.
const password = /((?:mật khẩu|mat khau|mật mã|mat ma|\bmk\b|\bpass(?:word)?\b|\bpw\b)(?:\s+(?:của|cua)\s+(?:tôi|toi|em|mình|minh|bác|bac|cháu|chau))?\s*(?:là|la|:|=)\s*)(\S{4,40})/giu;
const moneyAfter = /^\s*(?:đ|d\b|đồng|dong|k\b|nghìn|nghin|ngàn|ngan|vnd|triệu|trieu|tr\b|tỷ|ty\b)/i;
const yearBefore = /(?:năm|nam|sinh|sn)\s*$/i;
/** The 10-digit social-insurance number and ID numbers are named before the number. */
const idContext = /(?:bhxh|bảo hiểm|bao hiem|định danh|dinh danh|cccd|căn cước|can cuoc|cmnd)\W*(?:\p{L}+\W*){0,2}$/iu;

/**
 * What a text must hold for anything above to match: a digit (every number and card pattern needs
 * one) or a password keyword (the password pattern's, with its flags, without the word boundaries,
 * so never narrower). Most messages hold neither and skip the three passes, which ran for every
 * webhook delivery.
 */
const anyDigit = /\d/;
export const passwordKeyword = /mật khẩu|mat khau|mật mã|mat ma|mk|pass|pw/iu;

export function redactSensitiveText(text: string, options: { codes: boolean }): string {
  if (!anyDigit.test(text) && !passwordKeyword.test(text)) return text;
  return text
    .replace(password, (_whole, lead: string) => `${lead}${redactedPasswordMarker}`)
    .replace(healthCard, redactedCardMarker)
    .replace(numberRun, (run: string, offset: number, whole: string) => redactRun(run, whole.slice(0, offset), whole.slice(offset + run.length), options));
}

function redactRun(run: string, before: string, after: string, options: { codes: boolean }): string {
  const digits = run.replace(/\D/g, '');
  if (isPhoneNumber(digits) || isMoney(run, after)) return run;
  if (digits.length === 12 && /^\d{3,4}(?:[ .-]?\d{3,4}){2,3}$|^\d{12}$/.test(run)) return redactedIdMarker;
  if (digits.length === 9 && /^\d{9}$|^\d{3}(?:[ .-]\d{3}){2}$/.test(run)) return redactedIdMarker;
  if (digits.length >= 16 && digits.length <= 19) return redactedCardMarker;
  if (digits.length >= 10 && digits.length <= 15) return idContext.test(before) ? redactedIdMarker : redactedAccountMarker;
  if (!options.codes) return run;
  return redactCodes(run, before);
}

/** Vietnamese mobile numbers: 0 or 84 followed by a 9-digit subscriber number starting 3/5/7/8/9. */
function isPhoneNumber(digits: string): boolean {
  return /^(?:0|84)[35789]\d{8}$/.test(digits);
}

/** "50000 đồng", "2.000.000": an amount, not an identifier. */
function isMoney(run: string, after: string): boolean {
  return moneyAfter.test(after) || /^\d{1,3}(?:\.\d{3}){2,}$/.test(run);
}

function redactCodes(run: string, before: string): string {
  // "123 456" is a code typed in two halves; dotted groups are thousands ("1.200") or dates.
  const spaced = /^\d+(?: \d+)+$/.test(run);
  const digits = run.replace(/\D/g, '');
  if (spaced && digits.length >= 4 && digits.length <= 8 && run.split(' ').every((g) => g.length <= 4)) return redactedCodeMarker;
  if (!/^\d+$/.test(run) || run.length < 4 || run.length > 8) return run;
  const n = Number(run);
  if (run.length === 4 && n >= 1900 && n <= 2100 && yearBefore.test(before)) return run;
  return redactedCodeMarker;
}
