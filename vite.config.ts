/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Writes precache.json, every file of the build that public/sw.js caches on install so the app
 * works offline once loaded: chunks, styles, the workers (which Vite's manifest leaves out) and
 * KaTeX's woff2 fonts (not the woff/ttf fallbacks no current browser asks for).
 */
function precacheList(): Plugin {
  return {
    name: 'backprop-studio:precache-list',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((file) => !/\.(map|ttf|woff)$/.test(file)).sort();
      this.emitFile({ type: 'asset', fileName: 'precache.json', source: JSON.stringify(files) });
    },
  };
}

export default defineConfig({
  plugins: [react(), precacheList()],
  base: './',
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    testTimeout: 30_000,
  },
});
