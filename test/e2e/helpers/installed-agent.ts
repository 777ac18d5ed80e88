/**
 * An earlier agent already on the sandbox, put there the way an operator would: the command line installs a given
 * version of the test package, unregistered. The upgrade and uninstall flows start from it.
 */
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { buildAgentPackage } from '../../world/agent-package';
import { installOnlyArgs, runCli } from '../../world/cli-process';
import type { InstallWorld } from './install-world';

/** Installs `version` of the test package into the world's sandbox with the CLI (no registration). */
export async function installWithCli(world: InstallWorld, version: string): Promise<void> {
  const dir = await mkdtemp(path.join(world.sandbox.root, `agent-${version}-`));
  await buildAgentPackage({ outDir: dir, token: 'DEBIAN12-64', version, behavior: {} });
  const run = await runCli(installOnlyArgs(world.sandbox.root, dir));
  if (run.code !== 0) throw new Error(`installing ${version} failed (${run.code}): ${run.stderr}`);
}
