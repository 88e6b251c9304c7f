import { vietnamDate } from '../domain/calendar.ts';

/**
 * Every Vietnamese string the bot sends lives here, so wording can be reviewed in one place.
 * The bot speaks as "tổ". In what residents read, `{b}` stands for how they are addressed and `{B}`
 * for the same word at the start of a sentence: the form they use for themselves ("bác", "cháu"…)
 * once known, one neutral "bạn" before (see resident/address-form.ts). Messages stay short enough
 * for a phone screen.
 */
/** "18/11", the day in Vietnam. */
const dmy = (instant: Date) => {
  const { d, m } = vietnamDate(instant);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}`;
};

/** Which week `/tuan` shows: this one so far, or the last full one (`/tuan truoc`). */
export type WeekName = 'this' | 'last';
const weekNames: Record<WeekName, string> = { this: 'Tuần này', last: 'Tuần trước' };

export const texts = {
  welcome: (commune: string) =>
    `Chào {b}! Đây là Zalo của tổ công nghệ số ${commune}. Tổ hướng dẫn cài VNeID, định danh mức 2, dịch vụ công, thanh toán, VssID… và có thể đến tận nhà giúp.\n\n` +
    '⚠️ Tổ KHÔNG BAO GIỜ hỏi mã OTP, mật khẩu hay ảnh căn cước, và không gửi link cài ứng dụng. Ai hỏi những thứ đó là kẻ lừa đảo.\n\n' +
    'Tổ chỉ lưu mã Zalo để trả lời tin nhắn; thôn, số điện thoại chỉ lưu khi {b} đồng ý. ' +
    'Nhắn "xóa dữ liệu" để xóa, nhắn "dừng" nếu không muốn nhận tin nhắc.',

  menuPrompt: '{B} cần tổ giúp việc gì ạ? Bấm chọn, hoặc gõ câu hỏi (ví dụ: "quên mật khẩu VNeID", "lấy số thứ tự").',
  greetingBack: 'Dạ, tổ chào {b}! Tổ có thể giúp việc gì ạ?',
  thanksBack: 'Dạ, không có gì ạ! Chúc {b} mạnh khỏe. Cần gì cứ nhắn tổ nhé.',
  acknowledged: 'Dạ. {B} cần tổ giúp gì thêm thì cứ nhắn ạ.',
  notUnderstood: 'Dạ, tổ chưa hiểu rõ ý {b}. {B} bấm chọn một mục dưới đây, hoặc bấm "Gặp cán bộ" để cán bộ trả lời trực tiếp ạ.',
  chooseTopic: '{B} muốn hỏi việc nào ạ?',
  mediaReceived: 'Tổ đã nhận được ảnh/tệp. Tổ trả lời tự động bằng chữ, nên {b} gõ câu hỏi giúp tổ, hoặc bấm "Gặp cán bộ" ạ.',
  sensitiveShared:
    '⚠️ {B} vừa gửi một số giấy tờ, số thẻ, số tài khoản, mã hoặc mật khẩu. Tổ đã không lưu. ' +
    'Xin đừng gửi mã OTP, mật khẩu, số căn cước hay số thẻ cho ai qua tin nhắn, kể cả cho tổ.',

  guideHeader: (title: string) => `📘 ${title}`,
  guideStep: (n: number, total: number, text: string) => `Bước ${n}/${total}: ${text}`,
  guideEnteredAt: (n: number, total: number) => `Tổ trả lời đúng phần {b} hỏi (bước ${n}/${total}). Muốn xem từ đầu, {b} nhắn "xem từ đầu".`,
  guideStuck: 'Không sao ạ, bước này hơi khó. {B} muốn làm thế nào ạ?',
  guideNudge: (n: number, total: number, title: string) =>
    `Dạ, {b} đang ở bước ${n}/${total} của "${title}". Làm xong thì gõ "tiếp" hoặc bấm "Tiếp theo"; gặp khó thì bấm "Chưa làm được" ạ.`,
  guideOver: 'Hướng dẫn này đã kết thúc rồi ạ. {B} cần giúp gì thêm không?',
  guideStopped: 'Dạ, tổ dừng hướng dẫn ở đây. Khi cần, {b} cứ nhắn lại nhé.',
  followUp: (title: string) => `Chào {b}, tổ hỏi thăm: {b} đã làm được "${title}" chưa ạ?`,
  followUpDone: 'Tuyệt quá! Cảm ơn {b}. Cần gì thêm cứ nhắn tổ nhé.',

  scamNow:
    '🚨 {B} làm ngay mấy việc này:\n' +
    '1. Tắt máy, không nghe tiếp. Không bấm phím, không bấm link, không cài ứng dụng họ bảo.\n' +
    '2. Không đọc mã OTP, mật khẩu, không quét khuôn mặt, không chuyển tiền, dù họ xưng công an, điện lực, ngân hàng hay nhà mạng.\n' +
    '3. Muốn kiểm tra, {b} tự gọi số tổng đài in trên thẻ ngân hàng hoặc hóa đơn, hoặc đến Công an xã. Cơ quan nhà nước không làm việc qua điện thoại hay Zalo.\n' +
    'Báo cuộc gọi lừa đảo miễn phí: gọi 156.',
  scamVictim:
    '{B} bình tĩnh, làm ngay theo thứ tự:\n' +
    '1. Gọi ngay tổng đài ngân hàng của {b} (số in sau thẻ) để khóa tài khoản và đề nghị phong tỏa tài khoản nhận tiền. Càng sớm càng tốt.\n' +
    '2. Tắt dữ liệu di động, wifi hoặc tắt máy nếu đã cài ứng dụng lạ.\n' +
    '3. Đến Công an xã trình báo, mang theo số tài khoản đã chuyển và ảnh chụp tin nhắn.\n' +
    '4. Không trả tiền cho ai hứa "lấy lại tiền" giúp: đó cũng là lừa đảo.',
  scamHelpOffer: 'Cần tổ hỗ trợ tận nơi hay nhờ cán bộ xã, {b} bấm nút bên dưới ạ.',

  complaintSorry: (commune: string) =>
    `Tổ thành thật xin lỗi {b} vì sự bất tiện này. Tổ chuyển ngay ý kiến của {b} tới cán bộ ${commune} để có người liên hệ giải quyết ạ.`,
  compare: (topics: string) => `Dạ, {b} hỏi về ${topics}:`,
  compareChoose: 'Muốn làm việc nào trước, {b} bấm chọn ạ.',

  optedOut: 'Dạ, tổ đã dừng gửi tin nhắc cho {b}. Khi cần giúp, {b} cứ nhắn tổ bất cứ lúc nào ạ. Muốn nhận lại tin nhắc, nhắn "bật lại".',
  optedIn: 'Dạ, tổ sẽ gửi lại tin nhắc khi cần ạ.',
  askStop: 'Dạ, {b} muốn tổ dừng gửi tin nhắc phải không ạ?',
  askStopDuring: (what: string) => `Dạ, {b} đang làm dở: ${what}. {B} muốn hủy phần đang làm, hay muốn tổ dừng gửi tin nhắc ạ?`,
  keptGoing: 'Dạ, tổ vẫn giữ nguyên ạ.',
  stoppedBoth: 'Dạ, tổ đã hủy phần đang làm và dừng gửi tin nhắc. Khi cần, {b} cứ nhắn tổ nhé. Muốn nhận lại tin nhắc, nhắn "bật lại".',
  askCancelForm: (what: string) => `{B} muốn hủy ${what} đang làm dở ạ?`,
  dungUnclear: 'Dạ, tổ chưa rõ {b} gõ "đúng" hay "dừng". {B} bấm một nút giúp tổ ạ.',
  formKept: (what: string) => `Tổ vẫn giữ ${what} của {b}.`,

  deletionAsk:
    '{B} muốn xóa toàn bộ thông tin tổ đang lưu (thôn, số điện thoại, tin nhắn đã gửi)? ' +
    'Yêu cầu hỗ trợ đã gửi sẽ chỉ còn lại số liệu thống kê, không có tên hay số điện thoại.',
  deletionDone: 'Tổ đã xóa thông tin của {b}. Nếu nhắn tin lại, tổ sẽ coi như lần đầu ạ.',
  deletionKept: 'Dạ, tổ giữ nguyên thông tin ạ.',
  deletionWhat: 'yêu cầu xóa dữ liệu',
  guideWhat: 'một hướng dẫn từng bước',

  visitConsent:
    'Để tổ đến giúp, tổ cần lưu: thôn/xóm, việc cần giúp, lúc nào tiện, và số điện thoại nếu {b} muốn để lại. ' +
    'Thông tin chỉ dùng để tổ liên hệ hỗ trợ; nhắn "xóa dữ liệu" bất cứ lúc nào để xóa. {B} đồng ý không ạ?',
  questionConsent:
    'Để chuyển ý kiến tới cán bộ xã, tổ cần lưu nội dung {b} gửi cho tới khi cán bộ trả lời. ' +
    'Nhắn "xóa dữ liệu" bất cứ lúc nào để xóa. {B} đồng ý không ạ?',
  consentDeclined: (commune: string) =>
    `Dạ, tổ sẽ không lưu thông tin. {B} có thể đến bộ phận một cửa ${commune} để được giúp trực tiếp, hoặc tiếp tục hỏi tổ qua tin nhắn ạ.`,
  askVillage: '{B} ở thôn/tổ dân phố nào ạ? Bấm chọn, hoặc gõ tên thôn.',
  villageNotFound: (typed: string, commune: string) => `Tổ chưa tìm thấy "${typed}" trong ${commune}. {B} bấm chọn, hoặc gõ lại tên thôn giúp tổ ạ.`,
  askNeed: '{B} cần tổ giúp việc gì ạ?',
  askNeedText: '{B} gõ ngắn gọn việc cần giúp ạ.',
  askTime: 'Lúc nào tổ đến thì tiện ạ? Bấm chọn, hoặc gõ thời gian (ví dụ "sáng thứ bảy").',
  askPhone: '{B} có muốn để lại số điện thoại để tổ gọi trước khi đến không ạ? Tổ chỉ dùng số này để liên hệ việc hỗ trợ.',
  phoneCardTitle: (commune: string) => `Tổ công nghệ số ${commune}`,
  phoneCardSubtitle: 'Chia sẻ số điện thoại để tổ gọi trước khi đến hỗ trợ',
  phoneCardHint: '{B} bấm vào thẻ trên để chia sẻ, hoặc gõ số điện thoại vào đây cũng được ạ.',
  askAddress: 'Dạ. {B} cho tổ xin tên và chỗ ở (số nhà, ngõ, gần đâu) để tổ tìm đến ạ.',
  askQuestion: '{B} muốn hỏi cán bộ điều gì ạ? Gõ câu hỏi vào đây.',
  formCancelled: 'Dạ, tổ đã hủy. Cần gì {b} cứ nhắn ạ.',
  formReprompt: '{B} bấm một nút bên dưới, hoặc nhắn "hủy" nếu không cần nữa ạ.',
  visitWhat: 'yêu cầu tổ đến nhà',
  questionWhat: 'câu hỏi gửi cán bộ',
  visitCreated: (n: number, who: string, due: Date) =>
    `✅ Tổ đã nhận yêu cầu số ${n}. ${who} sẽ liên hệ và đến hỗ trợ {b} trước ngày ${dmy(due)}. ` +
    'Khi xong, tổ sẽ hỏi lại {b}. Cần đổi lịch hoặc hủy, {b} cứ nhắn tổ ạ.',
  questionCreated: (n: number, commune: string) => `✅ Tổ đã chuyển tới cán bộ ${commune} (số ${n}). Cán bộ sẽ trả lời qua Zalo này trong giờ làm việc ạ.`,
  noTeamAvailable: 'Xin lỗi {b}, hiện tổ chưa nhận được yêu cầu qua Zalo. {B} vui lòng liên hệ trực tiếp UBND xã ạ.',
  villageTeam: (village: string) => `Tổ công nghệ số ${village}`,
  communeTeam: (commune: string) => `Tổ công nghệ số ${commune}`,
  communeStaff: (commune: string) => `Cán bộ ${commune}`,

  askCancelRequest: (n: number) => `{B} muốn hủy yêu cầu hỗ trợ số ${n} ạ?`,
  requestCancelled: (n: number) => `Dạ, tổ đã hủy yêu cầu số ${n} và báo cho tổ của thôn. Cần gì {b} cứ nhắn lại ạ.`,
  requestKept: (n: number) => `Dạ, tổ vẫn giữ yêu cầu số ${n} ạ.`,
  noOpenRequest: 'Dạ, {b} hiện không có yêu cầu hỗ trợ nào đang chờ ạ.',

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

  teamRequestCancelled: (id: number) => `↩️ Người dân đã hủy yêu cầu số ${id}. Tổ không cần đến nữa.`,
  teamRequestWithdrawn: (id: number) => `↩️ Yêu cầu số ${id} đã được rút lại: người dân đề nghị xóa dữ liệu của mình. Tổ không cần đến nữa.`,

  helpDoneQuestion: (n: number) => `Yêu cầu số ${n} đã được tổ đánh dấu là xong. {B} đã được hỗ trợ xong chưa ạ?`,
  helpConfirmed: 'Cảm ơn {b}! Chúc {b} dùng dịch vụ thuận lợi ạ.',
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
      'total-mismatch': (d: string) => `tổng chưa khớp với các số đã kê (${d}). Tổng chỉ để đối chiếu, không cộng thêm.`,
    },
    undone: (date: string, name: string, lines: string[]) => `↩️ Đã hủy báo cáo ngày ${date} của ${name} (${lines.join(', ')}). Gửi lại báo cáo đúng nếu cần.`,
    nothingToUndo: 'Không có báo cáo nào của bạn trong 24 giờ qua để hủy.',
    nothingToCorrect: 'Không có báo cáo nào của bạn trong 24 giờ qua để sửa. Nếu là báo cáo mới, gõ /bc rồi các số.',
    corrected: (date: string, name: string, lines: string[]) => `✏️ Đã sửa báo cáo ngày ${date} của ${name} thành:\n${lines.map((l) => `• ${l}`).join('\n')}`,
    correctionHint: 'Muốn sửa báo cáo vừa gửi, gõ /sua kèm báo cáo đúng, ví dụ: /sua 12 hộ, 30 người. Hoặc gõ /huy rồi gửi lại /bc.',
    claimed: (name: string, id: number, about: string) => `👍 ${name} đã nhận yêu cầu số ${id} (${about}). Xong thì gõ /xong ${id}.`,
    claimedForResident: (name: string, team: string, id: number) => `Dạ, ${name} (${team}) đã nhận yêu cầu số ${id} và sẽ liên hệ, đến hỗ trợ {b} ạ.`,
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
    week: (which: WeekName, from: string, to: string, team: string, lines: string[]) =>
      `📊 ${weekNames[which]} (${from} – ${to}) ${team} đã báo:\n${lines.map((l) => `• ${l}`).join('\n')}`,
    weekEmpty: (which: WeekName, team: string) =>
      which === 'this' ? `Tuần này ${team} chưa có báo cáo nào. Gõ /tuan truoc để xem tuần trước.` : `Tuần trước ${team} không có báo cáo nào.`,
    linked: (team: string) => `🔗 Nhóm này đã liên kết với ${team}. Gõ /giup để xem cách báo cáo.`,
    alreadyLinked: (team: string) => `Nhóm này đã liên kết với ${team} rồi.`,
    badCode: 'Mã liên kết không đúng. Xin lãnh đạo xã mã mới rồi gõ /lienket MÃ.',
    otherCommune: (team: string) => `Mã này của ${team}, thuộc xã khác với OA của nhóm này nên không liên kết được. Xin lãnh đạo xã mình cấp mã của tổ mình.`,
    expiredCode: 'Mã liên kết đã hết hạn (7 ngày). Xin lãnh đạo xã mã mới.',
    usedCode: 'Mã liên kết này đã được dùng. Xin lãnh đạo xã mã mới.',
    missingCode: 'Gõ /lienket kèm mã lãnh đạo xã gửi, ví dụ /lienket K7P2QX.',
    help: (metrics: string) =>
      '📖 Cách dùng trong nhóm:\n' +
      '• Báo cáo: /bc 12 hộ, 30 người, 8 vneid, 3 mức 2 (thêm "hôm qua" hoặc "18/11" nếu không phải hôm nay)\n' +
      '• /huy – hủy báo cáo vừa gửi; /sua 12 hộ, 30 người – sửa báo cáo vừa gửi (trong 24 giờ)\n' +
      '• "3 người cài VssID" tính là 3 VssID, không cộng vào số người; số người, số hộ báo riêng. "Tổng" chỉ để đối chiếu.\n' +
      '• /yeucau – xem yêu cầu hỗ trợ đang chờ\n' +
      '• /nhan 12 – nhận yêu cầu số 12; /xong 12 – báo đã xong\n' +
      '• /tuan – số liệu tuần này của tổ; /tuan truoc – tuần trước\n' +
      '• Nhóm lãnh đạo xã: /tuan – cả xã tuần này (/tuan truoc – tuần trước); /baocaothang 11/2026 – báo cáo tháng (file Excel); /gui vneid-level2 – gửi hướng dẫn cho các tổ; /thongbao … – gửi thông báo\n' +
      `Chỉ tiêu: ${metrics}.`,
    notLinkedHelp: 'Nhóm này chưa liên kết với tổ nào. Lãnh đạo xã gửi mã, rồi gõ /lienket MÃ trong nhóm.',
  },

  buttons: {
    next: 'Tiếp theo',
    stuck: 'Chưa làm được',
    cancelCurrent: 'Hủy phần đang làm',
    stopMessages: 'Dừng nhận tin nhắc',
    keepGoing: 'Không, tiếp tục',
    stopYes: 'Dừng nhận tin',
    stopNo: 'Không',
    cancelYes: 'Hủy',
    cancelRequestYes: 'Hủy yêu cầu',
    keep: 'Giữ lại',
    sayYes: 'Đúng',
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
