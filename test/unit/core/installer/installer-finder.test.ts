import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../../common/result';
import {
  assertChecksumOk,
  buildDateKey,
  compareVersions,
  copyInstallerPrivately,
  findInstaller,
  parseInstallerName,
} from '../../../../main/core/installer/installer-finder';
import { linuxProfile } from '../../../../main/platform/linux/profile';
import { win32Profile } from '../../../../main/platform/win32/profile';

const ubuntu22 = (v: string, date = '23Apr2025') => `Microsoft-ASR_UA_${v}_UBUNTU-22.04-64_GA_${date}_release.tar.gz`;
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

let dir: string;
let outside: string;
beforeEach(async () => {
  outside = await mkdtemp(path.join(os.tmpdir(), 'finder-test-'));
  dir = path.join(outside, 'installers');
  await mkdir(dir);
});
afterEach(async () => {
  await rm(outside, { recursive: true, force: true });
});

async function caught(promise: Promise<unknown>): Promise<UserError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  return err as UserError;
}

describe('parseInstallerName', () => {
  it('reads Linux and Windows names', () => {
    expect(parseInstallerName('Microsoft-ASR_UA_9.65.0.0_UBUNTU-24.04-64_GA_23Apr2025_release.tar.gz')).toEqual({
      version: '9.65.0.0',
      token: 'UBUNTU-24.04-64',
      date: '23Apr2025',
      platform: 'linux',
    });
    expect(parseInstallerName('Microsoft-ASR_UA_9.64.0.0_SLES11-SP3-64_GA_10Jan2025_release.tar.gz')?.token).toBe(
      'SLES11-SP3-64',
    );
    expect(parseInstallerName('Microsoft-ASR_UA_9.65.0.0_Windows_GA_23Apr2025_release.exe')).toEqual({
      version: '9.65.0.0',
      token: 'Windows',
      date: '23Apr2025',
      platform: 'win32',
    });
  });

  it.each([
    'Microsoft-ASR_UA_9.65.0_UBUNTU-22.04-64_GA_23Apr2025_release.tar.gz',
    'Microsoft-ASR_UA_9.65.0.0_UBUNTU-22.04-64_GA_23Apr2025_release.tar.gz.part',
    'Microsoft-ASR_UA_9.65.0.0_UBUNTU-22.04-64_GA_23Apr2025_release.exe',
    'Microsoft-ASR_UA_9.65.0.0_ubuntu-22.04-64_GA_23Apr2025_release.tar.gz',
    'Microsoft-ASR_UA_9.65.0.0_../../x_GA_23Apr2025_release.tar.gz',
    'Microsoft-ASR_UA_9.65.0.0_Windows_GA_23Apr2025_release.tar.gz.exe',
    'notes.txt',
    '',
  ])('refuses %s', (name) => {
    expect(parseInstallerName(name)).toBeNull();
  });
});

describe('compareVersions and buildDateKey', () => {
  it('compares numerically, not as text', () => {
    expect(compareVersions('9.9.0.0', '9.10.0.0')).toBe(-1);
    expect(compareVersions('9.65.0.0', '9.65.0.0')).toBe(0);
    expect(compareVersions('10.0.0.0', '9.99.99.99')).toBe(1);
    expect(compareVersions('9.065.0.0', '9.65')).toBe(0);
  });
  it('orders build dates', () => {
    expect(buildDateKey('23Apr2025')).toBe(20250423);
    expect(buildDateKey('5Dec2024')).toBeLessThan(buildDateKey('1Jan2025'));
    expect(buildDateKey('32Foo2025')).toBe(0);
  });
});

