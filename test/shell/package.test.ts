/** `scripts/package.mjs` end to end: electron-builder --linux dir, then its own checks of app.asar and the fuses. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBuilt, notBuiltMessage, projectDir } from './built';

if (!isBuilt) it.skip(notBuiltMessage, () => {});

describe.skipIf(!isBuilt)('packaging (electron-builder --linux dir)', () => {
  it('packages the build with the fuses flipped and only runtime dependencies in app.asar', () => {
    const run = spawnSync(process.execPath, [path.join(projectDir, 'scripts', 'package.mjs')], { cwd: projectDir, encoding: 'utf8', shell: false });
    expect(run.stderr + run.stdout).not.toContain('Packaging check failed');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/fuses flipped/);
    expect(existsSync(path.join(projectDir, 'release', 'linux-unpacked', 'resources', 'app.asar'))).toBe(true);
    // Read the packaged executable's fuse wire ourselves, not only through the script's own check.
    const read = spawnSync(
      process.execPath,
      ['-e', "require('@electron/fuses').getCurrentFuseWire(process.argv[1]).then((w) => { const { FuseV1Options: o } = require('@electron/fuses'); process.stdout.write(JSON.stringify(Object.fromEntries(Object.keys(o).filter((k) => isNaN(Number(k))).map((k) => [k, String.fromCharCode(w[o[k]])])))); })", path.join(projectDir, 'release', 'linux-unpacked', 'mobility-setup')],
      { cwd: projectDir, encoding: 'utf8', shell: false },
    );
    expect(read.status, read.stderr).toBe(0);
    expect(JSON.parse(read.stdout)).toMatchObject({
      RunAsNode: '0',
      EnableNodeOptionsEnvironmentVariable: '0',
      EnableNodeCliInspectArguments: '0',
      EnableEmbeddedAsarIntegrityValidation: '1',
      OnlyLoadAppFromAsar: '1',
      GrantFileProtocolExtraPrivileges: '0',
    });
  }, 180_000);
});
