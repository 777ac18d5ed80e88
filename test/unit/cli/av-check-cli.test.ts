/** `mobility-setup av-check`, the built CLI as a real child process against sandbox roots. */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addClamav, avSandbox } from '../../world/antivirus-scanners';
import type { AvSandbox } from '../../world/antivirus-scanners';
import { BUILT, NOT_BUILT_REASON, fingerprint } from './cli-world';
import { REPO, runCli } from '../../world/cli-process';

let sandbox: AvSandbox | null = null;
afterEach(() => {
  if (sandbox) rmSync(sandbox.root, { recursive: true, force: true });
  sandbox = null;
});

describe.skipIf(!BUILT)(`av-check (${BUILT ? 'built' : NOT_BUILT_REASON})`, () => {
  it('exits 0 with nothing found, 78 for a ClamAV that does not exclude the folders, and lists a console product as cannot tell', async () => {
    sandbox = avSandbox();
    const none = await runCli(['--root', sandbox.root, 'av-check']);
    expect(none.stdout).toContain('No anti-virus scanner was found.');
    expect(none.code).toBe(0);
    addClamav(sandbox);
    const clam = await runCli(['--root', sandbox.root, 'av-check']);
    expect(clam.code).toBe(78);
    expect(clam.stdout).toMatch(/ClamAV +NOT EXCLUDED/);
    mkdirSync(sandbox.at('/opt/sentinelone'), { recursive: true });
    const json = await runCli(['--root', sandbox.root, '--json', 'av-check']);
    const parsed = JSON.parse(json.stdout) as {
      ok: boolean;
      exitCode: number;
      error: { code: string };
      result: { report: { scanners: { id: string; status: string }[] } };
    };
    expect(parsed).toMatchObject({ ok: false, exitCode: 78, error: { code: 'antivirus.notExcluded' } });
    expect(parsed.result.report.scanners.map((s) => [s.id, s.status])).toEqual([
      ['clamav', 'notExcluded'],
      ['sentinelone', 'cannotTell'],
    ]);
    expect(json.code).toBe(78);
  });

  it('--fix without --yes and without a terminal refuses and changes nothing; --fix --yes fixes; a second run changes nothing', async () => {
    sandbox = avSandbox();
    addClamav(sandbox);
    const before = await fingerprint(sandbox.root);
    const refused = await runCli(['--root', sandbox.root, 'av-check', '--fix']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/pass --yes/);
    expect(await fingerprint(sandbox.root)).toEqual(before);

    const fixed = await runCli(['--root', sandbox.root, '--json', 'av-check', '--fix', '--yes']);
    const parsed = JSON.parse(fixed.stdout) as {
      ok: boolean;
      exitCode: number;
      result: { fixes: { outcome: string }[] };
    };
    expect(parsed).toMatchObject({ ok: true, exitCode: 0 });
    expect(parsed.result.fixes.map((f) => f.outcome)).toEqual(['fixed']);
    expect(fixed.code).toBe(0);
    expect(sandbox.read('/etc/clamav/clamd.conf')).toContain('ExcludePath ^/usr/local/ASR/');
    expect(existsSync(sandbox.at('/etc/clamav/clamd.conf.mobility-setup.bak'))).toBe(true);

    const after = await fingerprint(sandbox.root);
    const again = await runCli(['--root', sandbox.root, 'av-check', '--fix', '--yes']);
    expect(again.code).toBe(0);
    // The app log may grow; the configuration and its backup do not change.
    const cfg = (fp: Record<string, string>) =>
      Object.fromEntries(Object.entries(fp).filter(([k]) => k.startsWith('etc/')));
    expect(cfg(await fingerprint(sandbox.root))).toEqual(cfg(after));
  });

  it('with --install-dir checks that folder instead of /usr/local/ASR', async () => {
    sandbox = avSandbox();
    addClamav(sandbox, 'clamd-excludes-covering.conf');
    expect((await runCli(['--root', sandbox.root, 'av-check'])).code).toBe(0);
    const custom = await runCli(['--root', sandbox.root, 'av-check', '--install-dir', '/opt/asr']);
    expect(custom.stdout).toContain('/opt/asr is not excluded');
    expect(custom.code).toBe(78);
  });

  it('rejects --yes without --fix, a missing root and a relative --install-dir as usage errors', async () => {
    expect((await runCli(['--root', '/nonexistent-root', 'av-check'])).code).toBe(2);
    sandbox = avSandbox();
    expect((await runCli(['--root', sandbox.root, 'av-check', '--yes'])).code).toBe(2);
    const relative = await runCli(['--root', sandbox.root, 'av-check', '--install-dir', 'relative/asr']);
    expect(relative.code).toBe(2);
    expect(relative.stderr).toMatch(/absolute path without control characters/);
  });
});

/** A real other local user: not root, so a fix must be refused with "run as root to fix" and nothing changed. */
const USER = `avcheck${process.pid % 100000}`;
const canCreateUsers = process.getuid?.() === 0 && spawnSync('useradd', ['--help']).status === 0;
describe.skipIf(!BUILT || !canCreateUsers)('av-check as a user who is not root', () => {
  let uid = -1;
  let gid = -1;
  beforeAll(() => {
    const made = spawnSync('useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', USER]);
    if (made.status !== 0) throw new Error(`useradd failed: ${String(made.stderr)}`);
    uid = Number(spawnSync('id', ['-u', USER], { encoding: 'utf8' }).stdout.trim());
    gid = Number(spawnSync('id', ['-g', USER], { encoding: 'utf8' }).stdout.trim());
  });
  afterAll(() => {
    spawnSync('userdel', [USER]);
  });

  it('exits 74, says to run as root, and changes nothing', async () => {
    sandbox = avSandbox();
    addClamav(sandbox);
    chmodSync(sandbox.root, 0o755);
    const before = readFileSync(sandbox.at('/etc/clamav/clamd.conf'), 'utf8');
    const asUser = { uid, gid, cwd: REPO, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/tmp' } };
    const result = await runCli(['--root', sandbox.root, 'av-check', '--fix', '--yes'], { asUser });
    expect(result.stderr).toMatch(/Run as root to fix/);
    expect(result.code).toBe(74);
    expect(readFileSync(sandbox.at('/etc/clamav/clamd.conf'), 'utf8')).toBe(before);
    expect(existsSync(sandbox.at('/etc/clamav/clamd.conf.mobility-setup.bak'))).toBe(false);
  });
});
