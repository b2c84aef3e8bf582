import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Two projects: `unit` (happy-dom, WXT's fake browser) and `e2e` (real Chromium and Firefox driving
// the built extension; one file at a time, the machines have two cores).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
        test: {
          name: 'unit',
          // a few tests parse 5,000-row pages in happy-dom: slow on a loaded 2-core machine
          testTimeout: 30_000,
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          environment: 'happy-dom',
          mockReset: true,
          restoreMocks: true,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          fileParallelism: false,
          maxWorkers: 1,
          testTimeout: 90_000,
          hookTimeout: 90_000,
          retry: 0,
        },
      },
    ],
  },
});
