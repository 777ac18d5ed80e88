import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import path from 'node:path';

// CI asks for a JSON report too (TEST_REPORT_DIR), from which .ci/run prints one closing count line.
const reportDir = process.env.TEST_REPORT_DIR;

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/shell/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: reportDir ? ['default', 'json'] : ['default'],
    // Used by `npm test` (scripts/coverage.mjs, with --coverage): every source file counts, run or not. A failing
    // test still writes the report, so a red run prints its true figure rather than 0/0.
    coverage: {
      reportOnFailure: true,
      provider: 'v8',
      include: ['common/**/*.{ts,tsx}', 'main/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}'],
      exclude: ['**/*.d.ts'],
      reporter: ['json'],
      reportsDirectory: '.tmp/coverage/vitest',
    },
    ...(reportDir ? { outputFile: { json: path.join(reportDir, 'vitest.json') } } : {}),
  },
});
