import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './shared/csp';

const root = import.meta.dirname;

/** The built page carries the same CSP the hosts send as a header (one source: shared/csp.ts). */
const cspMeta = (): Plugin => ({
  name: 'quai-csp-meta',
  apply: 'build',
  transformIndexHtml: (html) => html.replace('<!-- csp -->', `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`),
});

/**
 * Fontsource's CSS lists a .woff after each .woff2; Chromium (Electron's and the web host's) always
 * takes the woff2, so the woff copies would only double the bundle (about 9 MB for Noto Sans SC).
 */
const woff2Only = (): Plugin => ({
  name: 'quai-fonts-woff2-only',
  enforce: 'pre',
  transform: (code, id) => (/[\\/]@fontsource[\\/].+\.css(\?|$)/.test(id) ? code.replaceAll(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, '') : undefined),
});

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          // The Electron shell, and the web host: the same core under plain Node (docs/design.md §2).
          index: resolve(root, 'electron/shell/index.ts'),
          host: resolve(root, 'electron/host/index.ts'),
          // The mirror writer's thread, started by the core the hosts build (electron/main/sync/mirror-writer.ts).
          'mirror-writer': resolve(root, 'electron/main/sync/mirror-writer.worker.ts'),
          // The demo central service standalone (`npm run central`, docs/design.md §4).
          central: resolve(root, 'electron/demo-central/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only 'electron': bundle everything else, as CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    publicDir: false,
    build: {
      outDir: 'out/renderer',
      // Fonts stay files: an inlined data: font would be refused by the CSP's font-src 'self'.
      assetsInlineLimit: (file) => (file.endsWith('.woff2') ? false : undefined),
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
    plugins: [react(), cspMeta(), woff2Only()],
  },
});
