/**
 * Coverage of the tests' child processes (the built CLI, the browser host): when `npm test` measures
 * (scripts/coverage.mjs sets MOBILITY_CHILD_COVERAGE to a folder), each child the tests start with an environment
 * of their own gets NODE_V8_COVERAGE pointing there, so V8 writes what the child ran. Otherwise this adds nothing.
 * Not set on the test runner itself: its workers are measured by vitest, and would only add large dumps.
 */
export function childCoverageEnv(): { NODE_V8_COVERAGE?: string } {
  const dir = process.env.MOBILITY_CHILD_COVERAGE;
  return dir ? { NODE_V8_COVERAGE: dir } : {};
}
