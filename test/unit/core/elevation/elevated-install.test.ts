import { existsSync } from 'node:fs';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultHelperCommand } from '../../../../main/core/elevation/helper-command';
import type { HelperCommand } from '../../../../main/core/elevation/helper-command';
import { createHelperElevator } from '../../../../main/core/elevation/helper-elevator';
import type { HelperLauncher, LaunchOutcome } from '../../../../main/core/elevation/helper-elevator';
import { runHelper } from '../../../../main/core/elevation/run-helper';
import { NO_POLKIT_MESSAGE } from '../../../../main/core/elevation/sudo-prompt-launcher';
import { spawnProcess } from '../../../../main/platform/process-runner';
import { PASSPHRASE, alive, leftovers, pidsMentioning, readVx, useInstallTestSetup } from '../install/install-world';

const BUILT_CLI = path.resolve(__dirname, '../../../../dist/main/cli.js');
const setup = useInstallTestSetup();

interface SeenRequest {
  command: HelperCommand;
  dirMode: number;
  fileMode: number;
  text: string;
}

/** Records what the elevated side would be given, then runs it as `run` decides. */
function recordingLauncher(
  run: (command: HelperCommand) => Promise<LaunchOutcome>,
  seen: SeenRequest[],
): HelperLauncher {
  return {
    async launch(command) {
      const file = command.args.at(-1)!;
      seen.push({
        command,
        dirMode: (await stat(path.dirname(file))).mode & 0o777,
        fileMode: (await stat(file)).mode & 0o777,
        text: await readFile(file, 'utf8'),
      });
      return run(command);
    },
  };
}

async function world(launcher: HelperLauncher, cliPath = '/opt/mobility-setup/dist/main/cli.js', behavior = {}) {
  const { root, installerDir } = await setup.rootWithInstaller({ behavior });
  const elevator = createHelperElevator('linux', launcher, defaultHelperCommand(cliPath));
  const installer = setup.installer(root, { elevator });
  return { root, installerDir, installer };
}

const classic = { mode: 'classic', endpoint: '', passphrase: PASSPHRASE };

describe('privileged steps through the elevated helper', () => {
  it('install + register run through the fixed helper command; requests are private and hold no secret', async () => {
    const seen: SeenRequest[] = [];
    const { root, installerDir, installer } = await world(
      recordingLauncher(async (c) => (await runHelper(c.args.at(-1)!), { kind: 'completed' }), seen),
    );
    const job = await installer.run('startInstall', {
      installerDir,
      registration: { ...classic, endpoint: setup.cs.endpoint },
    });
    expect(job.outcome?.message).toContain('installed');
    expect(job.state).toBe('succeeded');
    expect((await readVx(root)).get('AGENT_CONFIGURATION_STATUS')).toBe('Succeeded');
    expect(seen.map((s) => JSON.parse(s.text).operation.operation)).toEqual(['install', 'register']);
    // The install request names the installer FILE and its SHA-256; the helper extracts it itself.
    expect(JSON.parse(seen[0]!.text).operation.installer).toEqual({
      file: await realpath(path.join(installerDir, (await readdir(installerDir))[0]!)),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    for (const s of seen) {
      expect(s.command.file).toBe(process.execPath);
      expect(s.command.args.slice(0, 3)).toEqual(['/opt/mobility-setup/dist/main/cli.js', 'helper', '--request']);
      expect(path.basename(s.command.args[3]!)).toBe('request.json');
      expect(s.dirMode).toBe(0o700);
      expect(s.fileMode).toBe(0o600);
      expect(s.text).not.toContain(PASSPHRASE);
    }
    // The vendor output still reaches the job log through the helper's output file.
    expect(await readFile(job.logFiles[0]!, 'utf8')).toContain('Installation completed successfully.');
    // Every request folder it used is gone (only its own: other tests may be elevating at the same time).
    for (const s of seen) {
      expect(path.basename(path.dirname(s.command.args[3]!))).toMatch(/^mobility-setup-elevate-/);
      expect(existsSync(path.dirname(s.command.args[3]!))).toBe(false);
    }
    expect(await leftovers(root)).toEqual([]);
  });

  it.skipIf(!existsSync(BUILT_CLI))(
    'the built CLI runs as the helper in a real child process (same fixed command, no sudo)',
    async () => {
      const launcher: HelperLauncher = {
        async launch(command) {
          const result = await spawnProcess(command.file, command.args).done;
          return result.code === 0 || result.code === 3
            ? { kind: 'completed' }
            : { kind: 'unavailable', code: 'elevation.failed', message: result.stderr, hint: '' };
        },
      };
      const { root, installerDir, installer } = await world(launcher, BUILT_CLI);
      const job = await installer.run('startInstall', {
        installerDir,
        registration: { ...classic, endpoint: setup.cs.endpoint },
      });
      expect(job.outcome?.code).toBe('install.succeeded');
      expect((await readVx(root)).get('Version')).toBe('9.65.0.0');
    },
  );

  it('a dismissed password prompt ends the job as cancelled, with nothing installed', async () => {
    const { root, installerDir, installer } = await world({ launch: () => Promise.resolve({ kind: 'notGranted' }) });
    const job = await installer.run('startInstall', {
      installerDir,
      registration: { ...classic, endpoint: setup.cs.endpoint },
    });
    expect(job.state).toBe('cancelled');
    expect(job.outcome).toMatchObject({ code: 'elevation.notGranted', machineState: 'Nothing was installed.' });
    expect((await readVx(root)).size).toBe(0);
    expect(await leftovers(root)).toEqual([]);
  });

  it('no polkit agent: a clear message naming sudo', async () => {
    const { installerDir, installer } = await world({
      launch: () =>
        Promise.resolve({ kind: 'unavailable', code: 'elevation.noPolkitAgent', message: NO_POLKIT_MESSAGE, hint: '' }),
    });
    const job = await installer.run('startInstall', {
      installerDir,
      registration: { mode: 'none', serverKind: 'classic' },
    });
    expect(job.state).toBe('failed');
    expect(job.outcome?.code).toBe('elevation.noPolkitAgent');
    expect(job.outcome?.message).toContain('sudo mobility-setup install');
  });

  it('cancel reaches the elevated command through the cancel file and ends its tree', async () => {
    const { root, installerDir, installer } = await world(
      { launch: async (c) => (await runHelper(c.args.at(-1)!), { kind: 'completed' }) },
      undefined,
      { hangIn: 'install' },
    );
    const jobId = await installer.start('startInstall', {
      installerDir,
      registration: { mode: 'none', serverKind: 'classic' },
    });
    while (
      !installer.events.some(
        (e) =>
          e.name === 'jobLog' &&
          (e.payload as { lines: string[] }).lines.some((l) => l.includes('Installing Mobility service components')),
      )
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const pids = await pidsMentioning(root);
    expect(pids.length).toBeGreaterThan(0);
    const snapshot = await installer.handlers.cancelJob({ jobId });
    expect(snapshot.state).toBe('cancelled');
    // Read back from the machine: the hung installer wrote no agent state, so nothing is installed.
    expect(snapshot.outcome?.machineState).toMatch(/^The Mobility service is not installed/);
    for (const pid of pids) expect(alive(pid)).toBe(false);
  });
});
