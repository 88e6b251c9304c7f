import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import qrcodeTerminal from 'qrcode-terminal';

// jsqr is CommonJS: under NodeNext its default import is the module object, whose default is the function.
const jsQR = jsQRModule.default;

/**
 * Draws a QR code (given as a PNG) in the terminal: decodes what it says, then prints it again with
 * block characters. Null when the picture cannot be read; the PNG file is then the way to scan it.
 */
export function qrPngToTerminal(png: Buffer): string | null {
  let image;
  try {
    image = PNG.sync.read(png);
  } catch {
    return null;
  }
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!code) return null;
  let drawing = '';
  qrcodeTerminal.generate(code.data, { small: true }, (out) => (drawing = out));
  return drawing;
}
