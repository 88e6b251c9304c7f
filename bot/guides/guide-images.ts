import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the pictures named by guide steps live (see images/README.md). */
export const guideImagesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'images');
