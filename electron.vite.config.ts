import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: { rollupOptions: { input: { index: resolve('electron/main/index.ts') } } },
  },
  preload: {
    // Sandboxed preloads cannot use ESM, so this one is bundled as CommonJS; they can require only `electron` and a
    // few Node built-ins, so its dependencies (zod, for the contract) are bundled in rather than left as requires.
    build: {
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve('electron/preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: { rollupOptions: { input: { index: resolve('renderer/index.html') } } },
  },
});
