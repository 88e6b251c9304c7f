import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';

const require = createRequire(import.meta.url);
const fontFamily = 'SimulatorSans';
GlobalFonts.registerFromPath(require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf'), fontFamily);
GlobalFonts.registerFromPath(require.resolve('@expo-google-fonts/be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf'), fontFamily);

/** A picture a resident can send: a drawn phone screen of the kind people photograph for help. */
export type SamplePicture = { id: string; label: string; title: string; lines: string[]; accent: string };

export const samplePictures: readonly SamplePicture[] = [
  { id: 'man-hinh-loi', label: 'Màn hình báo lỗi', title: 'VNeID', lines: ['Đăng nhập không thành công.', 'Vui lòng kiểm tra kết nối', 'và thử lại sau.'], accent: '#c62828' },
  { id: 'cho-phe-duyet', label: 'Hồ sơ đang chờ duyệt', title: 'Định danh mức 2', lines: ['Hồ sơ của bạn', 'đang chờ phê duyệt.', 'Mã hồ sơ: ****'], accent: '#ef6c00' },
  { id: 'cap-nhat-ung-dung', label: 'Yêu cầu cập nhật', title: 'Cập nhật ứng dụng', lines: ['Phiên bản mới đã có.', 'Cập nhật để tiếp tục', 'sử dụng dịch vụ.'], accent: '#1565c0' },
];

const drawn = new Map<string, Buffer>();

/** The picture as a PNG, drawn once: no binary files to keep in the repository. */
export function samplePicturePng(id: string): Buffer | null {
  const picture = samplePictures.find((p) => p.id === id);
  if (!picture) return null;
  const cached = drawn.get(id);
  if (cached) return cached;
  const png = draw(picture);
  drawn.set(id, png);
  return png;
}

function draw(p: SamplePicture): Buffer {
  const width = 360;
  const height = 480;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f4f6f8';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = p.accent;
  ctx.fillRect(0, 0, width, 72);
  ctx.fillStyle = '#ffffff';
  ctx.font = `600 24px ${fontFamily}`;
  ctx.fillText(p.title, 24, 46);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(24, 120, width - 48, 220);
  ctx.strokeStyle = p.accent;
  ctx.lineWidth = 3;
  ctx.strokeRect(24, 120, width - 48, 220);
  ctx.fillStyle = '#263238';
  ctx.font = `400 21px ${fontFamily}`;
  p.lines.forEach((line, i) => ctx.fillText(line, 44, 180 + i * 40));
  ctx.fillStyle = p.accent;
  ctx.fillRect(24, 380, width - 48, 56);
  ctx.fillStyle = '#ffffff';
  ctx.font = `600 21px ${fontFamily}`;
  ctx.textAlign = 'center';
  ctx.fillText('Đóng', width / 2, 416);
  return canvas.toBuffer('image/png');
}
