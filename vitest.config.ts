import { defineConfig } from 'vitest/config';

// Unit tests live next to their source; Playwright owns e2e/.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Some tests compile TypeScript or replay days of traffic through the tenant: about 2 s on a
    // quiet 2-core machine, past Vitest's 5 s default when the machine is busy. They check
    // behaviour, not speed (the bench measures speed).
    testTimeout: 20_000,
  },
});
