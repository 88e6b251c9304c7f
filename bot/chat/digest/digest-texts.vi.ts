/** Every Vietnamese string of the leaders' digests: warm, plain, short enough for a phone. */
export const digestTexts = {
  title: (week: number, from: string, to: string, commune: string) => `📊 BÁO CÁO TUẦN ${week} (${from} – ${to})\n${commune} – Tổ công nghệ số cộng đồng`,
  communeTotals: 'Cả xã trong tuần:',
  // The digest may be of a past week (Monday's, `/tuan truoc`): the title names it, the text says "trong tuần".
  nothingReported: 'Chưa có số liệu nào được báo cáo trong tuần.',
  change: (diff: number, hadLastWeek: boolean) => {
    if (!hadLastWeek) return 'tuần trước chưa có';
    if (diff === 0) return 'bằng tuần trước';
    return diff > 0 ? `tăng ${diff} so với tuần trước` : `giảm ${-diff} so với tuần trước`;
  },
  rates: (reported: number, onTime: number, expected: number, percent: (n: number) => string) =>
    `Thôn đã báo cáo: ${reported}/${expected} (${percent(reported)}), đúng hạn ${onTime}/${expected} (${percent(onTime)}).`,
  villagesTitle: 'Từng thôn:',
  villageOnTime: (name: string, summary: string) => `✅ ${name}: ${summary}`,
  villageLate: (name: string, summary: string) => `🕒 ${name} (báo cáo muộn): ${summary}`,
  villageSilent: (name: string) => `❗ ${name}: chưa báo cáo`,
  noVillages: 'Xã chưa có thôn nào trong danh sách.',
  needsSupport: (names: string[]) => `Cần hỗ trợ: ${names.join(', ')} chưa gửi báo cáo trong tuần. Nhờ lãnh đạo xã hỏi thăm, động viên các tổ ạ.`,
  help: (h: { open: number; overdue: number; doneThisWeek: number; confirmedThisWeek: number }) =>
    h.open + h.doneThisWeek + h.confirmedThisWeek === 0
      ? 'Trong tuần không có yêu cầu hỗ trợ nào của người dân.'
      : `Yêu cầu hỗ trợ của người dân: ${h.open} đang mở${h.overdue > 0 ? ` (${h.overdue} quá hạn)` : ''}; ${h.doneThisWeek} đã hỗ trợ xong trong tuần, ${h.confirmedThisWeek} được người dân xác nhận.`,
  badMonth: 'Gõ tháng theo dạng tháng/năm, ví dụ /baocaothang 11/2026 (không ghi tháng là tháng trước).',
  leadersOnly: 'Lệnh /baocaothang dùng trong nhóm Zalo của lãnh đạo xã. Trong nhóm tổ, gõ /tuan để xem số của tổ tuần này.',
  monthTitle: (month: string, commune: string) => `📑 BÁO CÁO THÁNG ${month} – ${commune}`,
  monthVillages: (reported: number, expected: number) => `Thôn có báo cáo trong tháng: ${reported}/${expected}.`,
  monthLink: (url: string, days: number) => `Tải file Excel (từng thôn, từng chỉ số và chi tiết từng báo cáo; link dùng được ${days} ngày):\n${url}`,
  monthNoLink: (command: string) =>
    `File Excel chưa gửi qua Zalo được vì máy chủ chưa có địa chỉ công khai (PUBLIC_BASE_URL). Cán bộ phụ trách kỹ thuật có thể xuất file bằng lệnh:\n${command}`,
  weeklyReminder: (team: string, weekStart: string) =>
    `⏰ Nhắc nhẹ: tuần này (từ ${weekStart}) ${team} chưa có báo cáo. Mọi người gửi giúp số liệu bằng /bc, ví dụ: /bc 12 hộ, 5 mức 2. Cảm ơn cả tổ ạ!`,
  monthSoon: (team: string, month: string, deadline: string) => `📅 Sắp đến hạn báo cáo tháng ${month} (ngày ${deadline}) mà ${team} chưa có số liệu tháng này. Mọi người gửi giúp bằng /bc nhé.`,
  monthLate: (team: string, month: string, deadline: string) => `📅 Báo cáo tháng ${month} đã quá hạn (ngày ${deadline}) mà ${team} chưa có số liệu tháng này. Nhờ tổ trưởng đôn đốc giúp ạ.`,
  overdueRequests: (ids: number[]) => `Yêu cầu của người dân đã quá hạn: ${ids.map((id) => `số ${id}`).join(', ')}. Gõ /yeucau để xem, /nhan SỐ để nhận.`,
  escalation: (items: string[]) => `⚠️ Yêu cầu của người dân đã chờ gấp đôi thời hạn: ${items.join(', ')}. Nhờ lãnh đạo xã nhắc tổ hoặc phân công người hỗ trợ ạ.`,
  monthNamed: (month: string, teams: string[]) => `Chưa báo cáo tháng ${month} (đã quá hạn 3 ngày): ${teams.join(', ')}. Nhờ lãnh đạo xã hỏi thăm các tổ ạ.`,
  undelivered: (items: string[]) => `Nhắc nhở chưa gửi được: ${items.join('; ')}.`,
  pushLeadersOnly: 'Lệnh /gui và /thongbao dùng trong nhóm Zalo của lãnh đạo xã.',
  unknownGuide: (ids: string) => `Chưa tìm thấy hướng dẫn đó. Gõ /gui kèm tên hướng dẫn, ví dụ /gui vneid-level2. Các hướng dẫn: ${ids}.`,
  emptyAnnouncement: 'Gõ /thongbao kèm nội dung, ví dụ: /thongbao Thứ 7 này các tổ hỗ trợ người dân tại nhà văn hóa thôn.',
  pushedGuideTitle: (title: string) => `📘 Lãnh đạo xã gửi hướng dẫn để các tổ tham khảo: ${title}`,
  announcement: (from: string, text: string) => `📢 Thông báo của ${from}:\n${text}`,
  pushed: (what: string | null, reached: number, notLinked: string[]) =>
    `Đã gửi ${what ? `hướng dẫn "${what}"` : 'thông báo'} tới ${reached} nhóm tổ.` + (notLinked.length > 0 ? ` Chưa gửi được (tổ chưa liên kết nhóm Zalo): ${notLinked.join(', ')}.` : ''),
  progress: (month: string, items: string[]) => `Tiến độ tháng ${month} so với chỉ tiêu: ${items.join('; ')}.`,
  progressItem: (done: number, target: number, label: string, percent: number) => `${done}/${target} ${label} (${percent}%)`,
  coverage: (level2: number, adults: number, percent: number) =>
    `Độ phủ: các tổ đã hỗ trợ ${level2} người kích hoạt định danh mức 2, bằng ${percent}% trong ${adults.toLocaleString('vi-VN')} người trưởng thành của các thôn.`,
  chartCaption: (week: number, url: string | null) => `📈 Biểu đồ tuần ${week} theo từng thôn.` + (url ? ` Xem bản lớn:\n${url}` : ''),
  sendTimeQuiet: 'Giờ hẹn gửi rơi vào ban đêm (21h–7h). Nhờ chọn giờ khác, ví dụ /gui vneid-level2 thu 7 8h.',
  scheduled: (what: string, reached: number, when: string, notLinked: string[]) =>
    `Đã hẹn gửi hướng dẫn "${what}" tới ${reached} nhóm tổ lúc ${when}.` + (notLinked.length > 0 ? ` Chưa gửi được (tổ chưa liên kết nhóm Zalo): ${notLinked.join(', ')}.` : ''),
  noLeadersGroup: 'Xã chưa liên kết nhóm Zalo của lãnh đạo xã, nên chưa gửi được báo cáo tuần.',
};
