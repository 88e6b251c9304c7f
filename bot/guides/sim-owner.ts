import type { Guide } from './guide.ts';

/** Checking and updating that a mobile number is registered in one's own name (thuê bao chính chủ) under Circular 08/2026. */
export const simOwner: Guide = {
  id: 'sim-owner',
  title: 'Kiểm tra và cập nhật số điện thoại đứng tên chính chủ',
  shortTitle: 'SIM chính chủ',
  version: 1,
  lastChecked: '2026-11-22',
  intro:
    'Số điện thoại phải đứng đúng tên người dùng và khớp với Cơ sở dữ liệu quốc gia về dân cư: số định danh, họ tên, ngày sinh và khuôn mặt. Nếu không khớp, nhà mạng có thể chặn một chiều, rồi hai chiều, rồi thu hồi số. ' +
    'Số chính chủ cũng cần để đăng ký VNeID và nhận mã OTP của ngân hàng.\n' +
    '{B} chuẩn bị thẻ căn cước gắn chip. Tên nút có thể khác một chút tùy phiên bản.',
  steps: [
    {
      text:
        'Xem trường hợp của mình. Nếu số điện thoại này đã dùng để làm tài khoản VNeID mức 2, hoặc đã xác thực bằng thẻ căn cước gắn chip, thì {b} không phải xác thực lại, trừ khi đổi sang điện thoại khác. ' +
        'Quy định đối chiếu này áp dụng từ ngày 15/4/2026. Nếu chưa chắc, {b} làm bước tiếp theo để kiểm tra.',
    },
    {
      text:
        'Kiểm tra trên VNeID. Đăng nhập VNeID và tìm mục thông tin thuê bao di động. Ứng dụng liệt kê tất cả các số đang đứng tên {b}. ' +
        'Số nào {b} đang dùng thì bấm xác nhận. Số nào không phải của {b}, hoặc không dùng nữa, thì chọn "Không sử dụng", nhà mạng sẽ xử lý. ' +
        '{B} chịu trách nhiệm về các số mình đã xác nhận, nên xem kỹ từng số.',
    },
    {
      text:
        'Hoặc kiểm tra trên ứng dụng nhà mạng (tải từ "App Store" hoặc "CH Play"). Đăng nhập bằng mã OTP; mã này chỉ nhập vào ứng dụng, không đọc cho ai.\n' +
        '- My Viettel: vào "Tiện ích", rồi "Xác thực thông tin thuê bao".\n' +
        '- My MobiFone: vào "Thông tin người dùng", rồi "Thông tin thuê bao"; nếu báo "Không cần cập nhật" là thông tin đã khớp.\n' +
        '- My VNPT: vào "Thông tin thuê bao".',
    },
    {
      text:
        'Xác thực nếu ứng dụng nhà mạng yêu cầu. Làm theo màn hình: chụp hai mặt thẻ căn cước và chụp khuôn mặt, áp thẻ vào lưng điện thoại để đọc chip (hoặc chọn liên kết với VNeID), kiểm tra thông tin, ký hợp đồng điện tử trên màn hình, rồi nhập mã OTP. ' +
        'Việc chụp thẻ và khuôn mặt này {b} tự làm trong ứng dụng chính thức của nhà mạng, không gửi ảnh cho ai qua Zalo hay tin nhắn.',
    },
    {
      text:
        'Hoặc ra cửa hàng nhà mạng. Nếu không dùng được điện thoại thông minh, hoặc số đang đứng tên người khác (ví dụ con cháu đăng ký hộ), {b} mang thẻ căn cước gắn chip đến cửa hàng hoặc đại lý chính thức của nhà mạng; nhân viên giúp xác thực miễn phí. ' +
        'Việc chuyển số sang tên {b} cũng làm tại cửa hàng; {b} hỏi trước xem cần mang giấy tờ gì và ai phải có mặt.',
    },
    {
      text:
        'Khi lắp SIM sang điện thoại mới. Sau khoảng 2 giờ, số có thể bị chặn gọi đi và nhắn tin đi cho đến khi {b} xác thực lại khuôn mặt, qua ứng dụng nhà mạng, VNeID hoặc tại cửa hàng. ' +
        'Để quá 30 ngày không xác thực, số bị khóa cả hai chiều, và sau đó có thể bị thu hồi. Vì vậy đổi máy xong {b} nên xác thực ngay.',
    },
    {
      text:
        'Cảnh giác cuộc gọi "sắp khóa SIM". Kẻ gian hay giả nhà mạng hoặc "Cục Viễn thông" gọi dọa SIM sắp bị khóa trong 2 giờ, rồi đòi số căn cước, mã OTP hay bảo bấm gọi một số lạ. ' +
        'Tin nhắn thật của nhà mạng hiện tên thương hiệu (như Viettel, VinaPhone, MobiFone) và chỉ hướng dẫn dùng ứng dụng, trang web hay cửa hàng của nhà mạng. ' +
        'Gặp cuộc gọi lạ, {b} tắt máy và gọi 156 (miễn phí) để báo.',
    },
  ],
  done:
    'Thế là số điện thoại của {b} đã đứng đúng tên, dùng yên tâm. Nếu còn số nào chưa rõ của ai, {b} nhắn "nhờ tổ hỗ trợ", tổ sẽ đến nhà cùng {b} kiểm tra.',
  sources: [
    'https://yenphu.namdinh.gov.vn/tin-hoat-dong/tong-dai-156-tiep-nhan-phan-anh-ve-cuoc-goi-rac-cuoc-goi-co-dau-hieu-lua-dao-236617',
    'https://news.laodong.vn/kinh-doanh/lam-gi-de-khong-bi-khoa-sim-theo-thong-tu-08-1683417.ldo',
    'https://news.laodong.vn/cong-nghe/cach-xac-thuc-thue-bao-tren-ung-dung-nha-mang-de-tranh-gian-doan-dich-vu-1685226.ldo',
    'https://news.laodong.vn/cong-nghe/tu-ngay-mai-thuc-hien-cac-buoc-sau-tren-vneid-de-xac-nhan-thue-bao-chinh-chu-1685519.ldo',
    'https://news.laodong.vn/cong-nghe/mobifone-huong-dan-xac-thuc-thong-tin-sim-thue-bao-theo-quy-dinh-moi-1685645.ldo',
    'https://en.sggp.org.vn/citizens-empowered-to-control-phone-subscriptions-via-vneid-application-post125414.html',
    'https://plo.vn/ky-nguyen-so/2-cach-thay-doi-so-dien-thoai-dang-ky-ung-dung-vneid-moi-nhat-post832648.html',
    'https://amp.cand.com.vn/Cong-nghe/canh-giac-voi-thu-doan-mao-danh-nha-mang-doa-khoa-thue-bao-de-lua-dao-i687390',
    'https://cafef.vn/loi-dung-thoi-gian-chuan-hoa-thong-tin-sim-dien-thoai-xuat-hien-chieu-lua-dao-moi-lam-ngay-viec-sau-de-khong-mat-tien-oan-20230322131806821.chn',
  ],
};
