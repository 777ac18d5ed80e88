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
  }, 180_000);
});
