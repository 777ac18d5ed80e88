import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * main.tsx sends the first screen's calls and then `import()`s the wizard (boot.tsx), so that React and i18next are
 * not evaluated before the calls leave. The browser would only discover that chunk, and the vendor chunk it
 * imports, once main.tsx had run: this adds them to index.html as modulepreload links, fetched with the entry.
 */
function preloadBootChunk(): Plugin {
  return {
    name: 'mobility-preload-boot-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunks = Object.values(bundle ?? {});
        const boot = chunks.find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/renderer/boot.tsx'));
        if (!boot || boot.type !== 'chunk') throw new Error('vite config: no chunk for renderer/boot.tsx');
        const files = new Set<string>();
        const visit = (fileName: string): void => {
          if (files.has(fileName)) return;
          files.add(fileName);
          const chunk = bundle?.[fileName];
          if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
        };
        visit(boot.fileName);
        return [...files]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

// The renderer is served from file:// (Electron) and from the browser host: relative asset URLs work in both.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), preloadBootChunk()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome120',
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] } } },
  },
});
