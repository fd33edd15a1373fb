import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const api = process.env.ALUR_API_URL ?? 'http://localhost:3000';

/**
 * `npm run build:web` writes dist/web, which the API serves at /, each script and style sheet also
 * brotli- and gzip-compressed beside it (a third of the bytes on a slow line); `npm run dev:web` proxies the API.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preact(), compression({ include: /\.(js|css)$/ })],
  resolve: {
    // pure modules of libs/workflow (labels, Indonesian dates): one source for the API and the pages
    // and the typed client generated from openapi.json (libs/api-client), the one every client of the API uses
    alias: {
      '@workflow': fileURLToPath(new URL('../../libs/workflow/src', import.meta.url)),
      '@api-client': fileURLToPath(new URL('../../libs/api-client/src/index.ts', import.meta.url)),
    },
  },
  build: { outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)), emptyOutDir: true, target: 'es2022' },
  server: { port: 5173, proxy: { '/api': api, '/health': api, '/docs': api } },
});
