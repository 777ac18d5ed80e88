/**
 * The anti-virus fix through the elevated helper: the request names only the scanner and the agent folder; the
 * helper (root) finds the product's configuration itself. A real other local user tries to steer root's write.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PrivilegeFacts } from '../../../../common/detection';
import { coreTexts } from '../../../../common/core-text/core-text';
import { AntivirusService } from '../../../../main/core/antivirus/antivirus-service';
import type { DetectionService } from '../../../../main/core/detect/detection-service';
import { createElevatedAntivirusFix } from '../../../../main/core/elevation/elevated-antivirus-fix';
import { createHelperElevator } from '../../../../main/core/elevation/helper-elevator';
import type { HelperLauncher } from '../../../../main/core/elevation/helper-elevator';
import { runHelper } from '../../../../main/core/elevation/run-helper';
import { addClamav, addRecordingSystemctl, avSandbox } from '../../../world/antivirus-scanners';
import type { AvSandbox } from '../../../world/antivirus-scanners';
import { CAN_CREATE_USERS, localUsers } from '../../helpers/local-user';
import type { LocalUser } from '../../helpers/local-user';
import { testDeps } from '../detect/helpers';
import { readResult, requestOf, useHelperScratch } from './helper-world';

const scratch = useHelperScratch();
/** The helper as started by root itself (no pkexec/sudo): the requester is root, who may name a sandbox. */
const DIRECT: NodeJS.ProcessEnv = {};
const isRoot = process.getuid?.() === 0;
const fixClamav = { operation: 'antivirusFix' as const, scanner: 'clamav' as const, installDir: '/usr/local/ASR' };

const sandboxes: AvSandbox[] = [];
afterEach(() => {
  for (const s of sandboxes.splice(0)) rmSync(s.root, { recursive: true, force: true });
});
const sandboxWithClamav = (): AvSandbox => {
  const sandbox = avSandbox();
  sandboxes.push(sandbox);
  addClamav(sandbox);
  return sandbox;
};

describe.skipIf(!isRoot)('the antivirusFix helper request', () => {
  it('fixes the clamd.conf its own probes find (backup, restart), and a second request changes nothing', async () => {
    const sandbox = sandboxWithClamav();
    const calls = addRecordingSystemctl(sandbox);
    const original = sandbox.read('/etc/clamav/clamd.conf');
    const w = await scratch.write(requestOf(fixClamav, { sandboxRoot: sandbox.root }));
    expect(await runHelper(w.requestFile, DIRECT)).toBe(0);
    expect(await readResult(w)).toMatchObject({ ok: true, code: 0 });
    expect(sandbox.read('/etc/clamav/clamd.conf')).toContain(
      '\nExcludePath ^/usr/local/ASR/\nExcludePath ^/usr/local/InMage/\n',
    );
    expect(sandbox.read('/etc/clamav/clamd.conf.mobility-setup.bak')).toBe(original);
    expect(readFileSync(calls, 'utf8')).toBe('restart clamav-daemon\n');
    expect(readFileSync(w.outputFile, 'utf8')).toContain('Added to /etc/clamav/clamd.conf');

    const again = await scratch.write(requestOf(fixClamav, { sandboxRoot: sandbox.root }));
    expect(await runHelper(again.requestFile, DIRECT)).toBe(0);
    // 10: unchanged (PRIVILEGED_FIX_EXIT); the app checks the scanner again itself in any case.
    expect(await readResult(again)).toMatchObject({ ok: true, code: 10 });
    expect(readFileSync(calls, 'utf8')).toBe('restart clamav-daemon\n');
  });

  it('ATTACK: a request naming a configuration file, another product, or a folder with a line break is refused', async () => {
    const sandbox = sandboxWithClamav();
    const original = sandbox.read('/etc/clamav/clamd.conf');
    const hostile = [
      { ...fixClamav, configPath: '/etc/shadow' },
      { ...fixClamav, scanner: 'crowdstrike' },
      { ...fixClamav, installDir: '/usr/local/ASR\nExcludePath .*' },
      { ...fixClamav, installDir: 'relative/ASR' },
    ];
    for (const operation of hostile) {
      const w = await scratch.write({ ...requestOf(fixClamav, { sandboxRoot: sandbox.root }), operation });
      expect(await runHelper(w.requestFile, DIRECT)).toBe(3);
      expect(await readResult(w)).toMatchObject({ ok: false });
    }
    expect(sandbox.read('/etc/clamav/clamd.conf')).toBe(original);
  });
});

