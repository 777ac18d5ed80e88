/** `mobility-setup diagnose` as a real child process against a broken-install sandbox root. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../core/connectivity/loopback-servers';
import { CANARY_PASSPHRASE, REGISTERED_SERVER, makeBrokenInstallRoot } from '../../world/broken-install';
import { BUILT, NOT_BUILT_REASON } from './cli-world';
import { installOnlyArgs, runCli, startCli } from '../../world/cli-process';
import { alive, pidsMentioning, useInstallTestSetup } from '../core/install/install-world';

describe.skipIf(!BUILT)(`diagnose (built CLI)${BUILT ? '' : ` — skipped: ${NOT_BUILT_REASON}`}`, () => {
  let root: string;
  let out: string;
  let expected: string;
  beforeAll(async () => {
    expected = `127.0.0.1:${await closedPort()}`;
    root = await makeBrokenInstallRoot(expected);
    out = await mkdtemp(path.join(os.tmpdir(), 'diagnose-out-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
  });

  it('prints the red lines, the explained vendor error and the connectivity verdict; exits 80', async () => {
    const result = await runCli(['--root', root, 'diagnose', '--cs-endpoint', expected]);
    expect(result.code).toBe(80);
    expect(result.stdout).toContain(
      `[FAIL] Configuration server: The agent points to ${REGISTERED_SERVER}, not ${expected}`,
    );
    expect(result.stdout).toContain('What to do: Unregister it from the other server');
    expect(result.stdout).toMatch(/\[FAIL\] Control port \d+: .*ECONNREFUSED.*\(7\) Couldn't connect to server/);
    expect(result.stdout).toMatch(
      /\[FIX \] Password authentication: PasswordAuthentication no\. \(prevents 95107, 95108\)/,
    );
    expect(result.stdout).not.toContain(CANARY_PASSPHRASE);
  });

  it('--json is the one envelope {ok, exitCode, result}', async () => {
    const result = await runCli(['--root', root, '--json', 'diagnose', '--cs-endpoint', expected]);
    const envelope = JSON.parse(result.stdout) as {
      ok: boolean;
      exitCode: number;
      result: { health: { lines: { id: string; level: string }[] } };
    };
    expect(envelope).toMatchObject({ ok: true, exitCode: 80 });
    expect(envelope.result.health.lines.find((l) => l.id === 'server')).toMatchObject({ level: 'red' });
    expect(result.code).toBe(80);
  });

  it('--out writes the bundle, lists it, and the canary passphrase is nowhere in it; an existing file is refused', async () => {
    const file = path.join(out, 'diag.tar.gz');
    const result = await runCli(['--root', root, 'diagnose', '--cs-endpoint', expected, '--out', file]);
    expect(result.code).toBe(80);
    // Made by the bundle job the wizard runs: its two steps on stderr as they change.
    expect(result.stderr).toContain('[diagnose] running\n');
    expect(result.stderr).toContain('[collect] done\n');
    expect(result.stdout).toContain(`Diagnostics bundle ${file} (secrets redacted):`);
    expect(result.stdout).toMatch(/logs\/ua_install\.log \(\d+ bytes, from \/var\/log\/ua_install\.log\)/);
    const unpacked = path.join(out, 'x');
    execFileSync('mkdir', [unpacked]);
    execFileSync('tar', ['-xzf', file, '-C', unpacked]);
    const files = (await readdir(unpacked, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(files.map((f) => f.name).sort()).toEqual(
      [
        'antivirus.json',
        'connectivity.json',
        'health.json',
        'health.txt',
        // Mobility Setup's own log: the bundle job writes its steps there, as the wizard's does.
        'mobility-setup.log',
        'push-readiness.json',
        'system-facts.json',
        'ua_install.log',
      ].sort(),
    );
    for (const f of files)
      expect(await readFile(path.join(f.parentPath, f.name), 'utf8')).not.toContain(CANARY_PASSPHRASE);

    await writeFile(path.join(out, 'keep.tar.gz'), 'mine');
    const again = await runCli(['--root', root, '--json', 'diagnose', '--out', path.join(out, 'keep.tar.gz')]);
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: false, exitCode: 2, error: { code: 'bundle.exists' } });
    expect(await readFile(path.join(out, 'keep.tar.gz'), 'utf8')).toBe('mine');
  });

  it('--out: Ctrl+C while the bundle job collects cancels it (exit 1602), and no bundle file is written', async () => {
    // A vendor log of 32 MB (the most a bundle takes of one): redacting it keeps the collect step busy a while.
    const big = await makeBrokenInstallRoot(expected);
    try {
      const line = 'INFO  2026-01-01 00:00:00 replication heartbeat ok, nothing to see here\n';
      await writeFile(path.join(big, 'var/log/ua_install.log'), line.repeat(Math.ceil((32 << 20) / line.length)));
      const file = path.join(out, 'cancelled.tar.gz');
      const cli = startCli(['--root', big, '--json', 'diagnose', '--cs-endpoint', expected, '--out', file]);
      await cli.stderrContains('[collect] running', 60_000);
      cli.child.kill('SIGINT');
      const ended = await cli.exited;
      // 1602 reaches the shell as 66 (a Linux exit status has 8 bits); the envelope keeps 1602.
      expect(ended.code).toBe(1602 & 0xff);
      expect(JSON.parse(ended.stdout)).toMatchObject({ ok: false, exitCode: 1602, error: { code: 'job.cancelled' } });
      expect(ended.stderr).toContain('[collect] cancelled');
      expect(existsSync(file)).toBe(false);
    } finally {
      await rm(big, { recursive: true, force: true });
    }
  }, 90_000);

  it('a server address that does not parse is a usage error (exit 2) that says what to give', async () => {
    const result = await runCli(['--root', root, 'diagnose', '--cs-endpoint', 'bad host name']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mobility-setup diagnose: .*\nGive --cs-endpoint as HOST or HOST:PORT\./);
    // With --json the same refusal is the one envelope on stdout, and the line for a person stays on stderr.
    const json = await runCli(['--root', root, '--json', 'diagnose', '--cs-endpoint', 'bad host name']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      exitCode: 2,
      error: { hint: 'Give --cs-endpoint as HOST or HOST:PORT.' },
    });
    expect(json.stderr).toContain('mobility-setup diagnose: ');
  });
});

describe.skipIf(!BUILT)(
  `diagnose --out while another job runs${BUILT ? '' : ` — skipped: ${NOT_BUILT_REASON}`}`,
  () => {
    const setup = useInstallTestSetup();
    it('the bundle job keeps the one-job rule: exit 41, the install named, no file written', async () => {
      const { root, installerDir } = await setup.rootWithInstaller({ behavior: { hangIn: 'install' } });
      const install = startCli(installOnlyArgs(root, installerDir, { json: true }), { ownGroup: true });
      try {
        await install.stderrContains('[install] running');
        const file = path.join(root, 'diag.tar.gz');
        const refused = await runCli(['--root', root, '--json', 'diagnose', '--out', file]);
        expect(refused.code).toBe(41);
        const envelope = JSON.parse(refused.stdout) as { ok: boolean; exitCode: number; error: { message: string } };
        expect(envelope).toMatchObject({ ok: false, exitCode: 41, error: { code: 'job.busy' } });
        expect(envelope.error.message).toContain(`by process ${install.child.pid} (the command line)`);
        expect(refused.stderr).toContain('mobility-setup diagnose: Another job is running');
        expect(existsSync(file)).toBe(false);
      } finally {
        process.kill(-install.child.pid!, 'SIGKILL');
        await install.exited;
        for (const pid of await pidsMentioning(root)) if (alive(pid)) process.kill(pid, 'SIGKILL');
      }
    });
  },
);
