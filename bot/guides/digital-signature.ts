import type { Guide } from './guide.ts';

/** Personal remote digital signatures: when one is needed, how to register with a licensed provider or in VNeID, and signing safely. */
export const digitalSignature: Guide = {
  id: 'digital-signature',
  title: 'Chữ ký số cá nhân (ký số từ xa trên điện thoại)',
  shortTitle: 'Chữ ký số cá nhân',
  version: 1,
  lastChecked: '2026-11-22',
  intro:
    'Chữ ký số giúp {b} ký giấy tờ điện tử có giá trị pháp lý, ví dụ khi tự khai thuế điện tử hay ký hợp đồng điện tử. ' +
    'Phần lớn thủ tục thường ngày chỉ cần đăng nhập bằng VNeID, không cần chữ ký số. ' +
    'Hướng dẫn này giúp {b} biết khi nào cần và cách đăng ký loại ký từ xa, ký ngay trên điện thoại.',
  steps: [
    {
      text:
        'Xem mình có thật sự cần không. Trên Cổng Dịch vụ công, phần lớn thủ tục chỉ cần đăng nhập bằng VNeID. ' +
        '{B} chỉ cần chữ ký số khi thủ tục hay giao dịch yêu cầu rõ phải "ký số", ví dụ tự nộp tờ khai thuế điện tử. ' +
        'Nếu chưa chắc, {b} hỏi cán bộ ở bộ phận một cửa của xã/phường trước khi đăng ký, để khỏi tốn tiền.',
    },
    {
      text:
        'Hiểu về ký số từ xa. Với loại này, nhà cung cấp giữ khóa ký an toàn cho {b}, {b} không cần thiết bị cắm USB. ' +
        'Mỗi khi cần ký, {b} mở ứng dụng của nhà cung cấp trên điện thoại và bấm đồng ý. ' +
        'Dịch vụ thường mất phí, mỗi nơi một giá và một cách tính, nên {b} hỏi rõ giá và thời hạn trước khi đăng ký.',
    },
    {
      text:
        'Đăng ký với nhà cung cấp được cấp phép. Có nhiều đơn vị được cấp phép cung cấp ký số từ xa, ví dụ VNPT SmartCA hay Viettel-CA (MySign). ' +
        '{B} đến điểm giao dịch của nhà cung cấp, hoặc tải ứng dụng chính thức của họ từ "App Store" hay "CH Play". ' +
        'Giấy tờ cần có: thẻ căn cước (hoặc tài khoản VNeID mức 2) và giấy đề nghị theo mẫu của nhà cung cấp.',
    },
    {
      text:
        'Hoặc đăng ký trong VNeID (cần tài khoản mức 2). Từ tháng 5/2025, Bộ Công an đưa vào VNeID chức năng đăng ký chứng thư chữ ký số. ' +
        'Nếu ứng dụng của {b} có mục này: ở màn hình chính, trong nhóm dịch vụ, bấm "Dịch vụ khác", chọn "Chứng thư chữ ký số" và nhập passcode, rồi bấm "Đăng ký chứng thư chữ ký số" và làm theo màn hình. ' +
        'Đọc kỹ từng màn hình, nhất là phần chi phí nếu có, trước khi xác nhận. Tên nút có thể khác một chút tùy phiên bản.',
    },
    {
      text:
        'Ký giấy tờ an toàn. Chỉ ký những giấy tờ do chính {b} đang làm. Nếu điện thoại báo có yêu cầu ký mà {b} không hề làm thủ tục nào, {b} đừng bấm đồng ý. ' +
        'Không cho ai biết mật khẩu hay mã dùng để ký, và không ký theo lời người gọi điện. Chữ ký số ràng buộc trách nhiệm của {b} như chữ ký tay.',
    },
  ],
  done:
    'Chúc {b} dùng chữ ký số thuận lợi. Nếu chưa biết thủ tục của mình có cần ký số không, hoặc cần người làm cùng, {b} nhắn "nhờ tổ hỗ trợ" để tổ đến nhà giúp.',
  sources: [
    'http://lienhiephoihaiduong.vn/khoa-hoc-cong-nghe/chu-ky-so-cong-cong-va-nhung-dieu-can-biet-1087.html',
    'https://thanhnien.vn/huong-dan-nguoi-dan-dang-ky-su-dung-chung-thu-chu-ky-so-tren-vneid-185250603095621083.htm',
    'https://www.vietnam.vn/ro/thiet-lap-chu-ky-so-tren-vneid-voi-vai-thao-tac',
    'http://lawnet.vn/thong-tin-phap-luat/en/chinh-sach-moi/dossier-for-requesting-the-issuance-of-public-digital-signature-certificates-in-vietnam-according-to-the-decree-23-2025-176831.html',
    'https://en.sggp.org.vn/over-124-million-adults-adopt-use-of-digital-signatures-post114598.html',
    'https://vinaphone3g.com.vn/chu-ky-so-vnpt-smartca-la-gi.html',
    'https://vimass.vn/chukyso',
  ],
};
