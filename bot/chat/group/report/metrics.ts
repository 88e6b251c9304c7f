/**
 * The activity metrics teams report, with their fixed ids, how replies name them, and the words
 * people use for them (folded: no diacritics, lower case). Longer phrases win over shorter ones,
 * so "tài khoản ngân hàng" is a cashless account, not a VNeID account.
 */
export const metricIds = [
  'households_visited',
  'people_guided',
  'vneid_accounts',
  'vneid_level2',
  'dvc_accounts',
  'online_applications',
  'queue_numbers',
  'cashless_accounts',
  'vssid_installs',
  'health_books',
  'ecommerce_shops',
  'sim_owner_updates',
  'digital_signatures',
] as const;

export type MetricId = (typeof metricIds)[number];

export const metrics: Record<MetricId, { label: string; phrases: readonly string[] }> = {
  households_visited: { label: 'hộ đã đến', phrases: ['ho', 'ho gia dinh', 'nha', 'luot ho', 'ho dan'] },
  people_guided: { label: 'người được hướng dẫn', phrases: ['nguoi', 'luot nguoi', 'luot huong dan', 'nguoi dan', 'nguoi duoc huong dan'] },
  vneid_accounts: { label: 'tài khoản VNeID (mức 1)', phrases: ['cai vneid', 'vneid', 'tai khoan dinh danh', 'muc 1', 'dd1', 'md1', 'dinh danh muc 1', 'vneid muc 1', 'luot cai vneid'] },
  vneid_level2: { label: 'định danh mức 2', phrases: ['muc 2', 'kich hoat muc 2', 'dinh danh muc 2', 'dd2', 'md2', 'vneid muc 2', 'tai khoan muc 2'] },
  dvc_accounts: { label: 'tài khoản dịch vụ công', phrases: ['dvc', 'dich vu cong', 'tk dvc', 'tai khoan dvc', 'tai khoan dich vu cong'] },
  online_applications: { label: 'hồ sơ trực tuyến', phrases: ['ho so truc tuyen', 'ho so', 'hs online', 'nop ho so', 'ho so online'] },
  queue_numbers: { label: 'lượt lấy số thứ tự', phrases: ['so thu tu', 'lay so', 'luot lay so'] },
  cashless_accounts: {
    label: 'tài khoản thanh toán không tiền mặt',
    phrases: ['thanh toan khong dung tien mat', 'ttkdtm', 'tai khoan ngan hang', 'tk ngan hang', 'vi dien tu', 'mobile money'],
  },
  vssid_installs: { label: 'cài VssID', phrases: ['vssid', 'bhxh so', 'cai vssid'] },
  health_books: { label: 'sổ sức khỏe điện tử', phrases: ['so suc khoe', 'sskdt', 'so suc khoe dien tu'] },
  ecommerce_shops: { label: 'gian hàng thương mại điện tử', phrases: ['gian hang', 'san tmdt', 'postmart', 'voso', 'gian hang online'] },
  sim_owner_updates: { label: 'thuê bao chính chủ', phrases: ['thue bao chinh chu', 'sim chinh chu', 'chinh chu'] },
  digital_signatures: { label: 'chữ ký số', phrases: ['chu ky so', 'cks', 'ky so'] },
};

/** Words that may stand between a number and its metric and mean nothing ("8 cái vneid", "2 trường hợp sim chính chủ"). */
export const fillerPhrases: readonly string[] = ['cai', 'chiec', 'luot', 'tai khoan', 'tk', 'truong hop', 'th', 'ca'];
