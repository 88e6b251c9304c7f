/**
 * Every Vietnamese string the bot sends lives here, so wording can be reviewed in one place.
 * Keep messages short enough for a phone screen and polite ("bác/anh/chị", "ạ").
 */
export const texts = {
  acknowledgement:
    'Dạ, Tổ công nghệ số cộng đồng đã nhận được tin nhắn của bác/anh/chị. Tổ sẽ trả lời sớm ạ.\n' +
    'Lưu ý: Tổ không bao giờ hỏi mã OTP, mật khẩu hay ảnh căn cước.',
} as const;
