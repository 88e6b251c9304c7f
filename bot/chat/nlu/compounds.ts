/**
 * Word pairs joined into one token because their parts, once diacritics are folded, collide with
 * other words: "tai khoan" (tài khoản, account) is not "tai" (tải, download); "mat khau" is not
 * "mat" (mất, lose). Applied to messages and to catalogue patterns alike.
 */
const compounds: readonly (readonly [string, string, string])[] = [
  ['tai', 'khoan', 'taikhoan'],
  ['mat', 'khau', 'matkhau'],
  ['mat', 'ma', 'matma'],
];

export function joinCompounds(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const pair = compounds.find(([a, b]) => tokens[i] === a && tokens[i + 1] === b);
    if (pair) {
      out.push(pair[2]);
      i++;
    } else {
      out.push(tokens[i] ?? '');
    }
  }
  return out;
}
