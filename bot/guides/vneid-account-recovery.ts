import type { Guide } from './guide.ts';

/** Recovering a VNeID account: forgotten password or passcode, new phone, lost phone, locking/unlocking, new phone number. */
export const vneidAccountRecovery: Guide = {
  id: 'vneid-account-recovery',
  title: 'Lấy lại tài khoản VNeID: quên mật khẩu, quên passcode, đổi máy, mất máy, tài khoản bị khóa',
  shortTitle: 'Lấy lại tài khoản VNeID',
  version: 2,
  lastChecked: '2026-12-01',
  intro:
    'Mỗi bước dưới đây là một trường hợp: quên mật khẩu, quên passcode, đổi điện thoại, mất điện thoại, khóa và mở khóa tài khoản, đổi số điện thoại. ' +
    '{B} đọc đến đúng trường hợp của mình thì làm theo, các bước khác có thể bỏ qua.\n' +
    'Nên để thẻ căn cước gắn chip ở bên cạnh. Tên nút có thể khác một chút tùy phiên bản.',
  steps: [
    {
      text:
        'Nếu quên mật khẩu: ở màn hình đăng nhập VNeID, bấm "Quên mật khẩu". Nhập số định danh cá nhân và số điện thoại, chọn "Nhập thông tin xác thực" rồi bấm "Gửi yêu cầu". ' +
        'Điền họ tên, ngày sinh và ngày cấp thẻ căn cước (in trên thẻ), bấm "Tiếp tục". ' +
        'Mã xác nhận gửi về điện thoại của {b}: chỉ nhập vào ứng dụng, không đọc cho ai. Sau đó đặt mật khẩu mới, ghi ra giấy và cất kỹ.',
      answers: ['quen|mat (matkhau)|(mat ma)', '(dat lai)|(lay lai)|(khoi phuc) (matkhau)|(mat ma)', 'sai (matkhau)|(mat ma)'],
    },
    {
      text:
        'Nếu quên passcode (6 chữ số): đăng nhập VNeID, mở một mục bất kỳ có hỏi passcode, bấm "Quên passcode" rồi "Xác nhận". ' +
        'Điện thoại nhận mã OTP qua tin nhắn: chỉ nhập vào ứng dụng, không đọc cho ai. Đặt passcode mới rồi bấm "Đã hiểu".\n' +
        'Sau này muốn đổi mật khẩu hay passcode, {b} vào mục "Cá nhân", chọn "Đổi mật khẩu" hoặc "Đổi passcode".',
      answers: ['quen|sai|(lay lai)|(dat lai)|doi passcode|(ma pin)|(ma 6 so)', 'passcode'],
    },
    {
      text:
        'Nếu đổi sang điện thoại mới mà máy cũ vẫn còn: mỗi tài khoản VNeID chỉ đăng nhập được trên một máy. ' +
        '{B} cài VNeID trên máy mới từ "App Store" hoặc "CH Play", rồi đăng nhập bằng số định danh và mật khẩu. ' +
        'Mã xác nhận sẽ được gửi về máy cũ: {b} mở máy cũ xem mã rồi tự nhập vào máy mới. Không đọc mã này cho người khác.',
      answers: ['(may moi)|(dien thoai moi)|(doi may)|(doi dien thoai)|(thay may)|(thay dien thoai)|(mua may)', '(ma)|otp (ve)|(gui ve) (may cu)'],
    },
    {
      text:
        'Nếu vừa bị mất điện thoại, nên khóa tài khoản ngay để kẻ gian không dùng được. Có 3 cách:\n' +
        '- Dùng máy tính hoặc điện thoại khác vào trang vneid.gov.vn, đăng nhập, bấm "Yêu cầu khóa tài khoản" và chọn lý do mất thiết bị.\n' +
        '- Gọi tổng đài 1900 0368 của Bộ Công an.\n' +
        '- Đến Công an xã/phường.\n' +
        'Khi muốn mở khóa lại, {b} gọi 1900 0368 hoặc đến Công an xã/phường.',
      answers: ['(mat)|(roi)|(danh roi)|(bi trom)|(bi cuop)|(bi giut)|(that lac) (dien thoai)|may', '(khoa) (taikhoan)|vneid', '(mo khoa)|(bi khoa)'],
    },
    {
      text:
        'Khi đã có máy mới (máy cũ mất hoặc hỏng): cài VNeID trên máy mới, đăng nhập, đồng ý thông báo đổi thiết bị. Chọn "Xác thực NFC bằng thẻ CCCD gắn chip", áp thẻ căn cước sát lưng điện thoại; mã OTP sẽ gửi về máy mới.\n' +
        'Máy không có NFC thì mượn máy có NFC của người nhà tin cậy; xong việc vào "Cá nhân", "Quản lý thiết bị", bấm "Hủy liên kết" để gỡ tài khoản khỏi máy đó. ' +
        'Hoặc đến Công an xã/phường nhờ xác nhận thiết bị mới, không mất phí.',
      answers: ['(hong)|(hu)|(vo)|(liet)|(chet)|(khong len)|(vao nuoc) (dien thoai)|may|(may cu)', '(dien thoai)|may (hong)|(hu)|(vo)|(liet)|(chet)', '(khong co) nfc'],
    },
    {
      text:
        'Nếu đổi số điện thoại: số mới phải đứng tên chính {b} (xem hướng dẫn "SIM chính chủ"). ' +
        'Có 3 cách: đổi ngay trong ứng dụng (phiên bản mới có chức năng này), đến Công an xã/phường, hoặc gọi 1900 0368 rồi bấm phím 4 để gặp tổng đài viên. ' +
        'Đổi xong, {b} kích hoạt lại tài khoản với số mới như lúc đầu.\n' +
        'Lưu ý: công an không bao giờ tự gọi điện đến để đòi mã OTP hay mật khẩu của {b}.',
      answers: ['(doi)|(thay)|(chuyen) (so dien thoai)|(sim)|so', '(so dien thoai) moi|cu|(khong con dung)', '(mat sim)|(sim moi)|(sim bi khoa)'],
    },
  ],
  done:
    'Mong là {b} đã vào lại được tài khoản. Nếu vẫn chưa được, hoặc muốn có người ngồi cạnh làm cùng, {b} nhắn "nhờ tổ hỗ trợ", tổ sẽ hẹn đến nhà giúp {b}.',
  sources: [
    'https://news.laodong.vn/thoi-su/bo-cong-an-cong-bo-nhieu-thu-tuc-hanh-chinh-moi-1537883.ldo',
    'https://dantri.com.vn/cong-nghe/cach-xu-ly-trong-truong-hop-quen-mat-khau-dang-nhap-ung-dung-vneid-20251203003057624.htm',
    'http://m.doisongphapluat.nguoiduatin.vn/cach-lay-lai-mat-khau-vneid-don-gian-a416451.html',
    'https://dantri.com.vn/cong-nghe/cach-dang-nhap-lai-vao-tai-khoan-vneid-khi-bi-mat-dien-thoai-20251126012938713.htm',
    'https://znews.vn/mat-dien-thoai-lam-sao-dang-nhap-duoc-vneid-post1606908.html',
    'https://hoahoctro.tienphong.vn/cach-dang-nhap-tai-khoan-dinh-danh-dien-tu-vneid-khi-khong-con-su-dung-thiet-bi-cu-post1549155.tpo',
    'https://www.vietnam.vn/de/huong-dan-cach-khoa-tai-khoan-vneid-khi-mat-dien-thoai',
    'https://cafef.vn/huong-dan-cach-doi-so-dien-thoai-tren-ung-dung-vneid-188230722115253222.chn',
    'https://plo.vn/ky-nguyen-so/2-cach-thay-doi-so-dien-thoai-dang-ky-ung-dung-vneid-moi-nhat-post832648.html',
    'https://baoquangnam.vn/cong-nghe-va-cuoc-song/huong-dan-cach-doi-so-dien-thoai-tren-ung-dung-vneid-148455.html',
  ],
};
