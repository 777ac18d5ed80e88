/** A dropped SSH session sends SIGHUP: the CLI must clean up as for Ctrl+C, not die with a vendor tree and a secret left behind. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSPHRASE, alive, leftovers, pidsMentioning, useInstallTestSetup } from '../core/install/install-world';
import { BUILT, NOT_BUILT_REASON } from './cli-world';
import { installAndRegisterArgs, startCli as startCliProcess } from '../../world/cli-process';
import type { RunningCli } from '../../world/cli-process';

const setup = useInstallTestSetup();
const started: RunningCli['child'][] = [];
const strays: number[] = [];
afterEach(() => {
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const pid of strays.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone (the expected case).
    }
  }
});

/** Starts the CLI, kept for afterEach to end should the test fail before it exits. */
function startCli(args: string[]): RunningCli {
  const cli = startCliProcess(args);
  started.push(cli.child);
  return cli;
}

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.skipIf(!BUILT)(`SIGHUP (SSH session dropped)${BUILT ? '' : ` — skipped: ${NOT_BUILT_REASON}`}`, () => {
  it('install: the job is cancelled, the vendor process group ends and no secret folder remains', async () => {
    const { root, installerDir } = await setup.rootWithInstaller({ behavior: { hangIn: 'register' } });
    const passphraseFile = path.join(root, 'MobSvc.passphrase');
    await writeFile(passphraseFile, `${PASSPHRASE}\n`, { mode: 0o600 });
    const cli = startCli(installAndRegisterArgs(root, installerDir, setup.cs.endpoint, passphraseFile, { json: true }));
    await cli.stderrContains('[register] running');
    // The hung configurator and the secret it was given exist now.
    let vendor: number[] = [];
    await until(
      async () => (vendor = (await pidsMentioning(root)).filter((pid) => pid !== cli.child.pid)).length > 0,
      'the vendor process',
    );
    strays.push(...vendor);
    expect((await leftovers(root)).some((n) => n.startsWith('mobility-setup-secrets/'))).toBe(true);

    cli.child.kill('SIGHUP');
    const { code, signal } = await cli.exited;
    expect(signal).toBeNull();
    expect(code).not.toBe(0);
    expect(JSON.parse(cli.output.stdout)).toMatchObject({
      ok: false,
      exitCode: 1602,
      result: { job: { state: 'cancelled' } },
    });
    for (const pid of vendor) expect(alive(pid)).toBe(false);
    expect(await leftovers(root)).toEqual([]);
  });

  it('serve: closes the host and exits normally', async () => {
    const { root } = await setup.rootWithInstaller();
    const cli = startCli(['--root', root, '--json', 'serve', '--port', '0']);
    await until(() => cli.output.stdout.includes('"url"'), 'the serve link');
    const { port } = (JSON.parse(cli.output.stdout) as { result: { port: number } }).result;
    cli.child.kill('SIGHUP');
    expect(await cli.exited).toMatchObject({ code: 0, signal: null });
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });
});
