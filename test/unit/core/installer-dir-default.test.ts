import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/app-core';
import { findInstallerDirNearApp } from '../../../main/core/install/installer-dir-default';

const session = {
  shell: 'browser' as const,
  demo: false,
  defaults: { installerDir: null, csEndpoint: null, dataPort: null },
  appVersion: 'test',
};
const INSTALLER = 'Microsoft-ASR_UA_9.65.0.0_DEBIAN12-64_GA_23Apr2025_release.tar.gz';

describe('the installer folder next to the app', () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'installer-near-app-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  it('is the first candidate folder that holds a vendor installer', async () => {
    const empty = await tempDir();
    const withOther = await tempDir();
    await writeFile(path.join(withOther, 'notes.txt'), 'x');
    const withInstaller = await tempDir();
    await writeFile(path.join(withInstaller, INSTALLER), 'x');
    expect(await findInstallerDirNearApp([empty, withOther, withInstaller])).toBe(withInstaller);
    expect(await findInstallerDirNearApp([empty, withOther, path.join(empty, 'missing')])).toBeNull();
  });

  it('prefills getSession when no folder was given, and never overrides one that was', async () => {
    const near = await tempDir();
    await writeFile(path.join(near, INSTALLER), 'x');
    const root = await tempDir();
    const found = createCore({ root, session, installerSearchDirs: [near] });
    expect((await found.handlers.getSession({})).defaults.installerDir).toBe(near);
    const given = createCore({
      root,
      session: { ...session, defaults: { ...session.defaults, installerDir: '/srv/asr' } },
      installerSearchDirs: [near],
    });
    expect((await given.handlers.getSession({})).defaults.installerDir).toBe('/srv/asr');
    await Promise.all([found.dispose(), given.dispose()]);
  });
});
