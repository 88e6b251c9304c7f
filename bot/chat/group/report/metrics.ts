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

/** What a metric counts: people and households can also be the unit of another metric ("3 người cài VssID"). */
export type MetricUnit = 'people' | 'households' | 'service';

export const metrics: Record<MetricId, { label: string; unit: MetricUnit; phrases: readonly string[] }> = {
  households_visited: { label: 'hộ đã đến', unit: 'households', phrases: ['ho', 'ho gia dinh', 'nha', 'luot ho', 'ho dan', 'gia dinh', 'ho da den'] },
  people_guided: {
    label: 'người được hướng dẫn',
    unit: 'people',
    phrases: ['nguoi', 'ng', 'luot nguoi', 'luot huong dan', 'nguoi dan', 'nguoi duoc huong dan', 'nhan khau', 'khau', 'cong dan', 'ba con', 'luot tu van', 'nguoi dan duoc huong dan'],
  },
  vneid_accounts: {
    label: 'tài khoản VNeID (mức 1)',
    unit: 'service',
    phrases: [
      'cai vneid', 'vneid', 'tai khoan dinh danh', 'muc 1', 'dd1', 'md1', 'dinh danh muc 1', 'vneid muc 1', 'luot cai vneid', 'dinh danh', 'dinh danh dien tu',
      'kich hoat vneid', 'kich hoat dinh danh', 'kich hoat tai khoan', 'dang ky vneid', 'tai khoan vneid', 'tk vneid', 'tai khoan dinh danh dien tu',
    ],
  },
  vneid_level2: {
    label: 'định danh mức 2',
    unit: 'service',
    phrases: ['muc 2', 'kich hoat muc 2', 'dinh danh muc 2', 'dd2', 'md2', 'vneid muc 2', 'tai khoan muc 2', 'kich hoat vneid muc 2', 'dinh danh dien tu muc 2', 'dd muc 2'],
  },
  dvc_accounts: { label: 'tài khoản dịch vụ công', unit: 'service', phrases: ['dvc', 'dich vu cong', 'tk dvc', 'tai khoan dvc', 'tai khoan dich vu cong', 'cong dich vu cong'] },
  online_applications: {
    label: 'hồ sơ trực tuyến',
    unit: 'service',
    phrases: ['ho so truc tuyen', 'ho so', 'luot ho so', 'hs online', 'nop ho so', 'ho so online', 'thu tuc truc tuyen', 'ho so dvc', 'ho so dien tu', 'hs truc tuyen'],
  },
  queue_numbers: { label: 'lượt lấy số thứ tự', unit: 'service', phrases: ['so thu tu', 'lay so', 'luot lay so', 'lay so thu tu', 'so thu tu truc tuyen'] },
  cashless_accounts: {
    label: 'tài khoản thanh toán không tiền mặt',
    unit: 'service',
    phrases: [
      'thanh toan khong dung tien mat', 'ttkdtm', 'tai khoan ngan hang', 'tk ngan hang', 'vi dien tu', 'mobile money', 'tai khoan thanh toan',
      'mo tai khoan ngan hang', 'momo', 'zalopay', 'viettel money', 'vnpt money', 'tien di dong',
    ],
  },
  vssid_installs: { label: 'cài VssID', unit: 'service', phrases: ['vssid', 'bhxh so', 'cai vssid', 'vss id', 'tai khoan vssid', 'bao hiem xa hoi so'] },
  health_books: { label: 'sổ sức khỏe điện tử', unit: 'service', phrases: ['so suc khoe', 'sskdt', 'so suc khoe dien tu', 'so sk'] },
  ecommerce_shops: {
    label: 'gian hàng thương mại điện tử',
    unit: 'service',
    phrases: ['gian hang', 'san tmdt', 'postmart', 'voso', 'gian hang online', 'shop online', 'gian hang tmdt', 'gian hang truc tuyen'],
  },
  sim_owner_updates: { label: 'thuê bao chính chủ', unit: 'service', phrases: ['thue bao chinh chu', 'sim chinh chu', 'chinh chu', 'chuan hoa sim', 'chuan hoa thue bao', 'cap nhat thue bao'] },
  digital_signatures: { label: 'chữ ký số', unit: 'service', phrases: ['chu ky so', 'cks', 'ky so', 'chung thu so', 'ky so tu xa', 'smartca', 'mysign'] },
};

/** Words that may stand between a number and its metric and mean nothing ("8 cái vneid", "2 trường hợp sim chính chủ"). */
export const fillerPhrases: readonly string[] = ['cai', 'chiec', 'luot', 'tai khoan', 'tk', 'truong hop', 'th', 'ca'];

/** Words that mark a total: checked against the parts, never added to them. */
export const totalPhrases: readonly string[] = ['tong', 'tong cong', 'tong so', 'tat ca', 'ca thay', 'cong lai', 'tong la'];

/** Words before a number that make it part of a place ("thôn 3", "tổ dân phố 1"), not a count. */
export const placePhrases: readonly string[] = ['thon', 'xom', 'to', 'to dan pho', 'tdp', 'khu', 'ap', 'doi', 'ban', 'lang', 'khom', 'khu pho', 'so nha', 'nha so'];
