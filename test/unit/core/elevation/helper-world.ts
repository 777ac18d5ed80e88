/**
 * Requests for the elevated helper as the app writes them, and small real installers (tar.gz with an
 * `install` that leaves a marker) to prove whether anything ran.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { afterEach } from 'vitest';
import type { InstallOperation, PrivilegedOperation } from '../../../../main/core/elevation/elevator';
import { requestFor, writeHelperRequest } from '../../../../main/core/elevation/helper-request';
import type { HelperRequest, WrittenRequest } from '../../../../main/core/elevation/helper-request';

export const sha256Of = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

/**
 * A tar.gz whose `install` appends its uid and arguments to `marker` (and sleeps `sleepS` seconds first);
 * returns its path and SHA-256.
 */
export async function markingInstaller(
  dir: string,
  marker: string,
  options: { name?: string; sleepS?: number } = {},
): Promise<{ file: string; sha256: string }> {
  const stage = await mkdtemp(path.join(os.tmpdir(), 'helper-pkg-'));
  try {
    const sleep = options.sleepS ? `sleep ${options.sleepS}\n` : '';
    await writeFile(
      path.join(stage, 'install'),
      `#!/bin/sh\n${sleep}echo "uid=$(id -u) args=$*" >> '${marker}'\necho "marking installer ran"\n`,
    );
    await chmod(path.join(stage, 'install'), 0o755);
    const file = path.join(dir, options.name ?? 'installer.tar.gz');
    await tar.c({ gzip: true, cwd: stage, file, portable: true }, ['install']);
    return { file, sha256: await sha256Of(file) };
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

export const installOperation = (
  installer: { file: string; sha256: string },
  over: Partial<Extract<PrivilegedOperation, { operation: 'install' }>> = {},
): InstallOperation => ({
  operation: 'install',
  installer,
  installDir: '/usr/local/ASR',
  architecture: 'classic',
  upgrade: false,
  ...over,
});

export const requestOf = (
  operation: Parameters<typeof requestFor>[1],
  over: Partial<HelperRequest> = {},
): HelperRequest => ({
  ...requestFor('linux', operation, { sandboxRoot: null, inactivityTimeoutMs: 60_000 }),
  ...over,
});

/** Temp folders and request folders removed after each test. */
export function useHelperScratch() {
  const written: WrittenRequest[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(written.splice(0).map((w) => w.remove()));
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });
  return {
    async dir(prefix = 'helper-test-') {
      const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    /** Writes a request as the app does (any JSON shape, to play the attacker too). */
    async write(request: HelperRequest | Record<string, unknown>): Promise<WrittenRequest> {
      const w = await writeHelperRequest(request as HelperRequest);
      written.push(w);
      return w;
    },
  };
}

export const readResult = async (w: WrittenRequest) =>
  JSON.parse((await readFile(w.resultFile, 'utf8')) || 'null') as Record<string, unknown> | null;
