import type { Guide } from './guide.ts';

/** The VssID social-insurance app: installing, logging in (password or VNeID), registering, viewing contributions and the health-insurance card. */
export const vssid: Guide = {
  id: 'vssid',
  title: 'Dùng ứng dụng VssID – Bảo hiểm xã hội số',
  shortTitle: 'Ứng dụng VssID',
  version: 2,
  lastChecked: '2026-12-01',
  intro:
    'VssID là ứng dụng của Bảo hiểm xã hội Việt Nam. Trên đó {b} xem được quá trình đóng bảo hiểm xã hội, bảo hiểm y tế, thẻ bảo hiểm y tế (dùng khi đi khám thay thẻ giấy) và lịch sử khám chữa bệnh. Ứng dụng miễn phí.\n' +
    '{B} chuẩn bị thẻ căn cước, thẻ bảo hiểm y tế và điện thoại có mạng. Tên nút có thể khác một chút tùy phiên bản.',
  steps: [
    {
      text:
        'Cài đúng ứng dụng. Mở "App Store" (iPhone) hoặc "CH Play" (Android), tìm "VssID" rồi cài. Không cài từ đường link ai gửi, và không bật chế độ cho phép cài ứng dụng từ nguồn không xác định.\n' +
        'Không có cái gọi là "VssID 4.0": giấy mời và ứng dụng mang tên đó là giả, đã có người mất gần 2 tỷ đồng vì cài theo link.',
    },
    {
      text:
        'Nếu đã có tài khoản VssID: đăng nhập bằng tên đăng nhập là mã số bảo hiểm xã hội hoặc số căn cước, và mật khẩu. Gõ sai mật khẩu 5 lần thì tài khoản bị khóa 15 phút. ' +
        'Nếu đã có VNeID mức 2, {b} có thể bấm "Đăng nhập bằng tài khoản định danh điện tử": ứng dụng mở VNeID để {b} đăng nhập rồi tự quay lại VssID. Nhớ cập nhật cả hai ứng dụng lên bản mới. ' +
        'Đổi điện thoại cũng không phải đăng ký lại.',
    },
    {
      text:
        'Nếu chưa có tài khoản: bấm "Đăng ký tài khoản" và điền thông tin. Ô mã số bảo hiểm xã hội có thể tự điền bằng cách quét mã QR trên thẻ bảo hiểm y tế hoặc thẻ căn cước. ' +
        'Chụp ảnh chân dung (ảnh hai mặt thẻ căn cước chỉ cần khi ứng dụng yêu cầu). Chọn cơ quan bảo hiểm xã hội gần nhà, bấm "Gửi". ' +
        'Mã OTP gửi về email: chỉ nhập vào ứng dụng, không đọc cho ai.',
    },
    {
      text:
        'Hoàn tất đăng ký tại cơ quan bảo hiểm xã hội. Sau khi gửi đăng ký trên ứng dụng, {b} mang thẻ căn cước đến cơ quan bảo hiểm xã hội đã chọn để xác minh; sau đó {b} mới được cấp mật khẩu.\n' +
        'Việc này miễn phí. Không ai được thu "tiền đặt cọc" để cấp mật khẩu VssID; kẻ gian giả cán bộ bảo hiểm trên Facebook hay làm trò này.',
    },
    {
      text:
        'Xem quá trình đóng bảo hiểm. Sau khi đăng nhập, màn hình chính có các mục để xem quá trình tham gia bảo hiểm xã hội, bảo hiểm y tế và lịch sử khám chữa bệnh. ' +
        'Mã số bảo hiểm xã hội của {b} chính là số định danh cá nhân (số căn cước) từ 1/8/2025, không cần nhớ số cũ.\n' +
        'Quên mật khẩu hay gặp lỗi, {b} gọi tổng đài 1900 9068 hoặc đến cơ quan bảo hiểm xã hội nơi gần nhất.',
      answers: ['(qua trinh dong)|(qua trinh tham gia)|(dong bao hiem)|(lich su kham)', '(ma so)|so (bao hiem xa hoi)|bhxh', '(quen) (matkhau) vssid'],
    },
    {
      text:
        'Thẻ bảo hiểm y tế khi đi khám. Từ 1/6/2025 cơ quan bảo hiểm xã hội không cấp thẻ giấy nữa, trừ người không dùng được VssID, VNeID hoặc chưa có căn cước gắn chip. ' +
        'Khi đi khám, {b} mở hình thẻ bảo hiểm y tế trong VssID (hoặc trong VNeID mức 2), hoặc đưa thẻ căn cước gắn chip, thay cho thẻ giấy.\n' +
        'Chưa có điện thoại thông minh hay thẻ gắn chip, {b} hỏi cơ sở khám chữa bệnh hoặc cơ quan bảo hiểm xã hội cách dùng thẻ của mình.',
      answers: ['the (bao hiem y te)|(bao hiem)|bhyt', '(bao hiem y te) giay', '(the giay)|(giay) (con dung)|(dung duoc)|(het han)|(bo)', '(di kham)|(kham benh) (mang)|(dung) the|(can cuoc)|gi'],
    },
  ],
  done:
    'Chúc mừng {b} đã dùng được VssID, từ giờ có thể mở thẻ bảo hiểm y tế ngay trên điện thoại khi đi khám. Nếu còn lúng túng chỗ nào, {b} nhắn "nhờ tổ hỗ trợ", tổ sẽ đến nhà chỉ cho {b}.',
  sources: [
    'https://binhdinh.baohiemxahoi.gov.vn/tintuc/Pages/hoat-dong-bhxh-dia-phuong.aspx?CateID=0&ItemID=4919',
    'https://yenbai.gov.vn/noidung/tintuc/Pages/chi-tiet-tin-tuc.aspx?ItemID=32726&l=Tintrongtinh&lv=11',
    'https://vss.gov.vn/english/news/Pages/vietnam-social-security.aspx?CateID=198&ItemID=12519',
    'https://baophapluat.vn/huong-dan-dang-nhap-ung-dung-vssid-bang-tai-khoan-vneid-post492924.html',
    'https://cafef.vn/bao-hiem-xa-hoi-viet-nam-co-thong-bao-moi-den-nguoi-dan-ca-nuoc-188251113201801928.chn',
    'https://www.vietnam.vn/en/tu-1-6-nguoi-dan-can-lam-gi-de-dam-bao-quyen-loi-kham-chua-benh',
    'https://vnexpress.net/vneid-co-the-thay-the-nhung-giay-to-nao-4924821.html',
    'https://ebh.vn/tin-tuc/cach-dang-nhap-vssid',
    'https://vnbiznews.com/mat-tien-vi-nho-nguoi-la-lay-lai-mat-khau-vssid-pid1989124629',
    'https://tayninhkysu.com/2024/07/gia-mao-van-ban-cua-bao-hiem-xa-hoi.html',
    'https://vanhoasukien.vn/?p=48343',
  ],
};
