import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      // The `sheaf` CLI too: bin/sheaf.js runs this build when it is fresh (ADR 68).
      rollupOptions: { input: { index: 'src/main/index.ts', cli: 'src/main/cli/main.ts' } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be CommonJS.
      rollupOptions: {
        input: { index: 'src/preload/index.ts' },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    build: {
      // electron-vite leaves bundles unminified by default; the page parses less when minified.
      minify: true,
      rollupOptions: { input: 'src/renderer/index.html' },
    },
    plugins: [react()],
  },
});
