import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import zaloMiniApp from 'zmp-vite-plugin';

// zmp-vite-plugin reads ./app-config.json from the process's cwd; passing it explicitly lets the
// build run from anywhere (npm -w miniapp, the repository root, CI).
const appConfig = JSON.parse(readFileSync(new URL('./app-config.json', import.meta.url), 'utf8'));

export default defineConfig({
  root: './src',
  base: '',
  plugins: [zaloMiniApp(appConfig), react()],
  build: {
    outDir: '../www',
    emptyOutDir: true,
    assetsInlineLimit: 0,
  },
});
