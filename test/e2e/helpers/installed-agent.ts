/**
 * An earlier agent already on the sandbox, put there the way an operator would: the command line installs a given
 * version of the test package, unregistered. The upgrade and uninstall flows start from it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { buildAgentPackage } from '../../world/agent-package';
import { childCoverageEnv } from '../../world/child-coverage';
import type { InstallWorld } from './install-world';

const REPO = path.resolve(__dirname, '..', '..', '..');

/** Installs `version` of the test package into the world's sandbox with the CLI (no registration). */
export async function installWithCli(world: InstallWorld, version: string): Promise<void> {
  const dir = await mkdtemp(path.join(world.sandbox.root, `agent-${version}-`));
  await buildAgentPackage({ outDir: dir, token: 'DEBIAN12-64', version, behavior: {} });
  const cli = [
    'bin/mobility-setup.js',
    '--root',
    world.sandbox.root,
    'install',
    '--installer-dir',
    dir,
    '--no-register',
    '--server-kind',
    'classic',
    '--yes',
  ];
  const env = { ...process.env, ...childCoverageEnv() };
  const run = spawnSync(process.execPath, cli, { cwd: REPO, encoding: 'utf8', timeout: 60_000, env });
  if (run.status !== 0) throw new Error(`installing ${version} failed (${run.status}): ${run.stderr}`);
}
