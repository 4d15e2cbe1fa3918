import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    // The subject detection and blur backdrop workers are entries of their own: each runs in a worker thread, loaded
    // from out/main beside index.js (engine/workers/startWorker).
    build: {
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          detectionWorker: resolve('electron/engine/composition/detection/detectionWorker.ts'),
          backdropWorker: resolve('electron/engine/composition/fills/backdropWorker.ts'),
        },
      },
    },
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
    build: {
      // The page parses its start-up script on every launch: minified, that is a third of the bytes to parse.
      minify: true,
      // Chromium (Electron's and the browsers the headless server serves) supports modulepreload: no polyfill.
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: { index: resolve('renderer/index.html') },
        // Schema declarations (`z.object(...)`) build values and touch nothing else, but the bundler cannot know
        // that, so every schema of a module the page imports (and zod with them) would land in the bundle. Marked
        // pure, the ones the page never uses are dropped.
        treeshake: { manualPureFunctions: ['z'] },
      },
    },
  },
});
