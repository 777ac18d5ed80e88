/**
 * The demo's sandbox: a root prefix that looks like this machine (copies of its release files), an
 * installers folder holding a package built for this machine's token, and its checksum. Detection in
 * the sandbox then reports this machine's token, and nothing on the real system changes.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SystemPaths } from '../../main/platform/system-paths';
import { readMachineFacts } from '../../main/platform/machine-facts';
import type { OsSection } from '../../main/platform/detection-probes';
import { linuxOsVerdict, RELEASE_FILE_PATHS } from '../../main/platform/linux/os-token';
import type { LinuxReleaseFiles } from '../../main/platform/linux/os-token';
import { createRootFiles } from '../../main/platform/root-files';
import { buildAgentPackage, writeChecksum } from './agent-package';
import type { AgentBehavior } from './agent-package';

/** A token to build for when this machine has none (unsupported distribution or CPU): the wizard still opens and says why. */
export const FALLBACK_TOKEN = 'UBUNTU-24.04-64';

export interface DemoSandbox {
  root: string;
  installerDir: string;
  packageFile: string;
  checksumFile: string;
  /** The token detection reports in the sandbox (null: this machine is not supported). */
  token: string | null;
  os: OsSection;
  copiedFiles: string[];
}

/** Copies the release files the vendor's detection reads from `sourceRoot` ("/" = this machine) into `root`. */
export async function copyReleaseFiles(root: string, sourceRoot = '/'): Promise<string[]> {
  const source = new SystemPaths(sourceRoot);
  const target = new SystemPaths(root);
  const copied: string[] = [];
  for (const systemPath of Object.values(RELEASE_FILE_PATHS)) {
    // Follow links (/etc/os-release → ../usr/lib/os-release): the sandbox gets the content, not a link out of it.
    const text = await fs.readFile(source.resolve(systemPath), 'utf8').catch(() => null);
    if (text === null) continue;
    const to = target.resolve(systemPath);
    await fs.mkdir(path.dirname(to), { recursive: true });
    await fs.writeFile(to, text);
    copied.push(systemPath);
  }
  return copied;
}

/** What detection will say about the OS under `root`: the same pieces the Linux probe uses. */
export async function readSandboxOs(root: string): Promise<OsSection> {
  const paths = new SystemPaths(root);
  const files = createRootFiles(paths);
  const keys = Object.keys(RELEASE_FILE_PATHS) as (keyof LinuxReleaseFiles)[];
  const texts = await Promise.all(keys.map((key) => files.readText(RELEASE_FILE_PATHS[key])));
  const releaseFiles = Object.fromEntries(
    keys.map((key, i) => [key, texts[i] ?? null]),
  ) as unknown as LinuxReleaseFiles;
  const machine = await readMachineFacts(paths, files);
  return linuxOsVerdict(releaseFiles, machine.arch, machine.kernel);
}

export interface DemoSandboxOptions {
  /** Where the sandbox goes; a new mobility-setup-demo-XXXX under the temp folder when absent. */
  root?: string;
  /** Release files come from here ("/" = this machine); tests pass a fixture root. */
  sourceRoot?: string;
  behavior?: AgentBehavior;
}

export async function createDemoSandbox(options: DemoSandboxOptions = {}): Promise<DemoSandbox> {
  const root = options.root ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'mobility-setup-demo-')));
  const copiedFiles = await copyReleaseFiles(root, options.sourceRoot);
  const osSection = await readSandboxOs(root);
  const installerDir = path.join(root, 'installers');
  const packageFile = await buildAgentPackage({
    outDir: installerDir,
    token: osSection.token ?? FALLBACK_TOKEN,
    behavior: options.behavior ?? {},
  });
  const checksumFile = await writeChecksum(packageFile, { kind: 'sidecar' });
  return { root, installerDir, packageFile, checksumFile, token: osSection.token, os: osSection, copiedFiles };
}
