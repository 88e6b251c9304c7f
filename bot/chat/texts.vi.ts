import { vietnamDate } from '../domain/calendar.ts';

/**
 * Every Vietnamese string the bot sends lives here, so wording can be reviewed in one place.
 * Residents are addressed as "bác/anh/chị"; messages stay short enough for a phone screen.
 */
/** "18/11", the day in Vietnam. */
const dmy = (instant: Date) => {
  const { d, m } = vietnamDate(instant);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}`;
};

export const texts = {
  welcome: (commune: string) =>
    `Chào bác/anh/chị! Đây là Zalo của Tổ công nghệ số cộng đồng ${commune}. Tổ hướng dẫn cài VNeID, định danh mức 2, dịch vụ công, thanh toán, VssID… và có thể đến tận nhà giúp.\n\n` +
    '⚠️ Tổ KHÔNG BAO GIỜ hỏi mã OTP, mật khẩu hay ảnh căn cước, và không gửi link cài ứng dụng. Ai hỏi những thứ đó là kẻ lừa đảo.\n\n' +
    'Tổ chỉ lưu mã Zalo để trả lời tin nhắn; thôn, số điện thoại chỉ lưu khi bác/anh/chị đồng ý. ' +
    'Nhắn "xóa dữ liệu" để xóa, nhắn "dừng" nếu không muốn nhận tin nhắc.',

  menuPrompt: 'Bác/anh/chị cần tổ giúp việc gì ạ? Bấm chọn, hoặc gõ câu hỏi (ví dụ: "quên mật khẩu VNeID", "lấy số thứ tự").',
  greetingBack: 'Dạ, chào bác/anh/chị! Tổ có thể giúp việc gì ạ?',
  thanksBack: 'Dạ, không có gì ạ! Cần gì bác/anh/chị cứ nhắn tổ nhé.',
  notUnderstood:
    'Dạ, tổ chưa hiểu rõ ý bác/anh/chị. Bác/anh/chị bấm chọn một mục dưới đây, hoặc bấm "Gặp cán bộ" để cán bộ trả lời trực tiếp ạ.',
  chooseTopic: 'Bác/anh/chị muốn hỏi việc nào ạ?',
  mediaReceived:
    'Tổ đã nhận được ảnh/tệp. Tổ trả lời tự động bằng chữ, nên bác/anh/chị gõ câu hỏi giúp tổ, hoặc bấm "Gặp cán bộ" ạ.',
  sensitiveShared:
    '⚠️ Bác/anh/chị vừa gửi một mã số hoặc số giấy tờ. Tổ đã không lưu số đó. ' +
    'Xin đừng gửi mã OTP, mật khẩu hay số căn cước cho ai qua tin nhắn, kể cả cho tổ.',

  guideHeader: (title: string) => `📘 ${title}`,
  guideStep: (n: number, total: number, text: string) => `Bước ${n}/${total}: ${text}`,
  guideStuck: 'Không sao ạ, bước này hơi khó. Bác/anh/chị muốn làm thế nào ạ?',
  guideNudge: (n: number, total: number, title: string) =>
    `Dạ, bác/anh/chị đang ở bước ${n}/${total} của "${title}". Làm xong thì gõ "tiếp" hoặc bấm "Tiếp theo"; gặp khó thì bấm "Chưa làm được" ạ.`,
  guideOver: 'Hướng dẫn này đã kết thúc rồi ạ. Bác/anh/chị cần giúp gì thêm không?',
  followUp: (title: string) => `Chào bác/anh/chị, tổ hỏi thăm: bác/anh/chị đã làm được "${title}" chưa ạ?`,
  followUpDone: 'Tuyệt quá! Cảm ơn bác/anh/chị. Cần gì thêm cứ nhắn tổ nhé.',

  optedOut:
    'Dạ, tổ đã dừng gửi tin nhắc cho bác/anh/chị. Khi cần giúp, bác/anh/chị cứ nhắn tổ bất cứ lúc nào ạ. Muốn nhận lại tin nhắc, nhắn "bật lại".',
  optedIn: 'Dạ, tổ sẽ gửi lại tin nhắc khi cần ạ.',

  deletionAsk:
    'Bác/anh/chị muốn xóa toàn bộ thông tin tổ đang lưu (thôn, số điện thoại, tin nhắn đã gửi)? ' +
    'Yêu cầu hỗ trợ đã gửi sẽ chỉ còn lại số liệu thống kê, không có tên hay số điện thoại.',
  deletionDone: 'Tổ đã xóa thông tin của bác/anh/chị. Nếu nhắn tin lại, tổ sẽ coi như lần đầu ạ.',
  deletionKept: 'Dạ, tổ giữ nguyên thông tin ạ.',

  visitConsent:
    'Để tổ đến giúp, tổ cần lưu: thôn/xóm, việc cần giúp, lúc nào tiện, và số điện thoại nếu bác/anh/chị muốn để lại. ' +
    'Thông tin chỉ dùng để tổ liên hệ hỗ trợ; nhắn "xóa dữ liệu" bất cứ lúc nào để xóa. Bác/anh/chị đồng ý không ạ?',
  questionConsent:
    'Để chuyển câu hỏi tới cán bộ xã, tổ cần lưu câu hỏi của bác/anh/chị cho tới khi cán bộ trả lời. ' +
    'Nhắn "xóa dữ liệu" bất cứ lúc nào để xóa. Bác/anh/chị đồng ý không ạ?',
  consentDeclined: (commune: string) =>
    `Dạ, tổ sẽ không lưu thông tin. Bác/anh/chị có thể đến bộ phận một cửa ${commune} để được giúp trực tiếp, hoặc tiếp tục hỏi tổ qua tin nhắn ạ.`,
  askVillage: 'Bác/anh/chị ở thôn/tổ dân phố nào ạ? Bấm chọn, hoặc gõ tên thôn.',
  villageNotFound: (typed: string, commune: string) =>
    `Tổ chưa tìm thấy "${typed}" trong ${commune}. Bác/anh/chị bấm chọn, hoặc gõ lại tên thôn giúp tổ ạ.`,
  askNeed: 'Bác/anh/chị cần tổ giúp việc gì ạ?',
  askNeedText: 'Bác/anh/chị gõ ngắn gọn việc cần giúp ạ.',
  askTime: 'Lúc nào tổ đến thì tiện ạ? Bấm chọn, hoặc gõ thời gian (ví dụ "sáng thứ bảy").',
  askPhone: 'Bác/anh/chị có muốn để lại số điện thoại để tổ gọi trước khi đến không ạ? Tổ chỉ dùng số này để liên hệ việc hỗ trợ.',
  phoneCardTitle: (commune: string) => `Tổ công nghệ số ${commune}`,
  phoneCardSubtitle: 'Chia sẻ số điện thoại để tổ gọi trước khi đến hỗ trợ',
  phoneCardHint: 'Bác/anh/chị bấm vào thẻ trên để chia sẻ, hoặc gõ số điện thoại vào đây cũng được ạ.',
  askAddress: 'Dạ. Bác/anh/chị cho tổ xin tên và chỗ ở (số nhà, ngõ, gần đâu) để tổ tìm đến ạ.',
  askQuestion: 'Bác/anh/chị muốn hỏi cán bộ điều gì ạ? Gõ câu hỏi vào đây.',
  formCancelled: 'Dạ, tổ đã hủy. Cần gì bác/anh/chị cứ nhắn ạ.',
  formReprompt: 'Bác/anh/chị bấm một nút bên dưới, hoặc nhắn "hủy" nếu không cần nữa ạ.',
  visitCreated: (n: number, team: string, due: Date) =>
    `✅ Tổ đã nhận yêu cầu số ${n}. ${team} sẽ liên hệ và đến hỗ trợ trước ngày ${dmy(due)}. ` +
    'Khi xong, tổ sẽ hỏi lại bác/anh/chị. Cần đổi lịch, bác/anh/chị cứ nhắn tổ ạ.',
  questionCreated: (n: number, commune: string) =>
    `✅ Tổ đã chuyển câu hỏi (số ${n}) tới cán bộ ${commune}. Cán bộ sẽ trả lời qua Zalo này trong giờ làm việc ạ.`,
  noTeamAvailable: 'Xin lỗi, hiện tổ chưa nhận được yêu cầu qua Zalo. Bác/anh/chị vui lòng liên hệ trực tiếp UBND xã ạ.',

  teamVisitRequest: (r: { id: number; village: string; need: string; time: string; contact: string; due: Date }) =>
    `🆕 Yêu cầu hỗ trợ tận nhà số ${r.id}\n` +
    `• Thôn: ${r.village}\n• Việc: ${r.need}\n• Thời gian: ${r.time}\n• Liên hệ: ${r.contact}\n• Hạn: ${dmy(r.due)}\n` +
    `Nhận việc: gõ /nhan ${r.id}`,
  teamQuestion: (r: { id: number; question: string; due: Date }) =>
    `❓ Câu hỏi số ${r.id} của người dân:\n"${r.question}"\nHạn trả lời: ${dmy(r.due)}. Trả lời qua OA, xong gõ /xong ${r.id}`,
  teamReopened: (id: number) => `🔁 Yêu cầu số ${id} được mở lại: người dân báo vẫn chưa xong. Gõ /nhan ${id} để nhận lại.`,
  noContact: 'không để lại số (hỏi qua OA)',
  anyTime: 'lúc nào cũng được',
  otherNeed: 'việc khác',

  helpDoneQuestion: (n: number) => `Yêu cầu số ${n} đã được tổ đánh dấu là xong. Bác/anh/chị đã được hỗ trợ xong chưa ạ?`,
  helpConfirmed: 'Cảm ơn bác/anh/chị! Chúc bác/anh/chị dùng dịch vụ thuận lợi ạ.',
  helpReopened: (n: number, team: string) => `Dạ, tổ đã mở lại yêu cầu số ${n} và báo ${team}. Tổ sẽ liên hệ lại sớm ạ.`,
  helpAlreadyAnswered: 'Dạ, tổ đã ghi nhận câu trả lời trước đó rồi ạ.',

  group: {
    reportSaved: (date: string, name: string, lines: string[]) =>
      `✅ Đã ghi báo cáo ngày ${date} của ${name}:\n${lines.map((l) => `• ${l}`).join('\n')}\nSai thì gõ /huy trong 24 giờ để hủy, rồi gửi lại.`,
    newMember: 'Bạn chưa có trong danh sách tổ: báo cáo vẫn được tính, tổ trưởng sẽ xác nhận bạn sau.',
    reportRejected: (problem: string) => `⚠️ Báo cáo chưa được ghi: ${problem}\nSửa lại rồi gửi lại nhé. Gõ /giup để xem mẫu.`,
    problems: {
      'no-counts': 'chưa có số liệu. Ví dụ: /bc 12 hộ, 30 người, 8 vneid, 3 mức 2',
      'number-without-metric': (d: string) => `số "${d}" chưa có chỉ tiêu đi kèm (ví dụ "12 hộ").`,
      'unknown-metric': (d: string) => `tổ chưa hiểu "${d}". Các chỉ tiêu có trong /giup.`,
      'metric-without-number': (d: string) => `"${d}" chưa có số.`,
      'negative-count': (d: string) => `số lượng không được âm ("${d}").`,
      'count-too-large': (d: string) => `"${d}" lớn quá: mỗi mục tối đa 5000.`,
      'not-whole-number': (d: string) => `số lượng phải là số nguyên ("${d}").`,
      'invalid-date': (d: string) => `không có ngày "${d}".`,
      'future-date': (d: string) => `ngày ${d} chưa tới.`,
      'date-too-old': (d: string) => `ngày ${d} đã quá 60 ngày. Cần sửa số liệu cũ, báo lãnh đạo xã.`,
      'conflicting-dates': (d: string) => `có hai ngày khác nhau (${d}); mỗi báo cáo chỉ một ngày.`,
    },
    undone: (date: string, name: string, lines: string[]) => `↩️ Đã hủy báo cáo ngày ${date} của ${name} (${lines.join(', ')}). Gửi lại báo cáo đúng nếu cần.`,
    nothingToUndo: 'Không có báo cáo nào của bạn trong 24 giờ qua để hủy.',
    claimed: (name: string, id: number, about: string) => `👍 ${name} đã nhận yêu cầu số ${id} (${about}). Xong thì gõ /xong ${id}.`,
    claimedForResident: (name: string, team: string, id: number) =>
      `Dạ, ${name} (${team}) đã nhận yêu cầu số ${id} và sẽ liên hệ, đến hỗ trợ bác/anh/chị ạ.`,
    requestNotFound: (id: number) => `Không có yêu cầu số ${id}.`,
    requestOtherTeam: (id: number) => `Yêu cầu số ${id} không thuộc tổ này, nên tổ không nhận hay đóng được.`,
    requestTaken: (id: number, by: string) => `Yêu cầu số ${id} đã do ${by} nhận rồi.`,
    requestAlreadyDone: (id: number) => `Yêu cầu số ${id} đã xong rồi.`,
    closed: (id: number) => `✅ Đã đánh dấu xong yêu cầu số ${id}. Tổ sẽ hỏi lại người dân đã được hỗ trợ xong chưa.`,
    missingNumber: (command: 'nhan' | 'xong') => `Gõ /${command} kèm số yêu cầu, ví dụ /${command} 12.`,
    openRequests: (lines: string[]) => `📋 Yêu cầu đang chờ (cũ nhất trước):\n${lines.join('\n')}`,
    noOpenRequests: 'Tổ không còn yêu cầu nào đang chờ. 👏',
    requestLine: (r: { id: number; place: string; need: string; age: string; who: string }) => `• Số ${r.id} – ${r.place} – ${r.need} – ${r.age} – ${r.who}`,
    unclaimed: 'chưa ai nhận',
    claimedBy: (name: string) => `${name} đang làm`,
    ageDays: (days: number) => (days === 0 ? 'hôm nay' : `${days} ngày trước`),
    week: (from: string, to: string, team: string, lines: string[]) => `📊 Tuần này (${from} – ${to}) ${team} đã báo:\n${lines.map((l) => `• ${l}`).join('\n')}`,
    weekEmpty: (team: string) => `Tuần này ${team} chưa có báo cáo nào.`,
    linked: (team: string) => `🔗 Nhóm này đã liên kết với ${team}. Gõ /giup để xem cách báo cáo.`,
    alreadyLinked: (team: string) => `Nhóm này đã liên kết với ${team} rồi.`,
    badCode: 'Mã liên kết không đúng. Xin lãnh đạo xã mã mới rồi gõ /lienket MÃ.',
    expiredCode: 'Mã liên kết đã hết hạn (7 ngày). Xin lãnh đạo xã mã mới.',
    usedCode: 'Mã liên kết này đã được dùng. Xin lãnh đạo xã mã mới.',
    missingCode: 'Gõ /lienket kèm mã lãnh đạo xã gửi, ví dụ /lienket K7P2QX.',
    help: (metrics: string) =>
      '📖 Cách dùng trong nhóm:\n' +
      '• Báo cáo: /bc 12 hộ, 30 người, 8 vneid, 3 mức 2 (thêm "hôm qua" hoặc "18/11" nếu không phải hôm nay)\n' +
      '• /huy – hủy báo cáo vừa gửi (trong 24 giờ)\n' +
      '• /yeucau – xem yêu cầu hỗ trợ đang chờ\n' +
      '• /nhan 12 – nhận yêu cầu số 12; /xong 12 – báo đã xong\n' +
      '• /tuan – số liệu tuần này của tổ\n' +
      `Chỉ tiêu: ${metrics}.`,
    notLinkedHelp: 'Nhóm này chưa liên kết với tổ nào. Lãnh đạo xã gửi mã, rồi gõ /lienket MÃ trong nhóm.',
  },

  buttons: {
    next: 'Tiếp theo',
    stuck: 'Chưa làm được',
    visit: 'Nhờ tổ hỗ trợ tận nhà',
    repeat: 'Xem lại bước này',
    human: 'Gặp cán bộ',
    menu: 'Hỏi việc khác',
    otherTopic: 'Việc khác',
    consentYes: 'Đồng ý',
    consentNo: 'Không đồng ý',
    sharePhone: 'Chia sẻ số điện thoại',
    skipPhone: 'Không để số',
    morning: 'Buổi sáng',
    afternoon: 'Buổi chiều',
    evening: 'Buổi tối',
    anyTime: 'Lúc nào cũng được',
    deleteYes: 'Xóa dữ liệu',
    deleteNo: 'Không xóa',
    solvedYes: 'Có, xong rồi',
    solvedNo: 'Chưa xong',
    followUpYes: 'Làm được rồi',
    visitShort: 'Nhờ tổ đến nhà',
  },
} as const;
