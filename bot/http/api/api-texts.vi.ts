/** The Mini App API's messages to its users: short, polite Vietnamese shown as they are. */
export const apiTexts = {
  invalidRequest: (field: string) => `Dữ liệu gửi lên chưa đúng (${field}).`,
  unauthenticated: 'Phiên đăng nhập đã hết hạn. Vui lòng mở lại ứng dụng.',
  zaloRefused: 'Zalo chưa xác nhận được tài khoản. Vui lòng mở lại ứng dụng từ Zalo.',
  zaloUnavailable: 'Chưa kết nối được tới Zalo. Vui lòng thử lại sau ít phút.',
  noZaloApp: 'Máy chủ chưa được cấu hình đăng nhập bằng Zalo.',
  notLinked: 'Tài khoản Zalo này chưa gắn với tổ nào. Vui lòng chia sẻ số điện thoại hoặc nhập mã do tổ trưởng cấp.',
  badLinkCode: 'Mã liên kết không đúng, đã dùng hoặc đã hết hạn. Nhờ tổ trưởng cấp mã mới.',
  phoneUnknown: 'Số điện thoại này chưa có trong danh sách tổ. Nhờ tổ trưởng cấp mã liên kết.',
  forbidden: 'Bạn không có quyền làm việc này.',
  notFound: 'Không tìm thấy nội dung này.',
  rateLimited: 'Bạn thao tác nhanh quá. Vui lòng đợi một chút rồi thử lại.',
  reportNotYours: 'Chỉ người gửi mới sửa hoặc rút được báo cáo này.',
  reportTooOld: 'Chỉ sửa hoặc rút được báo cáo trong 7 ngày gần đây.',
  reportWithdrawn: 'Báo cáo này đã được rút lại.',
  requestTaken: (name: string) => `Yêu cầu này đã có ${name} nhận.`,
  requestClosed: 'Yêu cầu này đã xong hoặc đã hủy.',
  noLeadersDashboard: 'Bảng điều khiển dành cho lãnh đạo xã.',
  unknownMetric: 'Chỉ tiêu này không có trong danh mục.',
  /** Told in the team's group when a member acts from the Mini App, as the chat commands would be. */
  claimedInGroup: (name: string, id: number) => `📌 ${name} đã nhận yêu cầu số ${id} (qua Mini App).`,
  closedInGroup: (name: string, id: number) => `✅ ${name} đã hoàn thành yêu cầu số ${id} (qua Mini App).`,
};