describe('findInstaller', () => {
  it('picks the newest matching installer and hashes it', async () => {
    await writeFile(path.join(dir, ubuntu22('9.9.0.0')), 'old');
    await writeFile(path.join(dir, ubuntu22('9.10.0.0')), 'new');
    await writeFile(
      path.join(dir, 'Microsoft-ASR_UA_9.99.0.0_UBUNTU-20.04-64_GA_23Apr2025_release.tar.gz'),
      'other os',
    );
    await writeFile(path.join(dir, 'readme.txt'), 'x');
    const choice = await findInstaller(dir, 'UBUNTU-22.04-64', linuxProfile.installer);
    expect(choice.chosen).toMatchObject({
      fileName: ubuntu22('9.10.0.0'),
      version: '9.10.0.0',
      token: 'UBUNTU-22.04-64',
      platform: 'linux',
      sizeBytes: 3,
    });
    expect(choice.chosen.path).toBe(path.join(dir, ubuntu22('9.10.0.0')));
    expect(choice.sha256).toBe(sha('new'));
    expect(choice.checksum).toBe('absent');
    expect(choice.checksumFile).toBeNull();
    expect(choice.seen).toHaveLength(3);
  });

  it('breaks a version tie by build date', async () => {
    await writeFile(path.join(dir, ubuntu22('9.65.0.0', '1Jan2025')), 'a');
    await writeFile(path.join(dir, ubuntu22('9.65.0.0', '23Apr2025')), 'b');
    expect((await findInstaller(dir, 'UBUNTU-22.04-64', linuxProfile.installer)).chosen.fileName).toBe(
      ubuntu22('9.65.0.0', '23Apr2025'),
    );
  });

  it('names the token needed and lists what was found', async () => {
    await writeFile(path.join(dir, 'Microsoft-ASR_UA_9.65.0.0_UBUNTU-20.04-64_GA_23Apr2025_release.tar.gz'), 'x');
    await writeFile(path.join(dir, 'Microsoft-ASR_UA_9.65.0.0_Windows_GA_23Apr2025_release.exe'), 'x');
    const err = await caught(findInstaller(dir, 'UBUNTU-22.04-64', linuxProfile.installer));
    expect(err.code).toBe('installer.none');
    expect(err.message).toContain(`No installer for UBUNTU-22.04-64 in ${dir}`);
    expect(err.message).toContain('UBUNTU-20.04-64');
    expect(err.message).toContain('_Windows_');
    expect(err.message).toContain('Download Microsoft-ASR_UA_<version>_UBUNTU-22.04-64_GA_<date>_release.tar.gz');
    expect(err.params?.token).toBe('UBUNTU-22.04-64');
  });

  it('finds the Windows installer on win32 whatever token was asked', async () => {
    await writeFile(path.join(dir, 'Microsoft-ASR_UA_9.65.0.0_Windows_GA_23Apr2025_release.exe'), 'exe');
    await writeFile(path.join(dir, ubuntu22('9.70.0.0')), 'tgz');
    const choice = await findInstaller(dir, null, win32Profile.installer);
    expect(choice.chosen).toMatchObject({ token: 'Windows', platform: 'win32', version: '9.65.0.0' });
  });

  it('with no detected token, uses the only token present and refuses several', async () => {
    await writeFile(path.join(dir, ubuntu22('9.65.0.0')), 'x');
    expect((await findInstaller(dir, null, linuxProfile.installer)).chosen.token).toBe('UBUNTU-22.04-64');
    await writeFile(path.join(dir, 'Microsoft-ASR_UA_9.65.0.0_RHEL9-64_GA_23Apr2025_release.tar.gz'), 'x');
    expect((await caught(findInstaller(dir, null, linuxProfile.installer))).code).toBe('installer.ambiguous');
  });

  it('reports a missing folder or a file given as the folder', async () => {
    expect(
      (await caught(findInstaller(path.join(outside, 'nope'), 'UBUNTU-22.04-64', linuxProfile.installer))).code,
    ).toBe('installer.folderMissing');
    await writeFile(path.join(outside, 'file'), 'x');
    expect(
      (await caught(findInstaller(path.join(outside, 'file'), 'UBUNTU-22.04-64', linuxProfile.installer))).code,
    ).toBe('installer.folderMissing');
  });

  it('ignores directories and links that leave the folder, but accepts a link inside it', async () => {
    await mkdir(path.join(dir, ubuntu22('9.90.0.0')));
    await writeFile(path.join(outside, 'elsewhere.tar.gz'), 'outside');
    await symlink(path.join(outside, 'elsewhere.tar.gz'), path.join(dir, ubuntu22('9.80.0.0')));
    await writeFile(path.join(dir, 'real.tar.gz'), 'inside');
    await symlink('real.tar.gz', path.join(dir, ubuntu22('9.70.0.0')));
    const choice = await findInstaller(dir, 'UBUNTU-22.04-64', linuxProfile.installer);
    expect(choice.chosen.version).toBe('9.70.0.0');
    expect(choice.sha256).toBe(sha('inside'));

    await rm(path.join(dir, ubuntu22('9.70.0.0')));
    const err = await caught(findInstaller(dir, 'UBUNTU-22.04-64', linuxProfile.installer));
    expect(err.code).toBe('installer.none');
    expect(err.message).toContain('Skipped');
  });
});

