import type { Guide } from './guide.ts';

/** Submitting a dossier online on dichvucong.gov.vn, paying fees online and tracking it to the result. */
export const dvcSubmit: Guide = {
  id: 'dvc-submit',
  title: 'Nộp hồ sơ, nộp phí và theo dõi hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia',
  shortTitle: 'Nộp hồ sơ trực tuyến',
  version: 1,
  lastChecked: '2026-11-22',
  intro:
    'Hướng dẫn này giúp {b} nộp một thủ tục qua mạng trên dichvucong.gov.vn, trả phí nếu có, rồi theo dõi đến khi có kết quả. ' +
    'Từ 1/10/2025, một số thủ tục thiết yếu như đăng ký khai sinh, đăng ký thường trú, tạm trú chỉ nhận hồ sơ trực tuyến; cán bộ ở Trung tâm phục vụ hành chính công vẫn giúp {b} nộp nếu cần.\n' +
    'Trước khi bắt đầu, {b} cần đăng nhập được (xem hướng dẫn "Đăng nhập Dịch vụ công").',
  steps: [
    {
      text:
        'Tìm đúng thủ tục. Sau khi đăng nhập dichvucong.gov.vn, gõ tên việc cần làm vào ô tìm kiếm, ví dụ "đăng ký khai sinh", rồi bấm tìm. ' +
        'Trong danh sách, chọn đúng thủ tục và đúng nơi giải quyết, ví dụ UBND xã/phường nơi {b} ở. ' +
        'Đọc phần giấy tờ cần có và lệ phí, rồi bấm "Nộp hồ sơ trực tuyến". Tên nút có thể khác một chút tùy phiên bản.',
    },
    {
      text:
        'Điền tờ khai và đính kèm giấy tờ. Điền lần lượt các ô trên tờ khai điện tử. ' +
        'Với mỗi giấy tờ được yêu cầu, chụp ảnh hoặc quét thật rõ, đủ các trang, không bị lóa hay mất góc, rồi bấm nút tải lên ở đúng dòng đó. ' +
        'Ảnh giấy tờ chỉ tải lên trên Cổng chính thức, không gửi cho ai qua Zalo hay tin nhắn. Kiểm tra lại họ tên, ngày sinh trước khi qua bước sau.',
    },
    {
      text:
        'Nộp phí, lệ phí (nếu thủ tục có thu). Cổng sẽ hiện số tiền và các cách thanh toán đã kết nối sẵn, như qua ngân hàng, ví điện tử hoặc Mobile Money. ' +
        '{B} chọn cách mình đang dùng và làm theo màn hình. Nếu phải xác nhận bằng mã OTP hay khuôn mặt, chỉ làm trong ứng dụng ngân hàng của mình, không đọc mã cho ai. ' +
        'Phí của dịch vụ công cũng trả được trong ứng dụng VNeID. Thủ tục không thu phí thì bỏ qua bước này.',
    },
    {
      text:
        'Nộp và ghi lại mã hồ sơ. Bấm nút nộp hồ sơ ở cuối trang. Màn hình sẽ báo đã nộp và cho {b} một mã hồ sơ. ' +
        '{B} chép mã này ra giấy hoặc chụp màn hình lại, vì cần mã này để tra cứu sau này. Nếu đã trả phí, {b} cũng chụp lại màn hình báo thanh toán thành công.',
    },
    {
      text:
        'Theo dõi đến khi có kết quả. Đăng nhập lại dichvucong.gov.vn, vào mục quản lý hồ sơ của cá nhân (tên mục có thể khác tùy phiên bản) và tìm theo mã hồ sơ để xem hồ sơ đang ở khâu nào.\n' +
        'Thủ tục "toàn trình" thì nhận kết quả qua mạng hoặc qua bưu điện. Thủ tục "một phần" thì {b} vẫn phải đến cơ quan giải quyết. ' +
        'Cần người giúp, {b} mang mã hồ sơ đến bộ phận một cửa của xã/phường.',
    },
  ],
  done:
    'Hồ sơ của {b} đã được gửi đi rồi, {b} nhớ giữ mã hồ sơ để tra cứu. Nếu chỗ nào còn chưa chắc, {b} nhắn "nhờ tổ hỗ trợ", tổ sẽ qua nhà xem giúp.',
  sources: [
    'https://stc.dongnai.gov.vn/Pages/newsdetail.aspx?CatId=98&NewsId=2058',
    'https://en.napas.com.vn/people-can-conveniently-pay-for-online-public-services-via-the-national-public-service-portal-and-vneid-application-184240620093804416.htm',
    'https://www.vietnam.vn/en/vnpt-giu-cua-canh-du-lieu-dam-bao-van-hanh-cong-dvcqg-phuc-vu-mo-hinh-chinh-quyen-2-cap',
    'https://cafef.vn/chinh-thuc-nang-han-muc-giao-dich-qua-tai-khoan-tien-di-dong-len-100-trieu-dong-thang-188260108093120249.chn',
    'https://plo.vn/ky-nguyen-so/tu-ngay-1-10-2025-25-thu-tuc-hanh-chinh-bat-buoc-phai-lam-online-post873231.html',
    'https://news.laodong.vn/thoi-su/trung-tam-hanh-chinh-cong-khong-thu-ho-so-giay-25-dich-vu-cong-1575446.ldo',
    'https://mytour.vn/vi/blog/bai-viet/huong-dan-cach-dang-ky-va-dang-nhap-tai-khoan-tren-cong-dich-vu-cong-truc-tuyen.html',
  ],
};
