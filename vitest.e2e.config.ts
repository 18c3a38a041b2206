/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

/** End-to-end tests: real Chromium (playwright-core) against the built app served by vite preview. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/globalSetup.ts'],
    testTimeout: 240_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // Tests wait for the state they expect (expect.poll). A second (the default) is too short for a
    // deferred panel on a busy machine; the value is polled every 50 ms, so a quiet one waits no longer.
    expect: { poll: { timeout: 15_000 } },
  },
});
