import { defineConfig } from 'vitest/config';

/** The Windows tier (npm run test:windows): Windows programs under Wine, see test/windows/wine.ts. */
export default defineConfig({
  test: {
    include: ['test/windows/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    // Making the Wine prefix (first run only) takes about a minute on a loaded two-core machine, and
    // fetching node.exe about ten seconds.
    hookTimeout: 300_000,
  },
});
