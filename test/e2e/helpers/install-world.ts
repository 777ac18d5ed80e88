import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { AgentBehavior } from '../../world/agent-package';
import { startCsSimulator } from '../../world/cs-simulator';
import type { CsSimulator } from '../../world/cs-simulator';
import { createDemoSandbox } from '../../world/demo-sandbox';
import type { DemoSandbox } from '../../world/demo-sandbox';
import { startServe } from './serve';
import type { ServedCli } from './serve';
import { installOnlyArgs, runCli } from '../../world/cli-process';

export const PASSPHRASE = 'E2ePass0123456AB';
const DEBIAN_12 = path.resolve(__dirname, '..', '..', 'fixtures', 'roots', 'debian-12');

export interface InstallWorld {
  sandbox: DemoSandbox;
  sim: CsSimulator;
  served: ServedCli;
  /** The configuration server address the wizard was prefilled with. */
  endpoint: string;
  /** The sandbox's /usr/local/.vx_version, or null when the agent is not installed. */
  vxVersion(): Promise<string | null>;
  close(): Promise<void>;
}

/**
 * A Debian 12 sandbox root with a real agent package (behaving as told), a configuration server simulator
 * on 127.0.0.1, and `mobility-setup serve` started with all of it prefilled, as `npm run demo` does.
 */
export async function startInstallWorld(
  options: {
    behavior?: AgentBehavior;
    inactivityTimeoutSeconds?: number;
    endpoint?: string;
    installedUnregistered?: boolean;
  } = {},
): Promise<InstallWorld> {
  const sandbox = await createDemoSandbox({ sourceRoot: DEBIAN_12, behavior: options.behavior ?? {} });
  if (options.installedUnregistered) await installWithoutRegistering(sandbox);
  const sim = await startCsSimulator({ passphrase: PASSPHRASE });
  const endpoint = options.endpoint ?? sim.endpoint;
  const args = [
    '--installer-dir',
    sandbox.installerDir,
    '--cs-endpoint',
    endpoint,
    '--data-port',
    String(sim.dataPort),
    '--demo',
  ];
  if (options.inactivityTimeoutSeconds !== undefined)
    args.push('--inactivity-timeout', String(options.inactivityTimeoutSeconds));
  const served = await startServe(args, { root: sandbox.root });
  return {
    sandbox,
    sim,
    served,
    endpoint,
    vxVersion: () => readFile(path.join(sandbox.root, 'usr', 'local', '.vx_version'), 'utf8').catch(() => null),
    async close() {
      await served.stop();
      await sim.close();
      await rm(sandbox.root, { recursive: true, force: true });
    },
  };
}

/** Puts the agent in the sandbox, unregistered, with the silent command line (as an earlier install would have). */
async function installWithoutRegistering(sandbox: DemoSandbox): Promise<void> {
  const run = await runCli(installOnlyArgs(sandbox.root, sandbox.installerDir));
  if (run.code !== 0) throw new Error(`preparing an installed, unregistered agent failed (${run.code}): ${run.stderr}`);
}