describe.skipIf(!CAN_CREATE_USERS)('another local user asks the helper for an anti-virus fix', () => {
  const users = localUsers();
  let user: LocalUser;
  let victimDir: string;
  beforeAll(async () => {
    user = await users.create('msav');
  }, 30_000);
  afterAll(async () => {
    await users.removeAll();
  });
  afterEach(() => rmSync(victimDir, { recursive: true, force: true }));

  /** Runs node as the user (their uid and gid, nothing inherited): the user writes the request themselves. */
  function asUser(script: string, ...args: string[]): string {
    const run = spawnSync(process.execPath, ['-e', script, ...args], {
      uid: user.uid,
      gid: user.gid,
      cwd: '/tmp',
      env: { PATH: '/usr/bin:/bin' },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`as ${user.name}: ${run.stderr}`);
    return run.stdout.trim();
  }

  it("ATTACK: a sandbox root of links into a root-only folder never steers root's write (refused; the victim is unchanged)", async () => {
    // Root's own file, in a folder only root can enter: what the user wants changed.
    victimDir = await mkdtemp(path.join(os.tmpdir(), 'av-victim-'));
    mkdirSync(path.join(victimDir, 'clamav'), { mode: 0o700 });
    const victim = path.join(victimDir, 'clamav', 'clamd.conf');
    writeFileSync(victim, 'LocalSocket /run/clamav/clamd.ctl\n', { mode: 0o600 });
    // The user's "machine": etc is a link to the victim folder; the rest (release files, /proc) is theirs.
    const attack = asUser(
      `const fs=require('fs'),path=require('path');
       const root=fs.mkdtempSync('/tmp/av-attack-');
       fs.symlinkSync(process.argv[1], path.join(root,'etc'));
       fs.mkdirSync(path.join(root,'proc/4242'),{recursive:true});
       fs.writeFileSync(path.join(root,'proc/4242/comm'),'clamd\\n');
       fs.writeFileSync(path.join(root,'proc/4242/cmdline'),'/usr/sbin/clamd\\0');
       const dir=fs.mkdtempSync('/tmp/mobility-setup-elevate-'); fs.chmodSync(dir,0o700);
       const op={operation:'antivirusFix',scanner:'clamav',installDir:'/usr/local/ASR'};
       const req={version:2,platform:'linux',operation:op,sandboxRoot:root,inactivityTimeoutMs:60000};
       fs.writeFileSync(path.join(dir,'request.json'),JSON.stringify(req),{mode:0o600,flag:'wx'});
       for (const f of ['output.log','stage','result.json']) fs.writeFileSync(path.join(dir,f),'',{mode:0o600,flag:'wx'});
       console.log(JSON.stringify({root,dir}));`,
      victimDir,
    );
    const { root, dir } = JSON.parse(attack) as { root: string; dir: string };
    try {
      // pkexec names the user who asked: root runs the helper on their request.
      const code = await runHelper(path.join(dir, 'request.json'), { PKEXEC_UID: String(user.uid) });
      // First the harm: without the check, root adds ExcludePath lines to the victim and leaves a backup beside it.
      expect(readFileSync(victim, 'utf8')).toBe('LocalSocket /run/clamav/clamd.ctl\n');
      expect(existsSync(`${victim}.mobility-setup.bak`)).toBe(false);
      expect(code).toBe(3);
      expect(JSON.parse(readFileSync(path.join(dir, 'result.json'), 'utf8'))).toMatchObject({
        ok: false,
        refused: 'helper.sandboxRoot',
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!isRoot)('a person who is not root fixes through the helper', () => {
  const notRoot: PrivilegeFacts = { elevated: false, user: 'alice', canElevate: true, method: 'pkexec' };
  const detection = {
    detect: () => Promise.resolve({ agent: { installDir: null }, privileges: notRoot }),
  } as unknown as DetectionService;

  it('asks for the password once per fix, the helper applies it, and the check after it shows the folders excluded', async () => {
    const sandbox = sandboxWithClamav();
    addRecordingSystemctl(sandbox);
    const launched: string[] = [];
    // The password prompt granted: the helper runs as it would under pkexec (here root asked for it, so the sandbox may be named).
    const launcher: HelperLauncher = {
      launch: async (c) => (
        launched.push(c.args.at(-1)!),
        await runHelper(c.args.at(-1)!, DIRECT),
        { kind: 'completed' }
      ),
    };
    const elevator = createHelperElevator('linux', launcher, (requestFile) => ({
      file: '/usr/bin/node',
      args: ['/x/cli.js', 'helper', '--request', requestFile],
    }));
    const elevated = createElevatedAntivirusFix(() => elevator, {
      inactivityTimeoutMs: 60_000,
      sandboxRoot: sandbox.root,
    });
    const service = new AntivirusService(testDeps(sandbox.root), detection, undefined, elevated);
    expect((await service.check()).canFix).toBe(true);
    const fixed = await service.fix({ scannerIds: ['clamav'] });
    expect(launched).toHaveLength(1);
    expect(fixed.results[0]).toMatchObject({ scannerId: 'clamav', outcome: 'fixed' });
    expect(fixed.results[0]!.message).toContain('Added to /etc/clamav/clamd.conf');
    expect(fixed.report.scanners.find((s) => s.id === 'clamav')!.status).toBe('excluded');
    // The helper's own report reaches the person as the root app's does: the files it changed, the backup it kept,
    // the command it ran, and what it did as coded sentences (said in Korean, no English sentence left).
    const result = fixed.results[0]!;
    expect(result.changedFiles).toEqual(['/etc/clamav/clamd.conf']);
    expect(result.backups).toEqual(['/etc/clamav/clamd.conf.mobility-setup.bak']);
    expect(result.commands).toEqual([expect.stringMatching(/\/systemctl restart clamav-daemon$/)]);
    expect(coreTexts('en', result.messageTexts, '')).toBe(result.message);
    const korean = coreTexts('ko', result.messageTexts, result.message);
    expect(korean).toMatch(/[가-힣]/);
    expect(korean).not.toContain('Added to');
    expect(korean).not.toContain('was restarted');
  });

  it("a helper's report that is not well-formed (another build) is not taken: the fix says the helper reported no result", async () => {
    const sandbox = sandboxWithClamav();
    // The helper's result names a fix whose sentence has no code: the whole result is refused, as a missing one is.
    const launcher: HelperLauncher = {
      launch: (c) => {
        const fix = {
          scannerId: 'clamav',
          outcome: 'fixed',
          message: 'x',
          messageTexts: [{ params: {} }], // the one flaw
          changedFiles: [],
          backups: [],
          commands: [],
        };
        const result = { ok: true, code: 0, signal: null, timedOut: false, cancelled: false, fix };
        writeFileSync(path.join(path.dirname(c.args.at(-1)!), 'result.json'), JSON.stringify(result));
        return Promise.resolve({ kind: 'completed' });
      },
    };
    const elevator = createHelperElevator('linux', launcher, (f) => ({ file: '/usr/bin/node', args: [f] }));
    const elevated = createElevatedAntivirusFix(() => elevator, {
      inactivityTimeoutMs: 60_000,
      sandboxRoot: sandbox.root,
    });
    const fixed = await new AntivirusService(testDeps(sandbox.root), detection, undefined, elevated).fix({
      scannerIds: ['clamav'],
    });
    expect(fixed.results[0]).toMatchObject({ outcome: 'needsRoot', changedFiles: [] });
    expect(fixed.results[0]!.message).toContain('The elevated helper did not report a result.');
  });

  it('a dismissed password prompt changes nothing and says so', async () => {
    const sandbox = sandboxWithClamav();
    const original = sandbox.read('/etc/clamav/clamd.conf');
    const elevator = createHelperElevator('linux', { launch: () => Promise.resolve({ kind: 'notGranted' }) }, (f) => ({
      file: '/usr/bin/node',
      args: [f],
    }));
    const elevated = createElevatedAntivirusFix(() => elevator, {
      inactivityTimeoutMs: 60_000,
      sandboxRoot: sandbox.root,
    });
    const fixed = await new AntivirusService(testDeps(sandbox.root), detection, undefined, elevated).fix({
      scannerIds: ['clamav'],
    });
    expect(fixed.results[0]).toMatchObject({
      outcome: 'needsRoot',
      message: 'The administrator password was not given; nothing was changed.',
    });
    expect(coreTexts('ko', fixed.results[0]!.messageTexts, '')).toBe(
      '관리자 암호가 입력되지 않아 아무것도 변경되지 않았습니다.',
    );
    expect(sandbox.read('/etc/clamav/clamd.conf')).toBe(original);
  });
});
