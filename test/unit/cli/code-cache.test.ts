/**
 * The CLI's bundles start from the V8 code cache the build wrote beside them (main/cli/code-cache.ts). Checked on
 * the BUILT launcher and bundles, in a plain `node`: the cache is taken; a corrupt, truncated, stale or missing
 * one is left aside and the command's output is the same; and no run ever writes a cache.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { BUILT, NOT_BUILT_REASON } from './cli-world';
import { REPO } from '../../world/cli-process';

const DIST = path.join(REPO, 'dist/main');
const ROOT = path.join(REPO, 'test/fixtures/roots/debian-12');

describe.skipIf(!BUILT)('the CLI code cache', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'cli-code-cache-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  // Records what the loader handed V8: whether it passed a cache, and whether V8 took it.
  const recorder = path.join(scratch, 'record-cache.js');
  writeFileSync(
    recorder,
    `const vm = require('vm');
const Script = vm.Script;
const seen = [];
vm.Script = class extends Script {
  constructor(code, options) {
    super(code, options);
    seen.push({ file: require('path').basename(options.filename), given: !!options.cachedData,
      rejected: !!this.cachedDataRejected });
  }
};
process.on('exit', () => process.stderr.write('SCRIPTS ' + JSON.stringify(seen) + '\\n'));
`,
  );
  // A copy of the launcher and detect's bundle, with the times kept: the cache names the bundle by size and time.
  const dist = path.join(scratch, 'dist');
  const copy = (name: string) => {
    const cp = spawnSync('cp', ['--preserve=timestamps', path.join(DIST, name), path.join(dist, name)]);
    expect(cp.status).toBe(0);
  };
  const cacheFile = path.join(dist, 'cli-detect.js.v8-cache');
  beforeEach(() => {
    rmSync(dist, { recursive: true, force: true });
    mkdirSync(dist);
    for (const name of ['cli.js', 'cli-detect.js', 'cli-detect.js.v8-cache']) copy(name);
  });
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.tmpdir(), LANG: 'C' };
  const detect = (launcher = path.join(dist, 'cli.js')) => {
    const run = spawnSync(process.execPath, ['-r', recorder, launcher, '--root', ROOT, 'detect', '--json'], {
      cwd: scratch,
      encoding: 'utf8',
      env,
    });
    const line = run.stderr.split('\n').find((l) => l.startsWith('SCRIPTS ')) ?? 'SCRIPTS null';
    // The detection's duration and the free space differ from run to run; everything else must be the same.
    const output = run.stdout.replace(/"(durationMs|freeBytes)": \d+/g, '"$1": 0');
    return { status: run.status, output, scripts: JSON.parse(line.slice('SCRIPTS '.length)) };
  };
  const reference = () => {
    rmSync(cacheFile);
    return detect().output;
  };

  it('the build wrote a cache for every CLI bundle, and a plain node takes detect’s', () => {
    const bundles = readdirSync(DIST).filter((f) => /^cli-[a-z-]+\.js$/.test(f));
    expect(bundles.length).toBeGreaterThanOrEqual(10);
    for (const bundle of bundles) expect(existsSync(path.join(DIST, `${bundle}.v8-cache`)), bundle).toBe(true);
    const run = detect();
    expect(run.status).toBe(0);
    expect(run.scripts).toEqual([{ file: 'cli-detect.js', given: true, rejected: false }]);
    expect(JSON.parse(run.output).ok).toBe(true);
  });

  it('a cache V8 refuses (garbage, truncated) is left aside: same output, exit 0', () => {
    const good = readFileSync(cacheFile);
    const header = good.subarray(0, good.indexOf(10) + 1);
    const expected = reference();
    for (const broken of [
      Buffer.concat([header, Buffer.alloc(good.length - header.length, 0x5a)]),
      good.subarray(0, header.length + 100),
      header,
    ]) {
      writeFileSync(cacheFile, broken);
      const run = detect();
      expect(run.status).toBe(0);
      expect(run.output).toBe(expected);
      // A header with nothing after it is not handed to V8 at all; the rest V8 refuses.
      const given = broken.length > header.length;
      expect(run.scripts).toEqual([{ file: 'cli-detect.js', given, rejected: given }]);
    }
  });

  it('a cache made for another build of the bundle (same length, new time) is not even handed to V8', () => {
    const expected = reference();
    copy('cli-detect.js.v8-cache');
    // A rebuild that happens to keep the length: V8 would check only that, so the loader checks the time too.
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(dist, 'cli-detect.js'), later, later);
    const run = detect();
    expect(run.status).toBe(0);
    expect(run.output).toBe(expected);
    expect(run.scripts).toEqual([{ file: 'cli-detect.js', given: false, rejected: false }]);
  });

  it('no cache: the bundle compiles as usual, and the run does not write one', () => {
    rmSync(cacheFile);
    const run = detect();
    expect(run.status).toBe(0);
    expect(run.scripts).toEqual([{ file: 'cli-detect.js', given: false, rejected: false }]);
    expect(readdirSync(dist).sort()).toEqual(['cli-detect.js', 'cli.js']);
  });

  it('the bundles hold no import(), which a vm.Script cannot run without an experimental flag', () => {
    for (const bundle of readdirSync(DIST).filter((f) => /^cli(-[a-z-]+)?\.js$/.test(f)))
      expect(readFileSync(path.join(DIST, bundle), 'utf8'), bundle).not.toMatch(/\bimport\(/);
  });
});
if (!BUILT) it.skip(NOT_BUILT_REASON, () => {});
