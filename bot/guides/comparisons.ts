import type { GuideId } from './guide.ts';

/**
 * Short answers to "A và B khác nhau gì?" for the pairs residents mix up most, written from the
 * same sources as the guides. A pair not listed here gets a choice between the two guides instead.
 */
type Comparison = { topics: readonly [GuideId, GuideId]; text: string };

const comparisons: readonly Comparison[] = [
  {
    topics: ['vneid-install', 'vssid'],
    text:
      '• VNeID là tài khoản định danh điện tử của Bộ Công an: chứng minh {b} là ai, đăng nhập dịch vụ công, xem căn cước điện tử.\n' +
      '• VssID là ứng dụng của Bảo hiểm xã hội: xem quá trình đóng bảo hiểm và thẻ bảo hiểm y tế.\n' +
      'Có VNeID mức 2 thì đăng nhập VssID bằng VNeID được, nên làm VNeID trước.',
  },
  {
    topics: ['vneid-install', 'vneid-level2'],
    text:
      '• Mức 1: {b} tự đăng ký trên ứng dụng VNeID, dùng được một số tính năng.\n' +
      '• Mức 2: làm trực tiếp tại Công an xã (chụp ảnh, lấy vân tay), có căn cước điện tử, tích hợp giấy tờ và dùng đủ dịch vụ công.',
  },
  {
    topics: ['e-health-book', 'vssid'],
    text:
      '• Sổ sức khỏe điện tử nằm trong VNeID (cần mức 2): lịch sử khám, chẩn đoán, đơn thuốc, lịch tái khám.\n' +
      '• VssID là ứng dụng của Bảo hiểm xã hội: quá trình đóng bảo hiểm và hình thẻ bảo hiểm y tế để đi khám.',
  },
  {
    topics: ['dvc-account', 'vneid-install'],
    text:
      '• VNeID là tài khoản định danh điện tử, dùng để chứng minh {b} là ai.\n' +
      '• Cổng Dịch vụ công là nơi nộp hồ sơ thủ tục trực tuyến. Từ 1/7/2024 người dân đăng nhập cổng bằng chính tài khoản VNeID.\n' +
      'Nên có VNeID trước, rồi dùng nó để vào dịch vụ công.',
  },
  {
    topics: ['dvc-account', 'vneid-level2'],
    text:
      '• VNeID mức 2 là danh tính điện tử đầy đủ, làm tại Công an xã.\n' +
      '• Cổng Dịch vụ công là nơi nộp hồ sơ trực tuyến; {b} đăng nhập cổng bằng tài khoản VNeID.',
  },
  {
    topics: ['dvc-submit', 'queue-number'],
    text:
      '• Nộp hồ sơ trực tuyến: làm ngay trên điện thoại qua Cổng Dịch vụ công hoặc VNeID, không phải lên xã xếp hàng.\n' +
      '• Lấy số thứ tự trực tuyến: vẫn lên bộ phận một cửa, nhưng lấy số trước để đỡ phải chờ.',
  },
  {
    topics: ['cashless-payment', 'social-benefit-payment'],
    text:
      '• Tài khoản ngân hàng hoặc ví điện tử dùng để trả tiền điện, nước, chuyển tiền hằng ngày.\n' +
      '• Lương hưu, trợ cấp có thể nhận thẳng vào chính tài khoản đó thay vì nhận tiền mặt. Có tài khoản trước, rồi báo nơi chi trả.',
  },
  {
    topics: ['digital-signature', 'vneid-level2'],
    text:
      '• VNeID mức 2 là danh tính điện tử của {b}, làm miễn phí tại Công an xã.\n' +
      '• Chữ ký số dùng để ký văn bản điện tử có giá trị pháp lý; {b} đăng ký với nhà cung cấp được cấp phép (thường có phí), có nơi đăng ký được ngay trong VNeID mức 2.',
  },
  {
    topics: ['sim-owner', 'vneid-account-recovery'],
    text:
      '• SIM chính chủ là số điện thoại đứng tên chính {b} ở nhà mạng.\n' +
      '• VNeID chỉ nhận số chính chủ: muốn đổi số hay lấy lại tài khoản VNeID bằng số mới, {b} làm SIM chính chủ trước.',
  },
  {
    topics: ['sim-owner', 'vneid-install'],
    text:
      '• SIM chính chủ là số điện thoại đứng tên chính {b} ở nhà mạng.\n' +
      '• Đăng ký VNeID cần số điện thoại chính chủ, mỗi số chỉ gắn với một tài khoản: kiểm tra SIM trước rồi hãy cài VNeID.',
  },
  {
    topics: ['dvc-account', 'vssid'],
    text:
      '• Cổng Dịch vụ công: nộp hồ sơ thủ tục (khai sinh, cư trú, chứng thực…).\n' +
      '• VssID: xem bảo hiểm xã hội, bảo hiểm y tế.\n' +
      'Cả hai đều đăng nhập được bằng tài khoản VNeID.',
  },
  {
    topics: ['social-benefit-payment', 'vssid'],
    text:
      '• VssID để xem quá trình đóng bảo hiểm xã hội và thẻ bảo hiểm y tế.\n' +
      '• Lương hưu, trợ cấp là tiền chi trả hằng tháng; muốn nhận qua tài khoản thì báo nơi chi trả (bưu điện hoặc cơ quan bảo hiểm xã hội).',
  },
];

/** The comparison of two topics, in either order, or null. */
export function findComparison(a: GuideId, b: GuideId): string | null {
  return comparisons.find((c) => (c.topics[0] === a && c.topics[1] === b) || (c.topics[0] === b && c.topics[1] === a))?.text ?? null;
}
