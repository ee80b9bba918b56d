import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The web app, built into dist-web/ and served by the Nest app at / (src/web/serve-web.ts).
export default defineConfig({
  root,
  base: '/',
  plugins: [vue(), Components({ dts: 'components.d.ts', resolvers: [ElementPlusResolver({ importStyle: 'css' })] })],
  build: {
    outDir: fileURLToPath(new URL('../dist-web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
