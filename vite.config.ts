/// <reference types="vitest/config" />
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { prerenderFirstScreen } from './scripts/prerender.ts';

/**
 * The built page's Content-Security-Policy: its own scripts, styles, fonts and workers only; no
 * inline script or eval; no plugins; no <base>. Styles need no 'unsafe-inline' either: React
 * sets style props and patchHtml sets KaTeX's styles through the CSSOM, which style-src allows.
 * Images may be blob: (a diagram drawn into a PNG for download) or data: (the heatmaps, pictures made in the page).
 * Build only: Vite's dev server injects inline scripts for hot reloading.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' blob: data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Puts the policy in the built index.html as a <meta http-equiv>, first in <head>, so any static host serves it. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'backprop-studio:content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * Writes precache.json, every file of the build that public/sw.js caches on install so the app
 * works offline once loaded: chunks, styles, the workers (which Vite's manifest leaves out),
 * KaTeX's woff2 fonts (not the woff/ttf fallbacks no current browser asks for) and public/'s
 * files (the manifest and its icons; not sw.js itself).
 */
function precacheList(): Plugin {
  let publicDir = '';
  return {
    name: 'backprop-studio:precache-list',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    generateBundle(_options, bundle) {
      const bundled = Object.keys(bundle).filter((file) => !/\.(map|ttf|woff)$/.test(file));
      const copied = publicDir ? readdirSync(publicDir, { recursive: true, withFileTypes: true }) : [];
      const statics = copied
        .filter((entry) => entry.isFile() && entry.name !== 'sw.js')
        .map((entry) => `${entry.parentPath.slice(publicDir.length + 1)}/${entry.name}`.replace(/^\//, ''));
      const files = [...bundled, ...statics].sort();
      this.emitFile({ type: 'asset', fileName: 'precache.json', source: JSON.stringify(files) });
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), prerenderFirstScreen(), precacheList()],
  base: './',
  build: {
    // Fonts as files, never data: URLs inlined in the CSS, so font-src needs only 'self'.
    assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
    // One stylesheet, loaded with the page: the prerendered page shows every panel, lazy ones too,
    // and must not wait for their chunks to be styled.
    cssCodeSplit: false,
    // The prerender (scripts/prerender.ts) takes most of the build by design: no timing report for it.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    testTimeout: 30_000,
    // Every core: vitest's default leaves one to its own process, which on CI's two cores ran the
    // files one at a time (that process only hands out files and reports).
    maxWorkers: availableParallelism(),
  },
});
