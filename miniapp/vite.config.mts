import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import zaloMiniApp from 'zmp-vite-plugin';

// zmp-vite-plugin reads ./app-config.json from the process's cwd; passing it explicitly lets the
// build run from anywhere (npm -w miniapp, the repository root, CI).
const appConfig = JSON.parse(readFileSync(new URL('./app-config.json', import.meta.url), 'utf8'));

/**
 * Writes a .br and a .gz beside every text asset, so the bot serves them compressed without
 * compressing on each request (zmp deploy uploads only the originals; Zalo's CDN compresses its own).
 */
function precompress(outDir: string): Plugin {
  const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? files(path.join(dir, name)) : [path.join(dir, name)]));
  return {
    name: 'precompress',
    apply: 'build',
    closeBundle() {
      for (const file of files(outDir).filter((f) => /\.(js|css|html|json|svg)$/.test(f))) {
        const bytes = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(bytes));
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

// Unset, the app calls the origin it is served from (the bot serves it at /miniapp/). Said to Vite
// as an empty value: left undefined, every build warned that index.html's %VITE_API_BASE_URL% was
// "not defined … mistyped?", the first thing a newcomer's `npm start` printed.
process.env.VITE_API_BASE_URL ??= '';

const outDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'www');

export default defineConfig({
  root: './src',
  base: '',
  plugins: [zaloMiniApp(appConfig), react(), precompress(outDir)],
  build: {
    outDir: '../www',
    emptyOutDir: true,
    assetsInlineLimit: 0,
  },
});
