/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

/** End-to-end tests: real Chromium (playwright-core) against the built app served by vite preview. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/globalSetup.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
