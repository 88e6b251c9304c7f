import type { Guide } from './guide.ts';

/** Taking a queue number or booking a slot online before visiting the one-stop office; the channel differs by locality. */
export const queueNumber: Guide = {
  id: 'queue-number',
  title: 'Lấy số thứ tự trực tuyến trước khi đến bộ phận một cửa',
  shortTitle: 'Lấy số thứ tự trực tuyến',
  version: 1,
  lastChecked: '2026-11-22',
  intro:
    'Ở một số nơi, {b} có thể lấy số thứ tự hoặc đặt giờ bằng điện thoại trước khi đến Trung tâm phục vụ hành chính công hay bộ phận một cửa, để đỡ phải ngồi chờ lâu. ' +
    'Cách làm khác nhau theo từng tỉnh, có khi theo từng xã/phường: qua ứng dụng của thành phố, qua Zalo của phường, hoặc chỉ lấy số tại chỗ. Lấy số luôn miễn phí.',
  steps: [
    {
      text:
        'Hỏi xem xã/phường mình dùng cách nào. {B} hỏi cán bộ ở bộ phận một cửa, tổ trưởng dân phố, hoặc xem bảng thông báo và mã QR dán ở trụ sở. ' +
        'Có nơi dùng ứng dụng của thành phố (như iHanoi ở Hà Nội), có nơi dùng trang Zalo chính thức của UBND phường, có nơi có máy lấy số tự động. ' +
        'Nếu nơi {b} ở chưa có cách lấy số trực tuyến, {b} cứ đến và lấy số tại máy như bình thường.',
    },
    {
      text:
        'Nếu ở Hà Nội, dùng ứng dụng iHanoi. Tải "iHanoi" từ "App Store" hoặc "CH Play", mở ra và đăng nhập bằng tài khoản VNeID. ' +
        'Ở màn hình chính, bấm "Dịch vụ công", rồi "Đặt lịch thực hiện Dịch vụ công". Bấm "Thêm mới" (dấu + ở góc dưới bên phải), chọn chi nhánh, lĩnh vực và giờ đến. ' +
        '{B} đặt được cho hôm nay hoặc trong 6 ngày tới, mỗi người tối đa 2 lượt một ngày. Tên nút có thể khác một chút tùy phiên bản.',
    },
    {
      text:
        'Nếu phường dùng Zalo. Mở Zalo, bấm biểu tượng quét mã QR rồi quét mã QR dán tại trụ sở hoặc trên thông báo chính thức của phường. ' +
        'Trang Zalo của UBND phường hiện ra: bấm "Quan tâm" rồi làm theo hướng dẫn trong đó để lấy số.\n' +
        'Chỉ quét mã do cơ quan dán hoặc cán bộ đưa, không quét mã người lạ gửi qua tin nhắn.',
    },
    {
      text:
        'Khi đến nơi. Mang theo thẻ căn cước và giấy tờ của thủ tục. Đến sớm hơn giờ hẹn một chút và để ý bảng gọi số. ' +
        'Một số phường có máy tự phục vụ: {b} áp thẻ căn cước vào máy, máy in sẵn tờ khai, rồi chờ đến lượt. ' +
        'Nếu cần giúp, {b} cứ nói với cán bộ hướng dẫn ở cửa.',
    },
    {
      text:
        'Cảnh giác với người nhận "giữ số". Đặt lịch và lấy số không mất tiền. ' +
        'Nếu có người hay tài khoản lạ nhận "giữ số", "lấy số nhanh" để lấy tiền, hoặc hỏi mã OTP, mật khẩu, {b} không làm theo và báo cho cán bộ ở bộ phận một cửa. Lấy số cũng không cần gửi ảnh thẻ căn cước cho ai qua tin nhắn.',
    },
  ],
  done:
    'Chúc {b} làm thủ tục suôn sẻ, không phải chờ lâu. Nếu chưa rõ phường mình lấy số bằng cách nào, {b} nhắn "nhờ tổ hỗ trợ", tổ sẽ tìm hiểu và đến nhà giúp.',
  sources: [
    'http://english.vinhphuc.gov.vn/ct/cms/quyhoach/Lists/DanhChoCacNhaDauTu/View_Detail.aspx?ItemID=173',
    'https://kenh14.vn/tu-nay-nguoi-dan-ha-noi-duoc-huong-them-tien-ich-moi-nguoi-tu-75-tuoi-tro-len-duoc-uu-tien-215251004102355515.chn',
    'https://www.vietnam.vn/hi/thi-diem-lay-so-thu-tu-truc-tuyen-dat-lich-hen-qua-ung-dung-ihanoi',
    'https://ja.laodong.vn/thoi-su/them-60-phut-moi-buoi-giai-quyet-thu-tuc-hanh-chinh-cong-1546318.ldo',
    'https://en.sggp.org.vn/two-tier-local-government-better-serves-megacity-residents-post119206.html',
    'https://en.vietnamplus.vn/hcm-city-opens-new-public-administration-service-centre-post335106.vnp',
  ],
};
