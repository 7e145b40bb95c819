import { defineConfig } from 'vitest/config';

// Unit tests live next to their source; Playwright owns e2e/.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
