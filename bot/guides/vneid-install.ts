import type { Guide } from './guide.ts';

/** Installing the VNeID app from the official store, registering a level-1 e-ID account and activating it. */
export const vneidInstall: Guide = {
  id: 'vneid-install',
  title: 'Cài ứng dụng VNeID và đăng ký tài khoản định danh điện tử mức 1',
  shortTitle: 'Cài VNeID, đăng ký mức 1',
  version: 2,
  lastChecked: '2026-12-01',
  intro:
    'Hướng dẫn này giúp {b} tự cài ứng dụng VNeID trên điện thoại, đăng ký tài khoản định danh điện tử mức 1 rồi kích hoạt để dùng. Đăng ký hoàn toàn miễn phí.\n' +
    '{B} chuẩn bị: thẻ căn cước (căn cước công dân) có gắn chip, còn hạn; điện thoại thông minh có mạng; số điện thoại đứng tên chính mình. Mỗi số điện thoại chỉ gắn được với một tài khoản VNeID.\n' +
    'Tên nút trên màn hình có thể khác một chút tùy phiên bản.',
  steps: [
    {
      text:
        'Cài đúng ứng dụng. Trên iPhone, mở "App Store"; trên điện thoại Android, mở "CH Play" (Google Play). Gõ chữ VNeID vào ô tìm kiếm. ' +
        'Chọn ứng dụng VNeID do "Trung tâm dữ liệu quốc gia về dân cư" phát hành, rồi bấm "Cài đặt" (trên iPhone là "Nhận").\n' +
        'Tuyệt đối không cài VNeID từ đường link ai gửi qua Zalo, tin nhắn hay Facebook. Đó là ứng dụng giả, kẻ gian dùng để lấy tiền trong tài khoản ngân hàng.',
    },
    {
      text:
        'Tạo tài khoản trên ứng dụng. Mở VNeID, ở màn hình đầu tiên bấm "Đăng ký". ' +
        'Nhập số định danh cá nhân gồm 12 chữ số (chính là số in trên thẻ căn cước) và số điện thoại của {b}. ' +
        'Điện thoại sẽ nhận một tin nhắn có mã OTP: chỉ nhập mã này vào ứng dụng, không đọc cho ai. ' +
        'Sau đó đặt mật khẩu theo yêu cầu hiện trên màn hình. {B} ghi mật khẩu ra giấy và cất ở chỗ riêng, không đưa cho người khác xem.',
    },
    {
      text:
        'Đọc thông tin thẻ căn cước. Ở màn hình chính, bấm "Đăng ký tài khoản mức 1", rồi bấm "Bắt đầu" và "Tôi đã hiểu". ' +
        'Ứng dụng sẽ hướng dẫn đọc chip trên thẻ: áp thẻ căn cước sát vào lưng điện thoại và giữ yên cho đến khi máy báo xong. ' +
        'Máy Android có thể cần bật NFC trong phần Cài đặt. Nếu máy chưa nhận, dịch thẻ chậm lên xuống một chút rồi thử lại.\n' +
        'Máy không có NFC (nhiều máy cũ, máy giá rẻ): chọn cách quét mã QR, rồi đưa camera vào mã QR ở góc trên mặt trước thẻ căn cước cho đến khi máy đọc được. Xong thì bấm "Tiếp tục".',
      answers: ['(khong co)|(chua co)|(khong ho tro)|(khong bat duoc)|(khong thay) nfc', 'nfc', '(quet)|(ma) qr', '(doc)|(quet)|(ap) chip|the', '(khong nhan)|(khong doc duoc) the|chip'],
    },
    {
      text:
        'Chụp ảnh khuôn mặt. Ứng dụng bật camera trước để chụp mặt {b}. Ngồi chỗ đủ sáng, nhìn thẳng vào máy, bỏ kính râm và khẩu trang. ' +
        'Nếu ảnh mờ hoặc lệch, bấm "Chụp lại". Ô email có thể bỏ trống. Xem lại thông tin rồi bấm "Xác nhận thông tin đăng ký".\n' +
        'Việc chụp mặt chỉ tự làm trong ứng dụng VNeID của mình, không làm theo lời người lạ gọi điện đến.',
    },
    {
      text:
        'Chờ tin nhắn phê duyệt. Sau khi gửi, {b} chờ tin nhắn của Cục Cảnh sát quản lý hành chính về trật tự xã hội (Bộ Công an) báo hồ sơ đã được phê duyệt và mời {b} kích hoạt tài khoản trên ứng dụng VNeID.\n' +
        'Tin nhắn thật không bao giờ bảo {b} gọi điện cho ai, chuyển tiền hay cài thêm ứng dụng. Gặp tin nhắn như vậy là lừa đảo, {b} bỏ qua.',
    },
    {
      text:
        'Kích hoạt tài khoản. Mở VNeID, bấm "Kích hoạt tài khoản định danh điện tử" (hoặc nút "Kích hoạt" ở màn hình đăng nhập). ' +
        'Nhập số định danh cá nhân và số điện thoại, rồi bấm "Gửi yêu cầu". ' +
        'Điện thoại sẽ nhận mã kích hoạt qua tin nhắn: chỉ nhập vào ứng dụng, không đọc cho ai. Nếu ứng dụng yêu cầu đặt mật khẩu, {b} đặt như hướng dẫn trên màn hình.',
    },
    {
      text:
        'Đặt passcode và câu hỏi bảo mật. Ứng dụng yêu cầu đặt passcode gồm 6 chữ số, dùng mỗi khi mở các chức năng bên trong. Chọn dãy số {b} dễ nhớ nhưng người khác khó đoán, tránh dùng ngày sinh. ' +
        'Tiếp theo, chọn 2 câu hỏi bảo mật và trả lời. Cuối cùng đăng nhập lại: màn hình sẽ cho biết tài khoản của {b} ở mức nào.\n' +
        'Mật khẩu và passcode chỉ mình {b} biết, không nói cho ai, kể cả người xưng là công an.',
    },
  ],
  done:
    'Chúc mừng {b} đã có tài khoản VNeID! Từ nay {b} dùng tài khoản này để đăng nhập các dịch vụ công. Muốn xem được thẻ căn cước điện tử và dùng đủ tính năng, {b} xem thêm hướng dẫn "VNeID mức 2". ' +
    'Nếu còn chỗ nào chưa rõ, {b} nhắn "nhờ tổ hỗ trợ", tổ sẽ sắp xếp đến tận nhà giúp {b}.',
  sources: [
    'https://dean06.hanam.gov.vn/tailieu/dk_t3.html',
    'https://dean06.hanam.gov.vn/tailieu/dk_t5.html',
    'https://www.bacninh.gov.vn/web/ubnd-xa-dong-tho/news/-/details/20780420/huong-dan-su-dung-app-vneid-tren-ien-thoai-44665886',
    'https://thanhnien.vn/cong-an-tphcm-canh-bao-thu-doan-lua-dao-kich-hoat-ung-dung-vneid-185231126094830505.htm',
    'https://en.sggp.org.vn/citizens-warned-of-fake-vneid-application-post108105.html',
    'https://plo.vn/ky-nguyen-so/2-cach-thay-doi-so-dien-thoai-dang-ky-ung-dung-vneid-moi-nhat-post832648.html',
    'https://giadinh.suckhoedoisong.vn/tai-khoan-dinh-danh-dien-tu-co-may-muc-do-cac-muc-do-khac-nhau-diem-gi-172230518234031445.htm',
    'https://nghean24h.vn/can-biet-huong-dan-dang-ky-va-kich-hoat-tai-khoan-dinh-danh-dien-tu-vneid-a701640.html',
  ],
};
