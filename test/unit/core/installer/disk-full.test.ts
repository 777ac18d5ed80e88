import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../../common/result';
import { processRunner } from '../../../../main/platform/process-runner';
import { prepareInstaller } from '../../../../main/core/installer/prepare-installer';
import { extractSafely } from '../../../../main/core/installer/safe-extract';
import { CANNOT_MOUNT_REASON, withSmallTmpfs } from '../../helpers/small-tmpfs';
import { buildTarGz } from '../install/malicious-tar';

let sandbox: string;
beforeEach(async () => {
  sandbox = await mkdtemp(path.join(os.tmpdir(), 'disk-full-'));
});
afterEach(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

/** A tar.gz whose one file is 64 KB of random bytes: it does not compress, so it cannot fit a 16 KB tmpfs. */
async function bigInstaller(): Promise<{ file: string; sha256: string }> {
  const dir = path.join(sandbox, 'installers');
  await mkdir(dir);
  const file = path.join(dir, 'Microsoft-ASR_UA_9.65.0.0_DEBIAN12-64_GA_23Apr2025_release.tar.gz');
  const bytes = buildTarGz([
    { name: 'install', data: '#!/bin/sh\nexit 0\n', mode: 0o755 },
    { name: 'payload.bin', data: randomBytes(64 * 1024) },
  ]);
  await writeFile(file, bytes);
  return { file, sha256: createHash('sha256').update(bytes).digest('hex') };
}

async function caught(promise: Promise<unknown>): Promise<UserError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  return err as UserError;
}

describe.skipIf(CANNOT_MOUNT_REASON !== null)(
  `a full disk while preparing the installer (16 KB tmpfs)${CANNOT_MOUNT_REASON ? ` — skipped: ${CANNOT_MOUNT_REASON}` : ''}`,
  () => {
    it('extraction into a full work folder says "not enough free disk space", the folder and the size, and leaves nothing', async () => {
      const { file } = await bigInstaller();
      const work = path.join(sandbox, 'work');
      const err = await withSmallTmpfs(work, 16, async () => {
        const e = await caught(extractSafely(file, work));
        expect(await readdir(work)).toEqual([]);
        return e;
      });
      expect(err.code).toBe('install.diskSpace');
      expect(err.message).toMatch(
        new RegExp(
          `^Not enough free disk space in ${work} \\(\\d+ KB free\\): unpacking the installer needed 65 KB\\.`,
        ),
      );
      expect(err.message).not.toMatch(/damaged/);
      expect(err.hint).toContain(`Free at least 65 KB in ${work}`);
    });

    it('the private copy into a full work folder (as the elevated helper makes it) is said the same way and removed', async () => {
      const installer = await bigInstaller();
      const work = path.join(sandbox, 'work');
      const lines: string[] = [];
      const err = await withSmallTmpfs(work, 16, async () => {
        const ctx = {
          platform: 'linux' as const,
          runner: processRunner,
          workBase: work,
          inactivityTimeoutMs: 10_000,
          onLine: (l: string) => lines.push(l),
          onProcess: () => undefined,
          cancelled: () => false,
        };
        const e = await caught(prepareInstaller(ctx, installer));
        expect(await readdir(work)).toEqual([]);
        return e;
      });
      expect(err.code).toBe('install.diskSpace');
      expect(err.message).toMatch(
        /^Not enough free disk space in .*work \(\d+ KB free\): copying the installer Microsoft-ASR_UA_9\.65\.0\.0_DEBIAN12-64_GA_23Apr2025_release\.tar\.gz needed \d+ KB\./,
      );
      expect(lines[0]).toMatch(/^Copying the installer/);
    });
  },
);
