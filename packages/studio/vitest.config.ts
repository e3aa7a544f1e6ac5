import react from '@vitejs/plugin-react';
import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// Server and end-to-end tests run in Node (test/); the page's component tests run in
// happy-dom (app/test/, each file says so with a `@vitest-environment` comment).
export default mergeConfig(
  shared,
  defineConfig({
    plugins: [react()],
    test: {
      include: ['test/**/*.test.ts', 'app/test/**/*.test.tsx'],
      // The Chromium tests start a browser per file; two at once is all a small machine takes.
      maxWorkers: 2,
      testTimeout: 60_000,
      hookTimeout: 60_000,
    },
  }),
);
