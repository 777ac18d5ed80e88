import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { create as tarCreate } from 'tar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../../common/result';
import { extractSafely, sanitiseEntryName } from '../../../../main/core/installer/safe-extract';
import type { RawEntry } from '../install/malicious-tar';
import { buildTar, buildTarGz, paxRecord } from '../install/malicious-tar';

// Layout per test: <sandbox>/archives (inputs), <sandbox>/work (dest parent), <sandbox>/canary (a sibling
// that escaping entries would hit), and the dest parent's own parent for "../" climbs.
let sandbox: string;
let work: string;
let canary: string;
beforeEach(async () => {
  sandbox = await mkdtemp(path.join(os.tmpdir(), 'safe-extract-test-'));
  work = path.join(sandbox, 'work');
  canary = path.join(sandbox, 'canary');
  await mkdir(work);
  await mkdir(canary);
  await mkdir(path.join(sandbox, 'archives'));
  await writeFile(path.join(canary, 'keep.txt'), 'canary');
});
afterEach(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

async function archive(name: string, content: Buffer): Promise<string> {
  const file = path.join(sandbox, 'archives', name);
  await writeFile(file, content);
  return file;
}

/** Everything below the sandbox except the archives folder, to prove nothing was written anywhere. */
async function snapshot(): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    for (const name of await readdir(dir)) {
      const full = path.join(dir, name);
      if (full === path.join(sandbox, 'archives')) continue;
      out.push(path.relative(sandbox, full));
      if ((await lstat(full)).isDirectory()) await walk(full);
    }
  };
  await walk(sandbox);
  return out.sort();
}

async function expectRefused(
  entries: RawEntry[],
  code: string,
  entryText: string | null,
  limits = {},
): Promise<UserError> {
  const before = await snapshot();
  const file = await archive('bad.tar.gz', buildTarGz(entries));
  const err = await extractSafely(file, work, limits).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  const userError = err as UserError;
  expect(userError.code).toBe(code);
  if (entryText !== null) expect(userError.message).toContain(entryText);
  expect(userError.message).toContain('Nothing was installed');
  // The temp folder is gone, the canary untouched, nothing new anywhere in the sandbox.
  expect(await readdir(work)).toEqual([]);
  expect(await snapshot()).toEqual(before);
  expect(await readFile(path.join(canary, 'keep.txt'), 'utf8')).toBe('canary');
  expect(existsSync('/etc/mobility-setup-pwned')).toBe(false);
  return userError;
}

const benign: RawEntry[] = [
  { name: 'install', data: '#!/bin/sh\necho installing\n', mode: 0o755 },
  { name: 'Vx/', type: 'dir', mode: 0o755 },
  { name: 'Vx/bin/', type: 'dir', mode: 0o700 },
  { name: 'Vx/bin/UnifiedAgentConfigurator.sh', data: '#!/bin/sh\n', mode: 0o750 },
  { name: 'readme.txt', data: 'hello', mode: 0o644 },
];

