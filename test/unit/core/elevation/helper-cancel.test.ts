import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Elevator, PrivilegedResult } from '../../../../main/core/elevation/elevator';
import { createHelperElevator } from '../../../../main/core/elevation/helper-elevator';
import type { HelperLauncher } from '../../../../main/core/elevation/helper-elevator';
import type { HelperCommand } from '../../../../main/core/elevation/helper-command';
import { writeHelperRequest } from '../../../../main/core/elevation/helper-request';
import { runHelper } from '../../../../main/core/elevation/run-helper';
import type { Logger } from '../../../../main/ports/ports';
import { silentLogger } from '../../../../main/ports/ports';
import { useInstallTestSetup } from '../install/install-world';
import { installOperation, markingInstaller, requestOf, useHelperScratch } from './helper-world';

const scratch = useHelperScratch();

const helperCommand = (requestFile: string): HelperCommand => ({
  file: '/usr/bin/node',
  args: ['/x/cli.js', 'helper', '--request', requestFile],
});
const noLines = { onLine: () => {}, inactivityTimeoutMs: 60_000, sandboxRoot: null };
const someInstaller = installOperation({ file: '/tmp/x.tar.gz', sha256: 'a'.repeat(64) });

/** A real installer whose `install` leaves a marker when it runs. */
async function marking(): Promise<{ operation: ReturnType<typeof installOperation>; marker: string }> {
  const dir = await scratch.dir('helper-cancel-');
  const marker = path.join(dir, 'ran');
  return { operation: installOperation(await markingInstaller(dir, marker)), marker };
}

describe('cancel before the elevated command starts', () => {
  it('the helper does not start the vendor command when the cancel file already exists', async () => {
    const { operation, marker } = await marking();
    const written = await writeHelperRequest(requestOf(operation));
    try {
      await writeFile(written.cancelFile, '', { mode: 0o600 });
      expect(await runHelper(written.requestFile, {})).toBe(0);
      expect(JSON.parse(await readFile(written.resultFile, 'utf8'))).toMatchObject({
        ok: true,
        cancelled: true,
        code: null,
      });
      expect(existsSync(marker)).toBe(false);
    } finally {
      await written.remove();
    }
  });

  it('the helper still runs the command when nobody cancelled (the marker proves the check is real)', async () => {
    const { operation, marker } = await marking();
    const written = await writeHelperRequest(requestOf(operation));
    try {
      expect(await runHelper(written.requestFile, {})).toBe(0);
      expect(existsSync(marker)).toBe(true);
    } finally {
      await written.remove();
    }
  });

  it('no password prompt is opened for a command cancelled while its request was written', async () => {
    const launched: HelperCommand[] = [];
    const launcher: HelperLauncher = { launch: (c) => (launched.push(c), Promise.resolve({ kind: 'completed' })) };
    const run = createHelperElevator('linux', launcher, helperCommand).run(someInstaller, noLines);
    run.cancel();
    expect(await run.done).toEqual({ kind: 'exited', code: null, signal: null, timedOut: false, cancelled: true });
    expect(launched).toEqual([]);
  });

  it('cancel never throws, also after the request folder is gone', async () => {
    let requestDir = '';
    const launcher: HelperLauncher = {
      launch: (c) => ((requestDir = path.dirname(c.args.at(-1)!)), Promise.resolve({ kind: 'completed' })),
    };
    const run = createHelperElevator('linux', launcher, helperCommand).run(someInstaller, noLines);
    await run.done;
    expect(requestDir).not.toBe('');
    expect(existsSync(requestDir)).toBe(false);
    expect(() => run.cancel()).not.toThrow();
  });
});

describe('cancel and timeout while the helper runs the installer', () => {
  /** The helper's private folders named in its output (copy and extraction). */
  const foldersNamed = async (outputFile: string) =>
    [...(await readFile(outputFile, 'utf8')).matchAll(/(?:private folder|files \(\d+ bytes\) to) (\/\S+?)\.?$/gm)].map(
      (m) => m[1]!,
    );

  for (const ending of ['cancel', 'timeout'] as const) {
    it(`${ending}: the installer's tree ends, and the private copy and extraction folders are removed`, async () => {
      const dir = await scratch.dir('helper-cancel-');
      const marker = path.join(dir, 'ran');
      const operation = installOperation(await markingInstaller(dir, marker, { sleepS: 30 }));
      const written = await writeHelperRequest(
        requestOf(operation, { inactivityTimeoutMs: ending === 'timeout' ? 1_000 : 60_000 }),
      );
      try {
        const helper = runHelper(written.requestFile, {});
        if (ending === 'cancel') {
          while ((await readFile(written.stageFile, 'utf8')) !== 'install') await new Promise((r) => setTimeout(r, 20));
          await writeFile(written.cancelFile, '', { mode: 0o600 });
        }
        expect(await helper).toBe(0);
        expect(JSON.parse(await readFile(written.resultFile, 'utf8'))).toMatchObject(
          ending === 'cancel' ? { ok: true, cancelled: true } : { ok: true, timedOut: true },
        );
        expect(existsSync(marker)).toBe(false);
        const folders = await foldersNamed(written.outputFile);
        expect(folders).toHaveLength(2);
        for (const folder of folders) expect(existsSync(folder)).toBe(false);
      } finally {
        await written.remove();
      }
    }, 20_000);
  }
});

describe('shutdown with a job waiting on a password prompt', () => {
  const setup = useInstallTestSetup();

  it('dispose cancels the job and stops waiting after its limit, with a warning', async () => {
    const { root, installerDir } = await setup.rootWithInstaller();
    const cancels: number[] = [];
    // A pkexec/UAC prompt nobody answers: run() never settles and cancel cannot close it.
    let prompting = false;
    const pendingPrompt: Elevator = {
      mode: 'helper',
      run: () => {
        prompting = true;
        return { done: new Promise<PrivilegedResult>(() => {}), cancel: () => void cancels.push(Date.now()) };
      },
    };
    const installer = setup.installer(root, { elevator: pendingPrompt, disposeLimitMs: 300 });
    const warnings: string[] = [];
    // The core reads deps.logger when it warns; replace it on this installer's deps only (silentLogger is shared).
    (installer.deps as { logger: Logger }).logger = { ...silentLogger, warn: (message) => void warnings.push(message) };
    const jobId = await installer.start('startInstall', {
      installerDir,
      registration: { mode: 'none', serverKind: 'classic' },
    });
    // Shut down once the prompt is up (the extract step shows running a moment before it asks).
    while (!prompting) await new Promise((r) => setTimeout(r, 20));
    const disposed = await Promise.race([
      installer.dispose().then(() => 'disposed'),
      new Promise((r) => setTimeout(() => r('still waiting'), 5_000)),
    ]);
    expect(disposed).toBe('disposed');
    expect(cancels.length).toBeGreaterThan(0);
    expect(warnings.some((w) => w.includes('still running at shutdown'))).toBe(true);
    expect(jobId).toBeTruthy();
  });
});
