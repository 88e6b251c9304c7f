import type { Guide } from './guide.ts';

/** A fixed one-card scam warning: OTP/password/face scans, official app stores, level-2 in person, what to do after being tricked. */
export const scamSafety: Guide = {
  id: 'scam-safety',
  title: 'Cảnh giác lừa đảo khi dùng dịch vụ công trên điện thoại',
  shortTitle: 'Cảnh giác lừa đảo',
  version: 1,
  lastChecked: '2026-11-22',
  intro: 'Mấy điều dưới đây giúp {b} giữ an toàn cho tiền bạc và tài khoản.',
  steps: [
    {
      text:
        'Không bao giờ đọc mã OTP, mật khẩu cho ai, không để ai bảo mình nhìn vào điện thoại để quét khuôn mặt. Công an, ngân hàng, nhà mạng không hỏi những thứ này qua điện thoại hay Zalo.\n' +
        '• Chỉ cài ứng dụng từ "App Store" hoặc "CH Play", không cài từ đường link ai gửi.\n' +
        '• VNeID mức 2 chỉ làm trực tiếp tại trụ sở Công an xã/phường. Địa chỉ, quê quán sau sáp nhập năm 2025 được hệ thống tự cập nhật, {b} không phải làm gì.\n' +
        '• Lỡ bấm link, cài ứng dụng lạ hay đọc mã: gọi ngay tổng đài ngân hàng để khóa tài khoản, tắt dữ liệu di động và wifi (hoặc tắt máy), rồi đến Công an xã/phường trình báo.',
    },
  ],
  done:
    'Cảm ơn {b} đã đọc. Gặp cuộc gọi hay tin nhắn nào đáng ngờ, {b} nhắn "nhờ tổ hỗ trợ" để tổ kiểm tra cùng, khi cần tổ sẽ đến tận nhà.',
  sources: [
    'https://congan.laocai.gov.vn/canh-bao-toi-pham-va-vi-pham-phap-luat/canh-bao-nguoi-dan-bi-cac-doi-tuong-lua-dao-bang-hinh-thuc-cap-nhat-thong-tin-tren-ung-dung-dinh-1526474',
    'https://en.sggp.org.vn/citizens-warned-of-fake-vneid-application-post108105.html',
    'https://thanhnien.vn/cong-an-tphcm-canh-bao-thu-doan-lua-dao-kich-hoat-ung-dung-vneid-185231126094830505.htm',
    'https://baonghean.vn/bo-cong-an-canh-bao-nguoi-dan-khong-tu-cap-nhat-vneid-khong-cung-cap-thong-tin-qua-dien-thoai-hay-duong-link-la-10301670.html',
    'https://dantri.com.vn/phap-luat/cong-an-rom-yeu-cau-cap-nhat-vneid-nguoi-phu-nu-mat-gan-130-trieu-dong-20250718223608817.htm',
    'https://cafef.vn/cach-lay-lai-tien-da-chuyen-khoan-khi-bi-lua-dung-quy-dinh-phap-luat-18825101912212633.chn',
  ],
};