describe('extractSafely: a benign archive', () => {
  it('extracts files and folders with their permission bits into a fresh 0700 folder', async () => {
    const result = await extractSafely(await archive('ok.tar.gz', buildTarGz(benign)), work);
    expect(path.dirname(result.dir)).toBe(work);
    expect((await stat(result.dir)).mode & 0o777).toBe(0o700);
    expect(result.files).toBe(3);
    expect(result.bytes).toBe('#!/bin/sh\necho installing\n'.length + '#!/bin/sh\n'.length + 5);
    expect(await readFile(path.join(result.dir, 'readme.txt'), 'utf8')).toBe('hello');
    expect((await stat(path.join(result.dir, 'install'))).mode & 0o7777).toBe(0o755);
    expect((await stat(path.join(result.dir, 'Vx/bin/UnifiedAgentConfigurator.sh'))).mode & 0o7777).toBe(0o750);
    expect((await stat(path.join(result.dir, 'readme.txt'))).mode & 0o7777).toBe(0o644);
    expect((await stat(path.join(result.dir, 'Vx/bin'))).mode & 0o777).toBe(0o700);
    const owner = process.getuid?.();
    expect((await stat(path.join(result.dir, 'install'))).uid).toBe(owner);
  });

  it('drops set-id, sticky and world-write bits but keeps the executable bits', async () => {
    const result = await extractSafely(
      await archive(
        'modes.tar.gz',
        buildTarGz([
          { name: 'suid', data: 'x', mode: 0o4755 },
          { name: 'sgid-ww', data: 'x', mode: 0o2777 },
          { name: 'sticky/', type: 'dir', mode: 0o1777 },
          { name: 'noperm', data: 'x', mode: 0o000 },
        ]),
      ),
      work,
    );
    expect((await stat(path.join(result.dir, 'suid'))).mode & 0o7777).toBe(0o755);
    expect((await stat(path.join(result.dir, 'sgid-ww'))).mode & 0o7777).toBe(0o755);
    expect((await stat(path.join(result.dir, 'sticky'))).mode & 0o7777).toBe(0o755);
    expect((await stat(path.join(result.dir, 'noperm'))).mode & 0o7777).toBe(0o644);
  });

  it('keeps relative links that stay inside and handles "./" prefixes', async () => {
    const result = await extractSafely(
      await archive(
        'links.tar.gz',
        buildTarGz([
          { name: './', type: 'dir' },
          { name: './lib/', type: 'dir' },
          { name: './lib/libx.so.1', data: 'elf' },
          { name: './lib/libx.so', type: 'symlink', linkname: 'libx.so.1' },
          { name: './bin/', type: 'dir' },
          { name: './bin/libx', type: 'symlink', linkname: '../lib/libx.so.1' },
        ]),
      ),
      work,
    );
    expect(await readlink(path.join(result.dir, 'lib/libx.so'))).toBe('libx.so.1');
    expect(await readFile(path.join(result.dir, 'bin/libx'), 'utf8')).toBe('elf');
    expect(result.files).toBe(1);
  });

  it('reads an archive made by node-tar itself', async () => {
    const src = path.join(sandbox, 'src');
    await mkdir(path.join(src, 'pkg'), { recursive: true });
    await writeFile(path.join(src, 'pkg', 'install'), '#!/bin/sh\n', { mode: 0o755 });
    const file = path.join(sandbox, 'archives', 'made.tar.gz');
    await tarCreate({ gzip: true, file, cwd: src, portable: true }, ['pkg']);
    const result = await extractSafely(file, work);
    expect((await stat(path.join(result.dir, 'pkg', 'install'))).mode & 0o111).toBe(0o111);
  });
});

