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

export function joinCompounds<T extends { fold: string; key: string | null }>(tokens: readonly T[], make: (fold: string) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const current = tokens[i];
    if (!current) continue;
    const pair = compounds.find(([a, b]) => current.fold === a && tokens[i + 1]?.fold === b);
    if (pair) {
      out.push(make(pair[2]));
      i++;
    } else {
      out.push(current);
    }
  }
  return out;
}
