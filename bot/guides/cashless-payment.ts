import type { Guide } from './guide.ts';

/** Cashless payments: opening a bank account by eKYC, biometrics, Mobile Money and e-wallets, electricity/water bills, VietQR. */
export const cashlessPayment: Guide = {
  id: 'cashless-payment',
  title: 'Thanh toán không dùng tiền mặt: tài khoản ngân hàng, Mobile Money, ví điện tử, tiền điện nước, mã VietQR',
  shortTitle: 'Thanh toán không tiền mặt',
  version: 1,
  lastChecked: '2026-11-22',
  intro:
    'Hướng dẫn này giúp {b} mở tài khoản ngân hàng ngay trên điện thoại, biết về Mobile Money và ví điện tử, trả tiền điện, tiền nước và trả tiền bằng mã QR. ' +
    '{B} chuẩn bị: thẻ căn cước gắn chip còn hạn, điện thoại thông minh có mạng và số điện thoại đứng tên mình.\n' +
    'Mỗi ngân hàng, mỗi ví có màn hình riêng, tên nút có thể khác một chút.',
  steps: [
    {
      text:
        'Mở tài khoản ngân hàng trên điện thoại. Tải ứng dụng chính thức của ngân hàng {b} chọn từ "App Store" hoặc "CH Play". Mở ra, chọn "Khách hàng mới" hoặc "Mở tài khoản ngay". ' +
        'Nhập số điện thoại; mã OTP gửi về chỉ nhập vào ứng dụng, không đọc cho ai. Chụp ảnh khuôn mặt, bật NFC rồi áp thẻ căn cước vào lưng điện thoại để máy đọc chip. ' +
        'Điền địa chỉ, nghề nghiệp, chọn số tài khoản. Người từ 15 tuổi trở lên mới mở được; chưa có thẻ gắn chip thì ra quầy ngân hàng để mở.',
    },
    {
      text:
        'Cập nhật khuôn mặt (sinh trắc học) cho tài khoản. Từ 1/1/2025, tài khoản chưa đối chiếu khuôn mặt với thẻ căn cước, hoặc giấy tờ đã hết hạn, sẽ không chuyển tiền, thanh toán trên mạng hay rút tiền ở cây ATM được. ' +
        'Chuyển trên 10 triệu đồng một lần, hoặc tổng trong ngày trên 20 triệu, cũng phải xác thực khuôn mặt.\n' +
        'Nếu ứng dụng ngân hàng nhắc "Cập nhật sinh trắc học", {b} tự làm ngay trong ứng dụng đó. Không quét mặt theo lời người gọi điện đến.',
    },
    {
      text:
        'Mobile Money: tài khoản tiền gắn với số điện thoại Viettel, VinaPhone (VNPT) hoặc MobiFone, không cần tài khoản ngân hàng, dùng được cả trên điện thoại bấm phím. ' +
        '{B} mang thẻ căn cước ra cửa hàng của nhà mạng để được đăng ký, hoặc đăng ký trong ứng dụng như Viettel Money, VNPT Money. Số điện thoại phải đứng tên {b}, khi mở cần xác thực khuôn mặt. ' +
        'Từ 1/1/2026, mỗi tháng chuyển và thanh toán tối đa 100 triệu đồng; tiền điện, nước, học phí, viện phí có thêm hạn mức riêng.',
    },
    {
      text:
        'Trả tiền điện, tiền nước. Mở ứng dụng ngân hàng (hoặc ví điện tử như MoMo, VNPAY, Viettel Money), bấm "Thanh toán hóa đơn", chọn "Tiền điện" hoặc "Tiền nước", rồi chọn công ty điện, nước nơi {b} ở. ' +
        'Nhập mã khách hàng in trên giấy báo (mã tiền điện gồm 13 ký tự). Xem kỹ số tiền và kỳ hóa đơn rồi xác nhận.\n' +
        'Nhân viên điện lực không gọi điện bắt kết bạn Zalo, cài ứng dụng từ link hay quét khuôn mặt. Gặp những yêu cầu đó là lừa đảo.',
    },
    {
      text:
        'Trả tiền bằng mã VietQR. Khi mua hàng, mở ứng dụng ngân hàng, bấm "Quét QR" rồi hướng camera vào mã QR của người bán. ' +
        'Trước khi xác nhận, đọc to tên người nhận hiện trên màn hình và hỏi lại người bán có đúng không, vì kẻ gian hay dán mã giả đè lên mã của cửa hàng. ' +
        'Nhập số tiền nếu cần rồi xác nhận. Không ngân hàng hay cơ quan nào bắt quét mã để "xác minh tài khoản".',
    },
  ],
  done:
    'Chúc {b} dùng thanh toán trên điện thoại an toàn, tiện lợi. Nếu muốn có người đến tận nhà cài đặt và làm thử cùng, {b} nhắn "nhờ tổ hỗ trợ" nhé.',
  sources: [
    'https://uongbi.gov.vn/tu-1-7-chuyen-tien-tren-10-trieu-phai-xac-thuc-bang-khuon-mat-van-tay-p13n77350.html',
    'http://hdwaco.com.vn/tra-cuu/huong-dan-thanh-toan-truc-tuyen',
    'https://biwase.com.vn/thanh-toan/thanh-toan-qua-kenh-trung-gian/thanh-toan-qua-kenh-trung-gian-huong-dan',
    'https://evn.com.vn/d/vi-VN/news/Boc-hoi-hang-ty-dong-do-cai-dat-ung-dung-dien-luc-gia-mao-60-3557-502632',
    'https://vnpt.com.vn/tu-van/tien-di-dong-dang-ky.html',
    'https://kenh14.vn/cach-mo-tai-khoan-ngan-hang-online-trong-5-phut-khong-can-ra-chi-nhanh-ngan-hang-215250821103550934.chn',
    'https://vietnamnet.vn/cac-buoc-mo-tai-khoan-ngan-hang-tai-nha-2374992.html',
    'https://thoibaonganhang.vn/mo-tai-khoan-ngan-hang-se-ngay-mot-chat-che-hon-154105.html',
    'https://giadinh.suckhoedoisong.vn/hang-trieu-chu-tai-khoan-ngan-hang-can-luu-y-dieu-nay-neu-khong-muon-dung-giao-dich-tu-ngay-1-1-2025-172241108154342772.htm',
    'https://vietnamnet.vn/han-muc-giao-dich-qua-dich-vu-mobile-money-toi-da-100-trieu-dong-thang-2479794.html',
    'https://vnexpress.net/tang-han-muc-giao-dich-mobile-money-len-100-trieu-moi-thang-5002950.html',
    'https://hatinh24h.com.vn/tuyet-doi-khong-lam-theo-yeu-cau-nay-neu-gap-doi-tuong-gia-danh-can-bo-dien-luc-a190196.html',
    'https://doanhnhandautu.net/phieu-thong-bao-tien-dien-thanh-di-vang-muon-dong-tien-dien-lam-the-nao-a45351.html',
    'https://bnews.vn/chinh-thuc-ra-mat-vietqr-va-dich-vu-chuyen-tien-nhanh-napas247-bang-ma-qr/199431.html',
    'https://amp.laodong.vn/xa-hoi/chu-quan-o-ha-noi-tu-quet-ma-qr-moi-ngay-de-phong-bi-dan-de-chiem-doat-tien-1249143.ldo',
  ],
};