describe('extractSafely: the malicious corpus', () => {
  it('refuses a ".." traversal', async () => {
    await expectRefused(
      [
        { name: 'ok.txt', data: 'x' },
        { name: '../canary/evil.txt', data: 'pwned' },
      ],
      'extract.unsafe',
      '../canary/evil.txt',
    );
  });

  it('refuses a traversal hidden in the middle of a path', async () => {
    await expectRefused([{ name: 'a/../../canary/evil.txt', data: 'pwned' }], 'extract.unsafe', '".." segment');
  });

  it('refuses an absolute path', async () => {
    await expectRefused(
      [{ name: '/etc/mobility-setup-pwned', data: 'pwned' }],
      'extract.unsafe',
      '/etc/mobility-setup-pwned',
    );
  });

  it('refuses a backslash name', async () => {
    await expectRefused([{ name: '..\\..\\canary\\evil.txt', data: 'pwned' }], 'extract.unsafe', 'backslash');
  });

  it('refuses control characters in a name and shows them escaped', async () => {
    const err = await expectRefused(
      [{ name: 'evil\nname\u001b[31m', data: 'x' }],
      'extract.unsafe',
      'evil\\x0aname\\x1b[31m',
    );
    expect(err.message).not.toContain('\n');
  });

  it('refuses a symlink escape (link -> canary, then link/evil)', async () => {
    await expectRefused(
      [
        { name: 'link', type: 'symlink', linkname: path.join(sandbox, 'canary') },
        { name: 'link/evil.txt', data: 'pwned' },
      ],
      'extract.unsafe',
      'link',
    );
  });

  it('refuses an absolute symlink to /etc', async () => {
    await expectRefused(
      [
        { name: 'etc', type: 'symlink', linkname: '/etc' },
        { name: 'etc/passwd', data: 'x' },
      ],
      'extract.unsafe',
      'absolute',
    );
  });

  it('refuses a relative symlink that climbs out', async () => {
    await expectRefused(
      [
        { name: 'sub/', type: 'dir' },
        { name: 'sub/up', type: 'symlink', linkname: '../../canary' },
      ],
      'extract.unsafe',
      'outside',
    );
  });

  it('refuses a link that climbs back through another link', async () => {
    await expectRefused(
      [
        { name: 'self', type: 'symlink', linkname: '.' },
        { name: 'out', type: 'symlink', linkname: 'self/self/..' },
      ],
      'extract.unsafe',
      'outside',
    );
  });

  it('refuses writing through an inside link', async () => {
    await expectRefused(
      [
        { name: 'real/', type: 'dir' },
        { name: 'alias', type: 'symlink', linkname: 'real' },
        { name: 'alias/x.txt', data: 'x' },
      ],
      'extract.unsafe',
      'through or over a link',
    );
  });

  it('refuses a dangling link', async () => {
    await expectRefused(
      [{ name: 'dangling', type: 'symlink', linkname: 'missing' }],
      'extract.unsafe',
      'missing or outside',
    );
  });

  it('refuses a hard link escape', async () => {
    await expectRefused(
      [{ name: 'hard', type: 'hardlink', linkname: path.join(sandbox, 'canary', 'keep.txt') }],
      'extract.unsafe',
      'is a Link',
    );
  });

  it('refuses even an inside hard link', async () => {
    await expectRefused(
      [
        { name: 'a', data: 'x' },
        { name: 'b', type: 'hardlink', linkname: 'a' },
      ],
      'extract.unsafe',
      'is a Link',
    );
  });

  it.each([
    ['char', 'CharacterDevice'],
    ['block', 'BlockDevice'],
    ['fifo', 'FIFO'],
    ['sparse', 'SparseFile'],
  ] as const)('refuses a %s entry', async (type, label) => {
    await expectRefused(
      [
        { name: 'ok.txt', data: 'x' },
        { name: 'node', type },
      ],
      'extract.unsafe',
      label,
    );
  });

  it('refuses a declared size over the per-entry cap before reading any data', async () => {
    await expectRefused(
      [{ name: 'huge.bin', declaredSize: 3 * 1024 ** 3, data: 'tiny' }],
      'extract.tooLarge',
      'huge.bin',
    );
  });

  it('refuses a total size over the cap', async () => {
    const err = await expectRefused(
      [
        { name: 'a.bin', data: Buffer.alloc(40_000) },
        { name: 'b.bin', data: Buffer.alloc(40_000) },
      ],
      'extract.tooLarge',
      'b.bin',
      { maxTotalBytes: 64_000 },
    );
    expect(err.message).toContain('64000');
  });

  it('refuses more entries than the count cap', async () => {
    const many = Array.from({ length: 30 }, (_v, i) => ({ name: `f${i}`, data: 'x' }));
    const err = await expectRefused(many, 'extract.tooLarge', null, { maxEntries: 25 });
    expect(err.message).toContain('more than 25 entries');
  });

  it('refuses over 20,000 entries with the default caps', async () => {
    const many = Array.from({ length: 20_001 }, (_v, i) => ({ name: `d${i}/`, type: 'dir' as const }));
    await expectRefused(many, 'extract.tooLarge', null);
  });

  it('refuses a gzip bomb of zeros (expansion ratio)', async () => {
    await expectRefused(
      [{ name: 'zeros.bin', data: Buffer.alloc(64 * 1024 * 1024) }],
      'extract.tooLarge',
      'compression bomb',
    );
  });

  it('stops at the end-of-archive marker: a bomb of zero padding after it is never unpacked', async () => {
    const padded = gzipSync(buildTar([{ name: 'ok.txt', data: 'x' }], { trailingZeroBytes: 256 * 1024 * 1024 }), {
      level: 9,
    });
    const result = await extractSafely(await archive('pad.tar.gz', padded), work);
    expect(result.files).toBe(1);
    expect(await readdir(result.dir)).toEqual(['ok.txt']);
  });

  it('caps the expanded size even when no file entry declares it (a flood of pax headers)', async () => {
    const flood = Array.from({ length: 20 }, (_v, i) => ({
      name: `PaxHeader/${i}`,
      type: 'pax' as const,
      data: paxRecord('comment', randomBytes(675_000).toString('base64')),
    }));
    const err = await expectRefused([...flood, { name: 'a.txt', data: 'x' }], 'extract.tooLarge', null, {
      maxTotalBytes: 1024,
      maxEntries: 10,
    });
    expect(err.message).toContain('expands to more than');
  });

  it('reports a damaged archive and a missing file', async () => {
    const file = await archive('junk.tar.gz', Buffer.from('this is not a tar.gz at all'.repeat(40)));
    expect(((await extractSafely(file, work).catch((e: unknown) => e)) as UserError).code).toBe('extract.corrupt');
    const truncated = await archive('cut.tar.gz', buildTarGz(benign).subarray(0, 60));
    expect(((await extractSafely(truncated, work).catch((e: unknown) => e)) as UserError).code).toBe('extract.corrupt');
    expect(
      ((await extractSafely(path.join(sandbox, 'nope.tar.gz'), work).catch((e: unknown) => e)) as UserError).code,
    ).toBe('extract.notFound');
    expect(await readdir(work)).toEqual([]);
  });
});

describe('sanitiseEntryName', () => {
  it('escapes control characters and shortens long names', () => {
    expect(sanitiseEntryName('a\u0000b')).toBe('a\\x00b');
    expect(sanitiseEntryName('x'.repeat(500))).toHaveLength(160);
  });
});
