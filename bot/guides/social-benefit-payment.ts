import type { Guide } from './guide.ts';

/** Receiving pensions, social-insurance benefits and social allowances into an account, including the VNeID social-assistance account. */
export const socialBenefitPayment: Guide = {
  id: 'social-benefit-payment',
  title: 'Nhận lương hưu, trợ cấp và tiền an sinh xã hội qua tài khoản',
  shortTitle: 'Nhận lương hưu, trợ cấp',
  version: 1,
  lastChecked: '2026-11-22',
  intro:
    'Nhận tiền qua tài khoản giúp {b} khỏi phải xếp hàng lĩnh tiền mặt. ' +
    'Hướng dẫn này chỉ cách gắn tài khoản nhận tiền an sinh xã hội trong VNeID, cách chuyển lương hưu, trợ cấp bảo hiểm xã hội sang nhận qua tài khoản, và nơi hỏi về trợ cấp xã hội hằng tháng.\n' +
    'Tên nút có thể khác một chút tùy phiên bản.',
  steps: [
    {
      text:
        'Chuẩn bị một tài khoản đứng tên chính mình. Tài khoản phải bằng tiền đồng, đang hoạt động, không bị hạn chế và đứng đúng tên {b}; cơ quan bảo hiểm xã hội chỉ chuyển lương hưu vào tài khoản chính chủ. ' +
        'Nếu chưa có, {b} mở tài khoản ngân hàng (xem hướng dẫn "Thanh toán không tiền mặt") hoặc ra quầy ngân hàng nhờ mở.',
    },
    {
      text:
        'Gắn tài khoản nhận tiền an sinh trong VNeID (cần tài khoản mức 2). Mở VNeID, bấm "An sinh xã hội", rồi "Tài khoản hưởng An sinh xã hội" và nhập passcode. ' +
        'Chọn ngân hàng (hoặc VNPT Mobile Money), nhập số tài khoản. Nếu tài khoản ngân hàng mở bằng chứng minh nhân dân cũ 9 số thì nhập thêm số đó. ' +
        'Đánh dấu đồng ý chia sẻ thông tin rồi bấm tiếp tục. Việc gắn tài khoản không mất phí.',
    },
    {
      text:
        'Kiểm tra kết quả gắn tài khoản. Thường chỉ khoảng 20 giây đến 1 phút là ngân hàng xác nhận; {b} xem trong mục "Lịch sử đăng ký". ' +
        'Nếu bị từ chối, thường là do: tên hoặc số giấy tờ ở ngân hàng khác với VNeID (hay gặp khi tài khoản mở bằng chứng minh nhân dân cũ, cần ra quầy ngân hàng cập nhật), gõ sai số tài khoản, hoặc tài khoản đang bị hạn chế. Sửa xong thì gắn lại.',
    },
    {
      text:
        'Chuyển lương hưu, trợ cấp bảo hiểm xã hội sang nhận qua tài khoản. {B} mang thẻ căn cước đến điểm chi trả hằng tháng (như bưu điện, UBND xã/phường) hoặc cơ quan bảo hiểm xã hội nơi gần nhất, nói muốn nhận qua tài khoản. ' +
        'Ở một số nơi, như TP.HCM, có nhân viên ngân hàng ngồi tại điểm chi trả giúp mở tài khoản luôn. ' +
        'Nếu đi lại khó khăn, {b} hỏi tại đó về việc ủy quyền cho người thân. Tổng đài bảo hiểm xã hội: 1900 9068.',
    },
    {
      text:
        'Trợ cấp xã hội hằng tháng, trợ cấp người có công. Các khoản này được chi trả qua tài khoản theo chủ trương của Chính phủ; cán bộ xã phối hợp với công an xã để thu thập và xác minh số tài khoản. ' +
        '{B} liên hệ cán bộ văn hóa – xã hội hoặc công chức phụ trách an sinh của xã/phường để đăng ký. Tài khoản có thể đứng tên {b} hoặc tên người được {b} ủy quyền.',
    },
    {
      text:
        'Cảnh giác lừa đảo. Cơ quan bảo hiểm xã hội không mời hay hỏi thông tin qua mạng xã hội, tin nhắn; họ chỉ làm việc qua trụ sở, Cổng thông tin, ứng dụng VssID và tổng đài 1900 9068. ' +
        'Ai gọi điện hứa "hỗ trợ 100% bảo hiểm y tế", đòi phí để nhận tiền, xin mã OTP hay bảo nhìn vào điện thoại để quét khuôn mặt đều là lừa đảo.',
    },
  ],
  done:
    'Vậy là lương hưu, trợ cấp sẽ về thẳng tài khoản của {b}; thỉnh thoảng {b} nhớ kiểm tra số dư. Nếu còn chưa chắc bước nào, {b} nhắn "nhờ tổ hỗ trợ", tổ sẽ đến nhà cùng {b} làm.',
  sources: [
    'https://lawnet.vn/thong-tin-phap-luat/en/chinh-sach-moi/instructions-for-collecting-and-updating-non-cash-payment-support-account-information-in-vietnam-109539.html',
    'https://znews.vn/cach-lien-ket-tai-khoan-tren-vneid-de-nhan-qua-tang-cua-chinh-phu-post1580770.html',
    'https://vnexpress.net/nguoi-dan-nhan-100-000-dong-dip-2-9-nhu-the-nao-4932859.html',
    'https://huengaynay.vn/chinh-tri-xa-hoi/mot-loat-ngan-hang-huong-dan-lien-ket-tai-khoan-huong-an-sinh-xa-hoi-tren-vneid-157254.html',
    'https://cafef.vn/lien-ket-tai-khoan-ngan-hang-nhan-an-sinh-xa-hoi-tren-vneid-co-2-truong-hop-nguoi-dan-can-dac-biet-luu-y-188251125093128175.chn',
    'https://baohaiduong.vn/en/chuyen-doi-so-giup-chi-tra-tien-luong-qua-tai-khoan-khong-dung-tien-mat-351533.html',
    'https://vjs.vietnam.vn/en/mo-tai-khoan-ngan-hang-cho-nguoi-huong-luong-huu-tro-cap-bhxh',
    'https://vietnaminsider.vn/from-now-on-employees-can-receive-simple-pensions-at-home/',
    'https://cafef.vn/bao-hiem-xa-hoi-viet-nam-co-thong-bao-moi-den-nguoi-dan-ca-nuoc-188251113201801928.chn',
    'https://plo.vn/chieu-lua-moi-mao-danh-bhxh-ho-tro-100-bhyt-post881313.html',
  ],
};
