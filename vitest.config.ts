import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Native addons (hnswlib, better-sqlite3) and real file I/O: forks isolate them best.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
