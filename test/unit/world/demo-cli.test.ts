/** The demo's own command line, run for real from the build (dist/main/demo.js). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIOS } from '../../world/demo-scenarios';

const REPO = path.resolve(__dirname, '../../..');
const DEMO = path.join(REPO, 'dist/main/demo.js');
const BUILT = existsSync(DEMO);

const run = (args: string[]) =>
  spawnSync(process.execPath, [DEMO, ...args], { cwd: REPO, encoding: 'utf8', timeout: 20_000 });

describe.skipIf(!BUILT)(`demo command line${BUILT ? '' : ' — skipped: run npm run build first'}`, () => {
  it('--help prints the usage with every scenario and exits 0 without starting anything', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: node dist\/main\/demo\.js/);
    for (const name of Object.keys(DEMO_SCENARIOS)) expect(result.stdout).toContain(`${name}  `);
    expect(result.stdout).not.toContain('Sandbox root');
  });

  it('an unknown option is one line that says how to get help, exit 2', () => {
    const result = run(['--scenario', 'nope']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--help');
  });
});

describe.skipIf(!BUILT)('test package for trying the CLI outside the demo', () => {
  it('makes a sandbox root with a package the built CLI installs from, as its printed command says', () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'test-package-')), 'root');
    try {
      const made = spawnSync(process.execPath, [path.join(REPO, 'dist/main/test-package.js'), dir], {
        cwd: REPO,
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(made.status).toBe(0);
      const command = /^ {2}node bin\/mobility-setup\.js (--root .* install .*)$/m.exec(made.stdout)?.[1];
      expect(command).toBeDefined();
      const installed = spawnSync(process.execPath, ['bin/mobility-setup.js', ...(command ?? '').split(' ')], {
        cwd: REPO,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(installed.status).toBe(0);
      expect(readFileSync(path.join(dir, 'usr/local/.vx_version'), 'utf8')).toContain('Version=9.65.0.0');
    } finally {
      rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });
});

describe('demo scenarios', () => {
  it('the hang scenario ends in under a minute (its own short inactivity timeout), the others use the default', () => {
    const hang = DEMO_SCENARIOS.hang;
    expect(hang?.behavior.hangIn).toBe('install');
    expect(hang?.inactivityTimeoutMs).toBeLessThan(60_000);
    expect(hang?.description).toContain(`${(hang?.inactivityTimeoutMs ?? 0) / 1000} s`);
    expect(
      Object.entries(DEMO_SCENARIOS)
        .filter(([, s]) => s.inactivityTimeoutMs !== undefined)
        .map(([n]) => n),
    ).toEqual(['hang']);
  });
});
