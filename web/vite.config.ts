import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

// The browser app. It imports the pure rules of ../domain (deadlines, semáforo)
// so the UI computes them with the server's own code. `vite web` serves it with
// /api forwarded to a running `npm start`.
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: what the first load fetches, measured by scripts/lib/web-build.ts.
    manifest: true,
    // Small assets (fonts' subsets, icons) stay files: an inline data: font is
    // allowed by the policy, but one cached file serves every page.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 400,
  },
  server: {
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
