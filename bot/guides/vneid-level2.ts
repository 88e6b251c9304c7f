import type { Guide } from './guide.ts';

/** Getting a level-2 e-ID in person at the commune/ward police with a chip ID card, then activating it in VNeID. */
export const vneidLevel2: Guide = {
  id: 'vneid-level2',
  title: 'Đăng ký tài khoản định danh điện tử mức 2 tại Công an xã/phường và kích hoạt trên VNeID',
  shortTitle: 'VNeID mức 2',
  version: 1,
  lastChecked: '2026-11-22',
  intro:
    'Tài khoản mức 2 cho {b} xem thẻ căn cước điện tử ngay trên điện thoại (có giá trị như thẻ thật), đưa thẻ bảo hiểm y tế, giấy phép lái xe vào ứng dụng và dùng đầy đủ tính năng của VNeID.\n' +
    'Mức 2 chỉ làm trực tiếp tại trụ sở Công an xã/phường/đặc khu. Không ai làm hộ được qua điện thoại hay Zalo. Đăng ký miễn phí.',
  steps: [
    {
      text:
        'Chuẩn bị giấy tờ. {B} mang theo: thẻ căn cước có gắn chip, còn hạn; điện thoại đang dùng số đứng tên chính mình; địa chỉ email nếu có. ' +
        'Nếu muốn đưa thẻ bảo hiểm y tế, giấy phép lái xe hay giấy đăng ký xe vào ứng dụng, mang theo bản gốc để cán bộ đối chiếu.\n' +
        'Nếu {b} chưa có thẻ căn cước gắn chip, {b} làm thủ tục cấp thẻ; tài khoản mức 2 được làm cùng lúc với thẻ mới.',
    },
    {
      text:
        'Đến đúng nơi. {B} đến trụ sở Công an xã, phường hoặc đặc khu, hoặc điểm tiếp nhận làm căn cước do Công an tỉnh thông báo. ' +
        'Từ ngày 1/3/2025 không còn Công an huyện, quận nữa; việc này nay do Công an xã/phường làm. ' +
        'Nếu chưa rõ điểm tiếp nhận gần nhà, {b} hỏi công an khu vực hoặc cán bộ ở bộ phận một cửa của xã/phường.',
    },
    {
      text:
        'Làm thủ tục tại quầy. {B} đưa thẻ căn cước và nói muốn đăng ký tài khoản định danh điện tử mức 2. ' +
        'Cán bộ sẽ nhập thông tin, chụp ảnh chân dung và lấy vân tay của {b} để đối chiếu, rồi hỏi {b} có đồng ý tạo tài khoản không. ' +
        '{B} đọc số điện thoại của chính mình cho cán bộ ghi, nghe đọc lại cho đúng rồi mới xác nhận.',
    },
    {
      text:
        'Chờ kết quả. Kết quả được báo qua thông báo trên ứng dụng VNeID, tin nhắn hoặc email. Nếu đợi lâu mà chưa thấy, {b} hỏi lại nơi đã làm thủ tục.\n' +
        'Trong lúc chờ, nếu có ai gọi điện xưng là công an để "hỗ trợ kích hoạt", gửi đường link hay xin mã OTP, {b} từ chối ngay. Công an chỉ hướng dẫn trực tiếp tại trụ sở, không gọi điện hay nhắn Zalo để làm việc này.',
    },
    {
      text:
        'Kích hoạt trên ứng dụng. Nếu chưa có VNeID, {b} cài từ "App Store" hoặc "CH Play" (xem hướng dẫn "Cài VNeID, đăng ký mức 1"). ' +
        'Mở ứng dụng, bấm "Kích hoạt tài khoản định danh điện tử" hoặc nút "Kích hoạt" ở màn hình đăng nhập. Nhập số định danh cá nhân và số điện thoại, bấm "Gửi yêu cầu". ' +
        'Mã kích hoạt gửi về điện thoại của {b}: chỉ nhập vào ứng dụng, không đọc cho ai. Nếu ứng dụng báo tài khoản đã kích hoạt rồi, {b} chỉ cần bấm "Đăng nhập". Tên nút có thể khác một chút tùy phiên bản.',
    },
    {
      text:
        'Hoàn tất và kiểm tra. Nếu ứng dụng yêu cầu, {b} đặt mật khẩu, passcode 6 chữ số và chọn 2 câu hỏi bảo mật. ' +
        'Sau đó đăng nhập lại: ứng dụng sẽ cho thấy tài khoản đã lên mức mới, và mở thêm các mục như thẻ căn cước điện tử, "Ví giấy tờ". ' +
        'Cách hiển thị mức tài khoản có thể khác nhau tùy phiên bản. Mật khẩu và passcode chỉ mình {b} biết.',
    },
  ],
  done:
    'Vậy là {b} đã có tài khoản VNeID mức 2, có thể mở thẻ căn cước điện tử khi cần xuất trình. ' +
    'Nếu còn bước nào chưa làm được, {b} cứ nhắn "nhờ tổ hỗ trợ" để tổ đến tận nhà hướng dẫn.',
  sources: [
    'https://dean06.hanam.gov.vn/tailieu/dk_t5.html',
    'https://trungnam.vinhlinh.quangtri.gov.vn/chi-tiet-tin/-/view-article/1/1650860504203/1720059992348',
    'https://news.laodong.vn/thoi-su/bo-cong-an-cong-bo-nhieu-thu-tuc-hanh-chinh-moi-1537883.ldo',
    'https://baohaiduong.vn/en/tu-hom-nay-khong-con-cong-an-cap-huyen-406302.html',
    'https://hoahoctro.tienphong.vn/nhung-thu-tuc-hanh-chinh-chuyen-tu-cong-an-cap-quan-huyen-ve-cong-an-phuong-xa-post1721880.tpo',
    'https://plo.vn/cach-kich-hoat-tai-khoan-vneid-nam-2023-post767158.html',
    'https://thanhnien.vn/cong-an-tphcm-canh-bao-thu-doan-lua-dao-kich-hoat-ung-dung-vneid-185231126094830505.htm',
    'https://danluatold.thuvienphapluat.vn/thu-tuc-dang-ky-tai-khoan-dinh-danh-dien-tu-muc-do-2-202957.aspx',
    'https://baohaiduong.vn/en/hien-thi-can-cuoc-dien-tu-tren-vneid-tu-1-7-385596.html',
  ],
};
