/**
 * Teencode and chat abbreviations, folded form → folded expansion. Only unambiguous ones are here;
 * "mk" (mình / mật khẩu) and "hong" (hông / hỏng) are decided by their neighbours in tokenize.
 */
export const abbreviations: Record<string, string> = {
  // không
  k: 'khong', ko: 'khong', kh: 'khong', kg: 'khong', khg: 'khong', hok: 'khong', hem: 'khong', hum: 'khong', khum: 'khong', hk: 'khong', khog: 'khong', kong: 'khong',
  // được
  dc: 'duoc', dk: 'dang ky', dki: 'dang ky', dky: 'dang ky', duoc: 'duoc', dx: 'duoc', dduoc: 'duoc',
  // gì, như thế nào, vậy, rồi
  j: 'gi', ji: 'gi', ntn: 'nhu the nao', ntnao: 'nhu the nao', z: 'vay', v: 'vay', zay: 'vay', dzay: 'vay', r: 'roi', rui: 'roi', roai: 'roi',
  // people and address
  // Not "a", "c" or "b": "ạ", "có" and "bạn" fold to them far more often than anh/chị/bạn.
  e: 'em', ad: 'admin', mn: 'moi nguoi', mng: 'moi nguoi', ng: 'nguoi', mik: 'minh', mjk: 'minh', mjnh: 'minh', bn: 'bao nhieu',
  // common words
  vs: 'voi', tk: 'tai khoan', dt: 'dien thoai', dthoai: 'dien thoai', sdt: 'so dien thoai', lm: 'lam', ns: 'noi', cx: 'cung', cg: 'cung', trc: 'truoc', bh: 'bay gio', bjo: 'bay gio', bgio: 'bay gio', h: 'gio',
  ok: 'ok', oke: 'ok', okie: 'ok', oki: 'ok', okela: 'ok', uk: 'u', uh: 'u', um: 'u', ukm: 'u',
  thks: 'cam on', tks: 'cam on', thanks: 'cam on', thank: 'cam on', thx: 'cam on', camon: 'cam on', cmon: 'cam on',
  pass: 'mat khau', pw: 'mat khau', password: 'mat khau', mkhau: 'mat khau', pasword: 'mat khau',
  ck: 'chuyen khoan', stk: 'so tai khoan', app: 'ung dung', apps: 'ung dung', ap: 'ung dung',
  // services
  dvc: 'dich vu cong', dichvucong: 'dich vu cong', bhxh: 'bao hiem xa hoi', bhyt: 'bao hiem y te', cks: 'chu ky so', sskdt: 'so suc khoe dien tu', ttkdtm: 'thanh toan khong dung tien mat',
  vneid: 'vneid', vnied: 'vneid', vneit: 'vneid', vnid: 'vneid', vnedi: 'vneid', vneld: 'vneid', vneid2: 'vneid muc 2',
  dd2: 'dinh danh muc 2', md2: 'muc 2', m2: 'muc 2', dd1: 'dinh danh muc 1', md1: 'muc 1',
  ki: 'ky', tui: 'toi', xai: 'dung', ghe: 'ghe', next: 'next', stop: 'stop',
  sk: 'suc khoe', sdk: 'so dien thoai',
  cccd: 'can cuoc', cmnd: 'chung minh', cmt: 'chung minh',
};