describe('checksums', () => {
  const name = ubuntu22('9.65.0.0');
  beforeEach(async () => {
    await writeFile(path.join(dir, name), 'payload');
  });

  it.each([
    ['bare hex', () => `${sha('payload').toUpperCase()}\n`],
    ['hex and name', () => `${sha('payload')}  ${name}\n`],
    ['binary marker', () => `${sha('payload')} *${name}`],
  ])('matches a .sha256 file with %s', async (_label, content) => {
    await writeFile(path.join(dir, `${name}.sha256`), content());
    const choice = await findInstaller(dir, 'UBUNTU-22.04-64', linuxProfile.installer);
    expect(choice.checksum).toBe('match');
    expect(choice.checksumFile).toBe(path.join(dir, `${name}.sha256`));
    expect(() => assertChecksumOk(choice)).not.toThrow();
  });

  it('uses SHA256SUMS when it lists the file; a SHA256SUMS that does not list it is a mismatch, not "absent"', async () => {
    await writeFile(path.join(dir, 'SHA256SUMS'), `${sha('other')}  other.tar.gz\n${sha('payload')}  ./${name}\n`);
    expect((await findInstaller(dir, 'UBUNTU-22.04-64', linuxProfile.installer)).checksum).toBe('match');
    // The attack: a newer "version" planted beside a genuine SHA256SUMS that lists only the real one.
    await writeFile(path.join(dir, 'SHA256SUMS'), `${sha('other')}  other.tar.gz\n`);
    const choice = await findInstaller(dir, 'UBUNTU-22.04-64', linuxProfile.installer);
    expect(choice).toMatchObject({
      checksum: 'mismatch',
      checksumFile: path.join(dir, 'SHA256SUMS'),
      expectedSha256: null,
    });
    expect(() => assertChecksumOk(choice)).toThrow(/does not list it/);
  });

  it('reports a mismatch with expected and actual, and assertChecksumOk stops the install', async () => {
    await writeFile(path.join(dir, `${name}.sha256`), `${sha('tampered')}  ${name}\n`);
    const choice = await findInstaller(dir, 'UBUNTU-22.04-64', linuxProfile.installer);
    expect(choice.checksum).toBe('mismatch');
    expect(choice.expectedSha256).toBe(sha('tampered'));
    let err: unknown;
    try {
      assertChecksumOk(choice);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('installer.checksumMismatch');
    expect((err as UserError).message).toContain(sha('tampered'));
    expect((err as UserError).message).toContain(sha('payload'));
    expect((err as UserError).message).toContain('re-download the installer; nothing was installed');
  });

  it('treats a .sha256 file that names another file or holds no hash as a mismatch', async () => {
    await writeFile(path.join(dir, `${name}.sha256`), `${sha('payload')}  something-else.tar.gz\n`);
    expect((await findInstaller(dir, 'UBUNTU-22.04-64', linuxProfile.installer)).checksum).toBe('mismatch');
    await writeFile(path.join(dir, `${name}.sha256`), 'not a hash\n');
    expect((await findInstaller(dir, 'UBUNTU-22.04-64', linuxProfile.installer)).checksum).toBe('mismatch');
  });

  it('hashes a large file by streaming it', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 17, 7);
    await writeFile(path.join(dir, name), big);
    const choice = await findInstaller(dir, 'UBUNTU-22.04-64', linuxProfile.installer);
    expect(choice.sha256).toBe(createHash('sha256').update(big).digest('hex'));
    expect(choice.chosen.sizeBytes).toBe(big.length);
  });
});

describe('copyInstallerPrivately', () => {
  it('copies into the private folder, hashing exactly the copied bytes; later changes to the original do not reach the copy', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 5, 3);
    const original = path.join(dir, ubuntu22('9.65.0.0'));
    await writeFile(original, big);
    const privateDir = path.join(outside, 'private');
    await mkdir(privateDir, { mode: 0o700 });
    const copy = await copyInstallerPrivately(original, privateDir);
    expect(copy.path).toBe(path.join(privateDir, ubuntu22('9.65.0.0')));
    expect(copy.sha256).toBe(createHash('sha256').update(big).digest('hex'));
    expect(copy.sizeBytes).toBe(big.length);
    expect((await stat(copy.path)).mode & 0o777).toBe(0o600);
    await writeFile(original, 'swapped');
    expect((await readFile(copy.path)).equals(big)).toBe(true);
  });

  it('refuses to write over anything already at the destination (exclusive create), links included', async () => {
    const original = path.join(dir, ubuntu22('9.65.0.0'));
    await writeFile(original, 'installer');
    const privateDir = path.join(outside, 'private');
    await mkdir(privateDir);
    const victim = path.join(outside, 'victim');
    await writeFile(victim, 'keep');
    await symlink(victim, path.join(privateDir, ubuntu22('9.65.0.0')));
    await expect(copyInstallerPrivately(original, privateDir)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(victim, 'utf8')).toBe('keep');
    await expect(copyInstallerPrivately(dir, privateDir)).rejects.toBeTruthy();
  });
});
