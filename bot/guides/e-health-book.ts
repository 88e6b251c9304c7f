import type { Guide } from './guide.ts';

/** Opening and using the electronic health book (sổ sức khỏe điện tử) inside VNeID, including integrating the health-insurance card. */
export const eHealthBook: Guide = {
  id: 'e-health-book',
  title: 'Sổ sức khỏe điện tử trên ứng dụng VNeID',
  shortTitle: 'Sổ sức khỏe điện tử',
  version: 1,
  lastChecked: '2026-11-22',
  intro:
    'Sổ sức khỏe điện tử nằm ngay trong ứng dụng VNeID, lưu những lần khám chữa bệnh, đơn thuốc, lịch tái khám, và có giá trị như sổ khám bệnh giấy. Dùng miễn phí.\n' +
    '{B} cần tài khoản VNeID mức 2 (xem hướng dẫn "VNeID mức 2") và thẻ bảo hiểm y tế để lấy số thẻ. Tên nút có thể khác một chút tùy phiên bản.',
  steps: [
    {
      text:
        'Cập nhật ứng dụng VNeID. Mở "App Store" hoặc "CH Play", tìm "VNeID". Nếu thấy nút "Cập nhật" thì bấm để lên bản mới nhất, vì sổ sức khỏe cần từ phiên bản 2.1.10 trở lên. ' +
        'Nếu chỉ thấy nút "Mở" là ứng dụng đã mới. Nên cập nhật khi điện thoại đang bắt wifi. Sau đó mở VNeID và đăng nhập.',
    },
    {
      text:
        'Đưa thẻ bảo hiểm y tế vào VNeID. Bấm "Ví giấy tờ", rồi "Tích hợp thông tin", rồi "Tạo mới yêu cầu", chọn "Thẻ bảo hiểm y tế". ' +
        'Ở ô "Đơn vị cấp thẻ BHYT", chọn đúng đơn vị cấp thẻ của {b}, thường là "Bảo hiểm xã hội Việt Nam". Nhập số thẻ (10 số hoặc mã 15 ký tự in trên thẻ). ' +
        'Đánh dấu "Tôi xác nhận các thông tin ở trên là đúng" rồi bấm "Gửi yêu cầu". Xem tiến độ ở nút "Lịch sử".',
    },
    {
      text:
        'Mở sổ sức khỏe lần đầu. Ở màn hình chính VNeID, bấm "Sổ sức khỏe điện tử". Đọc phần điều khoản rồi bấm "Đồng ý sử dụng ứng dụng Sổ sức khỏe điện tử VNeID". ' +
        'Điền bổ sung các thông tin cơ bản mà ứng dụng hỏi, rồi lưu lại.\nNếu chưa thấy mục này, {b} kiểm tra lại xem ứng dụng đã được cập nhật và tài khoản đã ở mức 2 chưa.',
    },
    {
      text:
        'Xem lịch sử khám và đơn thuốc. Trong "Sổ sức khỏe điện tử" có các phần để xem những lần khám, chẩn đoán, đơn thuốc đã kê, lịch hẹn tái khám và giấy chuyển tuyến. ' +
        'Khi đi khám, {b} mở sổ này cho nhân viên y tế xem thay cho sổ giấy. Thẻ bảo hiểm y tế trong VNeID, hoặc thẻ căn cước gắn chip, cũng dùng được thay thẻ giấy.',
    },
    {
      text:
        'Nếu sổ còn trống hoặc thông tin sai. Dữ liệu được chuyển về từ nơi khám qua hệ thống bảo hiểm y tế, nên những lần khám không dùng bảo hiểm, hoặc ở nơi chưa kết nối, có thể chưa hiện. ' +
        'Nếu thông tin thẻ bảo hiểm y tế sai: vào "Ví giấy tờ", "Thẻ bảo hiểm y tế", nhập passcode, bấm biểu tượng bánh răng, chọn "Cập nhật thông tin". Vẫn sai thì hỏi cơ quan bảo hiểm xã hội nơi gần nhất.\n' +
        'Không ai gọi điện xin mã OTP để "sửa sổ" cho {b}.',
    },
  ],
  done:
    'Vậy là {b} đã có sổ sức khỏe điện tử trong điện thoại, đi khám gọn nhẹ hơn. Nếu còn mục nào chưa xem được, {b} nhắn "nhờ tổ hỗ trợ" để tổ ghé nhà giúp.',
  sources: [
    'https://bvtrungvuong.vn/tin-tuc-su-kien/tin-benh-vien/huong-dan-tich-hop-va-truy-cap-so-suc-khoe-dien-tu-tren-ung-dung-vneid',
    'https://thuphuc.vn/news/tin-benh-vien/huong-dan-tich-hop-thong-tin-so-suc-khoe-dien-tu-tren-ung-dung-vneid-149.html',
    'https://news.laodong.vn/suc-khoe/su-dung-so-suc-khoe-dien-tu-vneid-khi-di-kham-chua-benh-1397569.ldo',
    'https://vietnamnet.vn/huong-dan-cach-tra-cuu-va-su-dung-so-suc-khoe-dien-tu-tren-vneid-2477729.html',
    'https://dantri.com.vn/cong-nghe/tra-cuu-lich-su-kham-benh-va-don-thuoc-da-duoc-ke-thong-qua-ung-dung-vneid-20260131010624124.htm',
    'https://giadinh.suckhoedoisong.vn/dang-ky-su-dung-so-suc-khoe-dien-tu-vneid-khi-di-kham-chua-benh-dien-ra-nhanh-gon-tiet-kiem-thoi-gian-khi-thuc-hien-cac-buoc-nay-172260109150433277.htm',
    'https://kenh14.vn/thong-tin-bao-hiem-y-te-tren-ung-dung-vneid-hien-thi-sai-nguoi-dung-chinh-sua-the-nao-215260112172241855.chn',
    'https://news.laodong.vn/xa-hoi/can-bo-bao-hiem-xa-hoi-co-trach-nhiem-huong-dan-nguoi-dan-tich-hop-giay-to-kham-chua-benh-1509166.ldo',
    'https://news.laodong.vn/suc-khoe/128000-cu-dan-o-khanh-hoa-kich-hoat-so-suc-khoe-dien-tu-1432545.ldo',
    'https://vietnam.vn/en/huong-dan-cap-nhat-thong-tin-bao-hiem-y-te-tren-vneid',
  ],
};
