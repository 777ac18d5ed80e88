// Prints one closing line for CI, "Tests: N passed, N failed, N skipped", summed over the vitest and
// Playwright JSON reports that TEST_REPORT_DIR asked them to write.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? process.env.TEST_REPORT_DIR;
const read = (name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8'));

const vitest = read('vitest.json');
const playwright = read('playwright.json');
const passed = vitest.numPassedTests + (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
const failed = vitest.numFailedTests + (playwright.stats.unexpected ?? 0);
const skipped = vitest.numPendingTests + vitest.numTodoTests + (playwright.stats.skipped ?? 0);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
