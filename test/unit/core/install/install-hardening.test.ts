import { readdir, rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConnectivityReport } from '../../../../common/connectivity';
import type { JobSnapshot } from '../../../../common/install';
import { UserError } from '../../../../common/result';
import { checkInstallDir } from '../../../../main/core/install/check-step';
import { selectAgentPlatform } from '../../../../main/platform/agent-platform';
import { selectOsProfile } from '../../../../main/platform/select';
import { SystemPaths } from '../../../../main/platform/system-paths';
import type { CoreDeps } from '../../../../main/core/core-deps';
import { PASSPHRASE, leftovers, makeInstaller, readVx, useInstallTestSetup } from './install-world';

const setup = useInstallTestSetup();
const stepStates = (job: JobSnapshot) => Object.fromEntries(job.steps.map((s) => [s.id, s.state]));
const passing = (endpoint: string): ConnectivityReport => ({
  host: endpoint,
  port: 443,
  dataPort: 9443,
  addresses: [],
  checks: [],
  certificate: null,
  canRegister: true,
});

describe('installer swapped after the check', () => {
  it('is detected on the private copy: the swapped file is never extracted or run', async () => {
    const { root, installerDir } = await setup.rootWithInstaller();
    const [name] = await readdir(installerDir);
    const original = path.join(installerDir, name ?? '');
    // Same name, different content: an installer that would fail with 1603 if it ever ran.
    const evil = await makeInstaller(path.join(root, 'evil'), { installExit: 1603 });
    // The connectivity check runs at the end of the check step, after the installer was hashed.
    const installer = setup.installer(root, {
      checkServer: async (endpoint) => {
        await rename(evil, original);
        return passing(endpoint);
      },
    });
    const job = await installer.run('startInstall', {
      installerDir,
      registration: { mode: 'classic', endpoint: setup.cs.endpoint, passphrase: PASSPHRASE },
    });
    expect(job.outcome).toMatchObject({ code: 'installer.changed', severity: 'error' });
    expect(stepStates(job)).toMatchObject({ check: 'done', extract: 'failed', install: 'skipped' });
    expect((await readVx(root)).get('Version')).toBeUndefined();
    expect(await leftovers(root)).toEqual([]);
  });
});

describe('install folder', () => {
  const request = (installerDir: string, installDir: string) => ({
    installerDir,
    installDir,
    registration: { mode: 'none', serverKind: 'classic' },
  });

  it.each([
    // Relative: the vendor installer would resolve it inside the extraction folder, which is deleted afterwards.
    ['foo', 'installDir.notAbsolute'],
    ['/', 'installDir.unsafe'],
    ['/tmp/agent', 'installDir.unsafe'],
    ['C:\\Agent', 'installDir.notAbsolute'],
  ])('%s is refused in the check step (%s) before anything runs', async (dir, code) => {
    const { root, installerDir } = await setup.rootWithInstaller();
    const installer = setup.installer(root);
    const job = await installer.run('startInstall', request(installerDir, dir));
    expect(job.state).toBe('failed');
    expect(job.outcome).toMatchObject({ code });
    expect(job.outcome?.hint).toContain('/usr/local/ASR');
    expect(stepStates(job)).toMatchObject({ check: 'failed', extract: 'skipped' });
    expect((await readVx(root)).get('Version')).toBeUndefined();
  });

  const envFor = (platform: 'linux' | 'win32', root: string) => {
    const commands = selectAgentPlatform(platform);
    if (!commands) throw new Error('no commands');
    return {
      deps: { paths: new SystemPaths(root) } as CoreDeps,
      commands,
      profile: selectOsProfile(platform),
      workBase: path.join(root, 'tmp'),
    };
  };
  const codeOf = (fn: () => void) => {
    try {
      fn();
      return null;
    } catch (err) {
      expect(err).toBeInstanceOf(UserError);
      return (err as UserError).code;
    }
  };

  it('follows the rule of the platform; a path the sandbox root cannot map is a clear error, not an internal one', () => {
    const sandbox = envFor('win32', path.join(os.tmpdir(), 'no-such-root'));
    expect(codeOf(() => checkInstallDir(sandbox, '/opt/agent'))).toBe('installDir.notAbsolute');
    expect(codeOf(() => checkInstallDir(sandbox, 'D:\\'))).toBe('installDir.unsafe');
    expect(codeOf(() => checkInstallDir(sandbox, 'C:\\Agent'))).toBe('installDir.invalid');
    expect(codeOf(() => checkInstallDir(envFor('win32', '/'), 'C:\\Agent'))).toBeNull();
    const linux = envFor('linux', '/');
    expect(codeOf(() => checkInstallDir(linux, '/opt/agent'))).toBeNull();
    expect(codeOf(() => checkInstallDir(linux, 'opt/agent'))).toBe('installDir.notAbsolute');
    expect(codeOf(() => checkInstallDir(linux, '/usr/..'))).toBe('installDir.unsafe');
    // The core refuses control characters too (the elevated helper and every front door end here).
    expect(codeOf(() => checkInstallDir(linux, '/opt/asr\nINSTALLATION_DIR=/tmp/x'))).toBe('path.controlCharacter');
    expect(codeOf(() => checkInstallDir(envFor('win32', '/'), 'C:\\Agent\u2028x'))).toBe('path.controlCharacter');
  });
});
