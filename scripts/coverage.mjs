// `npm test` (what CI runs): build, the unit and shell tests, the end-to-end tests, all measured. Line coverage over common/,
// main/ and renderer/ from
//   - vitest's own V8 coverage of the unit and shell tests (in-process code; every source file counts, run or not),
//   - V8 coverage of the child processes the tests start: the built CLI and the browser host of the end-to-end
//     tests (MOBILITY_CHILD_COVERAGE → NODE_V8_COVERAGE, test/world/child-coverage.ts), mapped back to the
//     TypeScript sources through dist/main's source maps by c8.
// A line is code when vitest's map says so (it reads the sources' syntax; c8's per-line map of a bundle would
// also count comments and types); it is covered when either measurement ran it. Prints one figure and per folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const projectDir = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const outDir = path.join(projectDir, '.tmp', 'coverage');
const rawDir = path.join(outDir, 'children-raw');
const GOAL = 90;
const FOLDERS = ['common', 'main', 'renderer'];

rmSync(outDir, { recursive: true, force: true });
mkdirSync(rawDir, { recursive: true });
const env = { ...process.env, MOBILITY_CHILD_COVERAGE: rawDir };
const step = (what, file, args) => {
  process.stdout.write(`coverage: ${what}\n`);
  const run = spawnSync(file, args, { cwd: projectDir, stdio: 'inherit', env, shell: false });
  return run.status ?? 1;
};
const bin = (name) => path.join(projectDir, 'node_modules', '.bin', name);

let failed = step('build', 'npm', ['run', 'build']) !== 0;
if (failed) process.exit(1);
failed = step('unit and shell tests (vitest --coverage)', bin('vitest'), ['run', '--coverage']) !== 0 || failed;
failed = step('end-to-end tests (Chromium)', 'npm', ['run', 'test:e2e']) !== 0 || failed;

// The children's raw V8 dumps → Istanbul JSON for the TypeScript sources (only the built bundles count).
const c8 = spawnSync(
  bin('c8'),
  [
    'report',
    '--temp-directory',
    rawDir,
    '--reports-dir',
    path.join(outDir, 'children'),
    '--reporter',
    'json',
    '--include',
    'dist/main/**',
  ],
  { cwd: projectDir, encoding: 'utf8', shell: false, maxBuffer: 256 * 1024 * 1024 },
);
if (c8.status !== 0) process.stderr.write(`coverage: c8 could not read the child processes' coverage: ${c8.stderr}\n`);
// The raw dumps (hundreds of MB: every module each child loaded) are not needed once c8 has mapped them.
rmSync(rawDir, { recursive: true, force: true });

const { createCoverageMap } = require('istanbul-lib-coverage');
const readMap = (file) =>
  existsSync(file) ? createCoverageMap(JSON.parse(readFileSync(file, 'utf8'))) : createCoverageMap({});
const inProcess = readMap(path.join(outDir, 'vitest', 'coverage-final.json'));
const children = readMap(path.join(outDir, 'children', 'coverage-final.json'));

const childLines = new Map();
for (const file of children.files()) {
  const lines = children.fileCoverageFor(file).getLineCoverage();
  childLines.set(path.resolve(projectDir, file), lines);
}

const totals = Object.fromEntries(FOLDERS.map((f) => [f, { code: 0, covered: 0, byChildren: 0 }]));
for (const file of inProcess.files()) {
  const folder = path.relative(projectDir, file).split(path.sep)[0];
  if (!totals[folder]) continue;
  const fromChildren = childLines.get(path.resolve(file)) ?? {};
  for (const [line, count] of Object.entries(inProcess.fileCoverageFor(file).getLineCoverage())) {
    totals[folder].code += 1;
    if (count > 0) totals[folder].covered += 1;
    else if ((fromChildren[line] ?? 0) > 0) {
      totals[folder].covered += 1;
      totals[folder].byChildren += 1;
    }
  }
}
const pct = (t) => (t.code === 0 ? 0 : (100 * t.covered) / t.code);
const all = Object.values(totals).reduce(
  (a, t) => ({ code: a.code + t.code, covered: a.covered + t.covered, byChildren: a.byChildren + t.byChildren }),
  { code: 0, covered: 0, byChildren: 0 },
);
for (const [folder, t] of Object.entries(totals)) {
  process.stdout.write(
    `coverage: ${folder}/ ${pct(t).toFixed(1)} % lines (${t.covered}/${t.code}; ${t.byChildren} only by child processes)\n`,
  );
}
const figure = pct(all);
process.stdout.write(
  `coverage: ${figure.toFixed(1)} % of lines in common/, main/ and renderer/ (${all.covered}/${all.code}; child processes add ${all.byChildren}); goal ≥ ${GOAL} %: ${figure >= GOAL ? 'met' : 'NOT met'}\n`,
);
process.exit(failed ? 1 : 0);
