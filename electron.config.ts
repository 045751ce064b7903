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

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          // The Electron shell, and the web host: the same core under plain Node (docs/design.md §2).
          index: resolve(root, 'electron/shell/index.ts'),
          host: resolve(root, 'electron/host/index.ts'),
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
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
    plugins: [react(), cspMeta()],
  },
});
