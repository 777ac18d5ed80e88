import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoSandbox, FALLBACK_TOKEN, readSandboxOs } from '../../world/demo-sandbox';
import { makeSandbox, removeSandbox } from '../../world/vendor-runner';

const dirs: string[] = [];
async function dir() {
  const d = await makeSandbox();
  dirs.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeSandbox));
});

describe('createDemoSandbox', () => {
  it("makes a sandbox whose detection reports this machine's token, with a package and checksum for it", async () => {
    const root = await dir();
    const sandbox = await createDemoSandbox({ root });
    const here = await readSandboxOs('/');
    expect(sandbox.token).toBe(here.token);
    expect((await readSandboxOs(root)).token).toBe(here.token);
    expect(sandbox.copiedFiles.length).toBeGreaterThan(0);
    expect(path.basename(sandbox.packageFile)).toBe(
      `Microsoft-ASR_UA_9.65.0.0_${here.token ?? FALLBACK_TOKEN}_GA_23Apr2025_release.tar.gz`,
    );
    expect(path.dirname(sandbox.packageFile)).toBe(sandbox.installerDir);
    expect(await fs.readFile(sandbox.checksumFile, 'utf8')).toMatch(/^[0-9a-f]{64} {2}Microsoft-ASR_UA_/);
  });

  it('copies release file contents from a fixture root (Ubuntu 22.04 → UBUNTU-22.04-64)', async () => {
    const source = await dir();
    await fs.mkdir(path.join(source, 'etc'));
    await fs.writeFile(path.join(source, 'etc/lsb-release'), 'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=22.04\n');
    await fs.writeFile(path.join(source, 'etc/debian_version'), 'bookworm/sid\n');
    const root = await dir();
    const sandbox = await createDemoSandbox({ root, sourceRoot: source });
    expect(sandbox.copiedFiles.sort()).toEqual(['/etc/debian_version', '/etc/lsb-release']);
    const arch = sandbox.os.os.arch;
    expect(sandbox.token).toBe(arch === 'x86_64' ? 'UBUNTU-22.04-64' : null);
    expect((await fs.lstat(path.join(root, 'etc/lsb-release'))).isFile()).toBe(true);
  });

  it('still builds a package when the machine has no token', async () => {
    const root = await dir();
    const sandbox = await createDemoSandbox({ root, sourceRoot: await dir() });
    expect(sandbox.token).toBeNull();
    expect(sandbox.os.supported).toBe(false);
    expect(path.basename(sandbox.packageFile)).toContain(`_${FALLBACK_TOKEN}_`);
  });
});
