import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SystemPaths } from '../../../../main/platform/system-paths';
import { isPolkitAgent, linuxPrivileges } from '../../../../main/platform/linux/privileges';
import { runningProcessNames } from '../../../../main/platform/linux/process-scan';
import { createRootFiles } from '../../../../main/platform/root-files';

const user = { uid: 1000, user: 'alice' };

describe('linuxPrivileges (pure)', () => {
  it('needs nothing as root', () => {
    expect(linuxPrivileges({ uid: 0, user: 'root', pkexec: null, processNames: [] })).toEqual({
      elevated: true,
      user: 'root',
      canElevate: true,
      method: 'none-needed',
    });
  });

  it('can elevate with pkexec when a polkit agent runs in the session', () => {
    const facts = linuxPrivileges({
      ...user,
      pkexec: '/usr/bin/pkexec',
      processNames: ['bash', 'polkit-gnome-authentication-agent-1'],
    });
    expect(facts).toEqual({ elevated: false, user: 'alice', canElevate: true, method: 'pkexec' });
  });

  it('without an agent (SSH) it will still ask polkit, which may allow it by a rule, and says what happens otherwise', () => {
    const facts = linuxPrivileges({ ...user, pkexec: '/usr/bin/pkexec', processNames: ['sshd', 'bash', 'node'] });
    expect(facts).toMatchObject({ elevated: false, canElevate: true, method: 'pkexec' });
    expect(facts.hint).toContain('will ask polkit');
    expect(facts.hint).toContain('polkit rule allows it without a password');
    expect(facts.hint).toContain('sudo mobility-setup');
  });

  it('cannot elevate without pkexec even when an agent runs', () => {
    const facts = linuxPrivileges({ ...user, pkexec: null, processNames: ['lxpolkit'] });
    expect(facts).toMatchObject({ canElevate: false, method: 'unavailable' });
    expect(facts.hint).toContain('pkexec');
  });

  it('matches agent names cut to 15 characters in /proc/<pid>/comm', () => {
    expect(isPolkitAgent('polkit-kde-auth')).toBe(true);
    expect(isPolkitAgent('xfce-polkit')).toBe(true);
    expect(isPolkitAgent('polkit')).toBe(false);
    expect(isPolkitAgent('polkitd')).toBe(false);
  });
});

describe('runningProcessNames', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('reads comm and the program name from a /proc under the root prefix', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ms-proc-'));
    mkdirSync(path.join(dir, 'proc/101'), { recursive: true });
    mkdirSync(path.join(dir, 'proc/202'), { recursive: true });
    mkdirSync(path.join(dir, 'proc/self'), { recursive: true });
    writeFileSync(path.join(dir, 'proc/101/comm'), 'polkit-mate-aut\n');
    writeFileSync(path.join(dir, 'proc/101/cmdline'), '/usr/libexec/polkit-mate-authentication-agent-1\0--flag\0');
    writeFileSync(path.join(dir, 'proc/202/comm'), 'bash\n');
    writeFileSync(path.join(dir, 'proc/self/comm'), 'ignored\n');
    const names = await runningProcessNames(createRootFiles(new SystemPaths(dir)));
    expect(names.sort()).toEqual(['bash', 'polkit-mate-authentication-agent-1', 'polkit-mate-aut'].sort());
    expect(names.some((name) => isPolkitAgent(name))).toBe(true);
  });

  it('sees this very process on the real /proc', async () => {
    const names = await runningProcessNames(createRootFiles(new SystemPaths('/')));
    expect(names).toContain(path.basename(process.argv0));
  });
});
