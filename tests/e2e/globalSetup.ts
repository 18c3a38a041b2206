/**
 * Builds the app and serves it with `vite preview` on a free loopback port for the e2e specs.
 * Without Chromium the specs skip, and this says so loudly.
 */
import type { TestProject } from 'vitest/node';
import { build, preview } from 'vite';
import { chromiumPath } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  if (!chromiumPath()) {
    const line = '!'.repeat(78);
    console.warn(`\n${line}\n  END-TO-END TESTS SKIPPED: no Chromium found (install Debian's chromium, or set CHROMIUM_PATH).\n${line}\n`);
    project.provide('baseURL', '');
    return;
  }
  // Vitest sets NODE_ENV=test, which would make this a development build (React's dev bundle,
  // import.meta.env.PROD false, no service worker): build what users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  project.provide('baseURL', url);
  return async () => {
    await server.close();
  };
}
