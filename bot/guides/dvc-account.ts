import type { Guide } from './guide.ts';

/** Logging in to the National Public Service Portal (dichvucong.gov.vn) with a VNeID account by scanning the QR code. */
export const dvcAccount: Guide = {
  id: 'dvc-account',
  title: 'Đăng nhập Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) bằng tài khoản VNeID',
  shortTitle: 'Đăng nhập Dịch vụ công',
  version: 1,
  lastChecked: '2026-11-22',
  intro:
    'Từ ngày 1/7/2024, người dân đăng nhập Cổng Dịch vụ công quốc gia bằng tài khoản định danh điện tử VNeID. ' +
    '{B} cần: ứng dụng VNeID đã kích hoạt trên điện thoại (nên là mức 2 để dùng được đầy đủ) và nhớ mật khẩu; một máy tính hoặc máy tính bảng có mạng để mở trang web. ' +
    'Chỉ dùng đúng địa chỉ dichvucong.gov.vn. Tên nút có thể khác một chút tùy phiên bản.',
  steps: [
    {
      text:
        'Mở đúng trang web. Trên máy tính, mở trình duyệt (như Chrome, Cốc Cốc) và gõ chính xác dichvucong.gov.vn. Nhìn kỹ thanh địa chỉ: trang thật kết thúc bằng ".gov.vn". ' +
        'Kẻ gian hay làm trang giả có tên na ná, hoặc gửi link bảo cài ứng dụng "dịch vụ công". Cổng thật không bắt cài ứng dụng nào từ link. ' +
        'Các trang dịch vụ công riêng của tỉnh đã dừng từ cuối tháng 6/2025, nay chỉ dùng trang chung này.',
    },
    {
      text:
        'Chọn cách đăng nhập. Trên trang chủ, bấm nút "Đăng nhập". Trong các lựa chọn hiện ra, chọn "Tài khoản định danh điện tử cấp bởi Bộ Công an". ' +
        'Màn hình máy tính sẽ hiện một mã QR, là một ô vuông có nhiều chấm đen trắng. {B} để nguyên màn hình này, chuyển sang điện thoại.',
    },
    {
      text:
        'Quét mã bằng VNeID. Trên điện thoại, mở ứng dụng VNeID và đăng nhập. Ở màn hình chính, bấm vào biểu tượng quét mã QR. ' +
        'Hướng camera điện thoại vào mã QR trên màn hình máy tính, giữ yên vài giây cho máy nhận.\n' +
        'Chỉ quét mã QR do chính {b} mở trên trang dichvucong.gov.vn, không quét mã người lạ gửi.',
    },
    {
      text:
        'Xác nhận trên điện thoại. Lần đầu làm, VNeID có thể hỏi {b} có cho phép đăng nhập trên trang web không. ' +
        '{B} đọc kỹ, thấy đúng là Cổng Dịch vụ công thì bấm xác nhận. Trang web trên máy tính sẽ chuyển sang trạng thái đã đăng nhập, lúc này {b} có thể tìm và làm thủ tục.',
    },
    {
      text:
        'Dùng xong thì đăng xuất. Khi làm xong việc, {b} bấm vào tên tài khoản trên trang và chọn đăng xuất, nhất là khi dùng máy tính ở nơi công cộng hay máy của người khác.\n' +
        'Nếu nhà không có máy tính, {b} có thể đến Trung tâm phục vụ hành chính công hoặc bộ phận một cửa của xã/phường: ở đó có cán bộ và máy móc giúp người dân làm thủ tục trực tuyến.',
    },
  ],
  done:
    'Thế là {b} đã vào được Cổng Dịch vụ công. Muốn nộp hồ sơ, {b} xem tiếp hướng dẫn "Nộp hồ sơ trực tuyến". ' +
    'Nếu còn vướng chỗ nào, {b} nhắn "nhờ tổ hỗ trợ" để tổ đến nhà cùng làm.',
  sources: [
    'http://linhdong.thuduc.truongdientu.vn/tin-tuc-su-kien/tu-ngay-0172024-chi-su-dung-tai-khoan-vneid-de-dang-nhap-cong-dich-vu-cong-quoc/ct/5184/18346',
    'https://svhttdl.dongnai.gov.vn/Pages/newsdetail.aspx?NewsId=2797&CatId=95',
    'https://baohaiduong.vn/en/hien-thi-can-cuoc-dien-tu-tren-vneid-tu-1-7-385596.html',
    'https://lawnet.vn/thong-tin-phap-luat/en/chinh-sach-moi/public-service-accounts-in-vietnam-will-be-converted-to-vneid-accounts-before-july-1-2024-140475.html',
    'https://en.sggp.org.vn/national-public-service-portal-must-become-single-digital-gateway-from-june-27-post118546.html',
    'https://cafef.vn/nghe-dien-thoai-co-noi-dung-nay-hay-tat-may-ngay-lap-tuc-18825081006551938.chn',
    'https://news.laodong.vn/thoi-su/trung-tam-hanh-chinh-cong-khong-thu-ho-so-giay-25-dich-vu-cong-1575446.ldo',
  ],
};
