/**
 * `install … 2>&1 | grep -m1 'Registering with'`: the reader closes the pipe mid-job. The CLI must treat the
 * failed write (EPIPE) like SIGHUP: cancel the job cleanly, delete the passphrase file and the extracted
 * installer, end the vendor process group, and exit with the cancel code 1602 (66 as a Linux exit status).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes';
import {
  PASSPHRASE,
  alive,
  leftovers,
  pidsMentioning,
  readVx,
  useInstallTestSetup,
} from '../core/install/install-world';
import { BUILT, NOT_BUILT_REASON } from './cli-world';
import { installAndRegisterArgs, startCli } from '../../world/cli-process';

const setup = useInstallTestSetup();
const strays: number[] = [];
afterEach(() => {
  for (const pid of strays.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone (the expected case).
    }
  }
});

describe.skipIf(!BUILT)(`a closed output pipe (EPIPE)${BUILT ? '' : ` — skipped: ${NOT_BUILT_REASON}`}`, () => {
  it('cancels the job cleanly: no secret file, no extracted folder, no vendor process; exit 1602 (66)', async () => {
    // The configurator prints a line, pauses, prints "Connecting to…" and then waits (as a slow server would):
    // the pipe is closed during the pause, so the "Connecting" line is the write that meets EPIPE mid-job.
    const { root, installerDir } = await setup.rootWithInstaller({ behavior: { slowMs: 700, hangIn: 'register' } });
    const passphraseFile = path.join(root, 'MobSvc.passphrase');
    await writeFile(passphraseFile, `${PASSPHRASE}\n`, { mode: 0o600 });
    const { child, exited } = startCli([
      ...installAndRegisterArgs(root, installerDir, setup.cs.endpoint, passphraseFile),
      '--verbose',
    ]);
    // The reader: like `2>&1 | grep -m1 'Registering with'`, it reads both streams and closes them at the first match.
    let seen = '';
    let secretsWhenClosed: string[] = [];
    const closedEarly = new Promise<void>((resolve) => {
      const read = (chunk: Buffer) => {
        seen += chunk.toString('utf8');
        if (!seen.includes('Registering with')) return;
        child.stdout.off('data', read);
        child.stderr.off('data', read);
        void (async () => {
          // The passphrase file is written just after that line: close once it exists, so the attack is mid-job.
          const end = Date.now() + 10_000;
          while (secretsWhenClosed.length === 0 && Date.now() < end) {
            secretsWhenClosed = (await leftovers(root)).filter((n) => n.startsWith('mobility-setup-secrets/'));
            if (secretsWhenClosed.length === 0) await new Promise((r) => setTimeout(r, 5));
          }
          strays.push(...(await pidsMentioning(root)).filter((pid) => pid !== child.pid));
          child.stdout.destroy();
          child.stderr.destroy();
          resolve();
        })();
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
    });
    await closedEarly;
    // The attack's precondition held: the secret existed when the pipe closed, mid-job.
    expect(secretsWhenClosed.length).toBe(1);
    const { code, signal } = await exited;
    expect(signal).toBeNull();
    expect(code).toBe(EXIT.cancelled & 0xff);
    expect(await leftovers(root)).toEqual([]);
    for (const pid of strays) expect(alive(pid)).toBe(false);
    // Installed, not registered: the configurator was ended before it registered.
    expect((await readVx(root)).get('AGENT_CONFIGURATION_STATUS')).not.toBe('Succeeded');
  }, 60_000);
});
