import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * The window's first script (renderer/src/main.tsx) is small and fetches the app (boot.tsx) itself;
 * the page names the app's files too, so the browser fetches them alongside the first script rather
 * than after it has run. Fetched only, not compiled (`preload`, not `modulepreload`): compiling the
 * app held back the first script, and so its requests, by 100 ms and more. The style sheet too is
 * fetched, not applied: the app applies it when it starts.
 */
const fetchTheAppAtOnce: Plugin = {
  name: 'fetch-the-app-at-once',
  transformIndexHtml: {
    order: 'post',
    handler(_, { bundle }) {
      const boot = Object.values(bundle ?? {}).find(
        (output) =>
          output.type === 'chunk' &&
          output.moduleIds.some((id) => /[/\\]renderer[/\\]src[/\\]boot\.tsx$/.test(id)),
      );
      if (boot?.type !== 'chunk') return [];
      const styles = [...(boot.viteMetadata?.importedCss ?? [])];
      // The first script itself, which the app imports from too, is named by the page already.
      const scripts = [boot.fileName, ...boot.imports].filter((file) => {
        const output = bundle?.[file];
        return !(output?.type === 'chunk' && output.isEntry);
      });
      return [
        ...scripts.map((file) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'script', crossorigin: '', href: `./${file}` },
          injectTo: 'head' as const,
        })),
        ...styles.map((file) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'style', crossorigin: '', href: `./${file}` },
          injectTo: 'head' as const,
        })),
      ];
    },
  },
};

// One Node build holds every Node entry: the Electron shell, the loopback server, the CLI and the
// benchmark all share the same core, so they are built together and run under plain Node too.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The bench drives Chromium through Playwright, which must be loaded from node_modules, not bundled.
      externalizeDeps: { include: ['@playwright/test'] },
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          serve: resolve('electron/server/serve.ts'),
          cli: resolve('electron/cli/sid.ts'),
          bench: resolve('scripts/bench.ts'),
          // The workbook thread (electron/workbooks/off-thread.ts starts it from beside these entries).
          'workbook-worker': resolve('electron/workbooks/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified; minified, the first download parses in half the time.
      minify: true,
      rollupOptions: {
        input: resolve('renderer/index.html'),
        // The app's own modules (renderer and shared) run nothing on import that matters when none of
        // their exports is used, so a screen that is not shown leaves its forms and schemas out of
        // the first download rather than keeping them for their top-level constants.
        treeshake: { moduleSideEffects: (id) => !/[/\\](renderer[/\\]src|shared)[/\\][^?]*\.tsx?$/.test(id) },
        output: {
          // React in a file of its own, fetched and compiled beside the app's code rather than after it.
          manualChunks: (id) =>
            /node_modules\/(react|react-dom|scheduler)\//.test(id) ? 'react' : undefined,
        },
      },
    },
    plugins: [react(), fetchTheAppAtOnce],
  },
});
