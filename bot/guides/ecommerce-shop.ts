import type { Guide } from './guide.ts';

/** Opening a seller shop on Postmart.vn (or Voso.vn, if still running) with help from postal staff. */
export const ecommerceShop: Guide = {
  id: 'ecommerce-shop',
  title: 'Mở gian hàng bán nông sản, đặc sản trên Postmart.vn hoặc Voso.vn',
  shortTitle: 'Mở gian hàng Postmart/Voso',
  version: 1,
  lastChecked: '2026-11-22',
  intro:
    'Postmart.vn là sàn thương mại điện tử của Bưu điện Việt Nam, Voso.vn là sàn của Viettel Post. Nhà nước khuyến khích bà con đưa nông sản, sản phẩm OCOP lên các sàn này, và nhân viên bưu điện đã nhiều lần xuống tận xã giúp bà con mở gian hàng.\n' +
    'Hướng dẫn này giúp {b} chọn sàn, chuẩn bị thông tin sản phẩm và tìm người hỗ trợ.',
  steps: [
    {
      text:
        'Chọn sàn. Hiện chưa có thông tin chắc chắn là Voso.vn còn hoạt động. Trước khi chọn Voso, {b} mở trang voso.vn xem còn bán hàng không, hoặc hỏi bưu cục Viettel Post gần nhà. ' +
        'Nếu Voso không còn hoặc chưa rõ, {b} chọn Postmart.vn của Bưu điện Việt Nam.\n' +
        'Chỉ gõ đúng địa chỉ postmart.vn hoặc voso.vn, không bấm link lạ.',
    },
    {
      text:
        'Chuẩn bị thông tin sản phẩm. Để bán được hàng, {b} nên có sẵn: vài ảnh sản phẩm chụp rõ, đủ sáng; tên sản phẩm; giá bán; cân nặng và cách đóng gói; nơi sản xuất; giấy chứng nhận OCOP nếu có; ' +
        'và một tài khoản ngân hàng đứng tên mình để nhận tiền. {B} ghi hết ra một tờ giấy cho dễ nhớ.',
    },
    {
      text:
        'Nhờ nhân viên bưu điện hỗ trợ. {B} mang điện thoại, tờ giấy thông tin và ảnh sản phẩm đến bưu điện văn hóa xã hoặc bưu cục (nếu bán trên Postmart), hay bưu cục Viettel Post (nếu bán trên Voso), hỏi xem ở đó có hỗ trợ mở gian hàng không. ' +
        'Nhân viên bưu điện đã giúp nhiều hộ tạo tài khoản người bán và đăng những sản phẩm đầu tiên. ' +
        'Mật khẩu {b} tự gõ; mã OTP gửi về máy chỉ nhập vào trang hoặc ứng dụng của sàn, không đọc cho ai.',
    },
    {
      text:
        'Kiểm tra gian hàng sau khi mở. Vào trang của sàn, đăng nhập và xem lại từng sản phẩm: ảnh, giá, cân nặng đã đúng chưa. Nếu dùng ứng dụng của sàn, chỉ tải từ "App Store" hoặc "CH Play". ' +
        'Khi có đơn, làm theo hướng dẫn của nhân viên về đóng gói và giao hàng. Về thuế khi bán hàng trên mạng, {b} hỏi nhân viên hỗ trợ hoặc cán bộ thuế để biết sàn có khai, nộp thuế thay không.',
    },
    {
      text:
        'Cảnh giác lừa đảo. Nếu có người gọi điện, nhắn Zalo xưng là nhân viên sàn hay bưu điện, đòi tiền "kích hoạt gian hàng", xin mã OTP hoặc gửi link bảo cài ứng dụng, {b} không làm theo. ' +
        'Muốn chắc chắn, {b} hỏi thẳng tại bưu cục. Tiền bán hàng chỉ nhận vào tài khoản đứng tên {b}.',
    },
  ],
  done:
    'Chúc gian hàng của {b} đắt khách! Nếu còn chỗ nào chưa rõ, hoặc cần người ngồi cùng đăng sản phẩm, {b} nhắn "nhờ tổ hỗ trợ" nhé, tổ sẽ đến tận nhà.',
  sources: [
    'https://english.mic.gov.vn/10-million-accounts-to-be-set-up-on-postmart-vo-so-in-2022-197152831.htm',
    'https://mic.gov.vn/buu-dien-dua-na-buoi-da-xanh-chanh-khong-hat-len-san-tmdt-postmart-197148207.htm',
    'https://www.sggpnews.org.vn/business/vietnam-to-transform-postal-industry-into-foundation-for-digital-agriculture-99821.html',
    'https://fr.vietnamplus.vn/les-entreprises-postales-donnent-un-coup-de-main-aux-agriculteurs-dans-lecommerce/176684.vnp',
    'https://en.baohoabinh.com.vn/5/7037/Lac-Thuy-farm-produce-up-111n-e-commerce-plat102orm.htm',
    'https://vietnamnews.vn/economy/1766648/viettel-post-continues-to-invest-in-logistics-subsidiary.html',
    'https://news.laodong.vn/kinh-doanh/luu-y-thoi-han-nop-ho-so-khai-thue-tranh-bi-xu-phat-1556181.ldo',
  ],
};
