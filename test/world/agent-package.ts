/**
 * Builds real agent packages (tar.gz) for tests and the demo. The archive holds executable Node scripts
 * that behave like the vendor's Linux installer, configurator and uninstaller (see test/world/vendor/*),
 * plus `behavior.json` with the knobs below, so one package can be told to fail, hang, print a flood of
 * lines or ask for a reboot without any code outside the package knowing.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { CONFIGURATOR_JS } from './vendor/configurator-script';
import { INSTALL_JS } from './vendor/install-script';
import { UA_LIB_JS } from './vendor/ua-lib-script';
import { UNINSTALL_JS } from './vendor/uninstall-script';

/** Knobs baked into the package (behavior.json). Exit-code semantics: see vendor/install-script.ts. */
export interface AgentBehavior {
  /** Exit code of `install`. 98/1641/3010 complete the install first; anything else fails before writing. */
  installExit?: number;
  /** With a failing installExit: the vendor's own reason, printed before its generic failure line. */
  installErrorLine?: string;
  /** Exit code of the configurator, returned before contacting the server. */
  registerExit?: number;
  /** Exit code of `uninstall.sh`, returned before removing anything. */
  uninstallExit?: number;
  /** Stop printing and stay alive until killed. */
  hangIn?: 'install' | 'register' | 'uninstall';
  /** With hangIn: ignore SIGTERM, so only SIGKILL ends it (tests kill escalation). */
  ignoreSigterm?: boolean;
  /** Print this many numbered lines during install (200,000 works). */
  installLogLines?: number;
  /** Install succeeds, says a reboot is recommended, exits 3010 (delivered as 194 on Linux: 8-bit status). */
  rebootRequired?: boolean;
  /** Pause before each step, in milliseconds. */
  slowMs?: number;
}

export interface AgentPackageOptions {
  outDir: string;
  /** OS token, e.g. "DEBIAN12-64" or "UBUNTU-24.04-64". */
  token: string;
  version?: string;
  date?: string;
  behavior?: AgentBehavior;
}

/** 8-bit exit status a Linux parent sees for a vendor code (3010 → 194, 1641 → 105). */
export const linuxExitStatus = (code: number): number => code & 0xff;

export function agentPackageName(token: string, version = '9.65.0.0', date = '23Apr2025'): string {
  return `Microsoft-ASR_UA_${version}_${token}_GA_${date}_release.tar.gz`;
}

const SCRIPTS: ReadonlyArray<[name: string, text: string, mode: number]> = [
  ['install', INSTALL_JS, 0o755],
  ['UnifiedAgentConfigurator.sh', CONFIGURATOR_JS, 0o755],
  ['uninstall.sh', UNINSTALL_JS, 0o755],
  ['ua-lib.js', UA_LIB_JS, 0o644],
];

export async function buildAgentPackage(options: AgentPackageOptions): Promise<string> {
  const { outDir, token, version = '9.65.0.0', date = '23Apr2025', behavior = {} } = options;
  // The name is part of what is tested (installer finder): keep it to the characters the vendor uses.
  if (!/^[A-Za-z0-9.-]+$/.test(token)) throw new Error(`invalid token: ${token}`);
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(version)) throw new Error(`version must have 4 numeric parts: ${version}`);
  if (!/^[A-Za-z0-9]+$/.test(date)) throw new Error(`invalid date: ${date}`);

  const stage = await fs.mkdtemp(path.join(os.tmpdir(), 'ua-package-'));
  try {
    for (const [name, text, mode] of SCRIPTS) {
      const file = path.join(stage, name);
      await fs.writeFile(file, text);
      // chmod after writing: the mode given to writeFile is masked by the umask.
      await fs.chmod(file, mode);
    }
    await fs.writeFile(path.join(stage, 'behavior.json'), JSON.stringify(behavior, null, 2) + '\n');
    await fs.writeFile(path.join(stage, 'ua-package.json'), JSON.stringify({ version, token, date }, null, 2) + '\n');
    await fs.mkdir(outDir, { recursive: true });
    const file = path.join(outDir, agentPackageName(token, version, date));
    const entries = [...SCRIPTS.map(([name]) => name), 'behavior.json', 'ua-package.json'];
    await tar.c({ gzip: true, cwd: stage, file, portable: true }, entries);
    return file;
  } finally {
    await fs.rm(stage, { recursive: true, force: true });
  }
}

export interface ChecksumOptions {
  /** `<file>.sha256` next to the file, or a `SHA256SUMS` list in the same folder. */
  kind: 'sidecar' | 'sums';
  /** Write a checksum that does not match (one hex digit changed). */
  wrong?: boolean;
}

export async function sha256File(file: string): Promise<string> {
  return createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');
}

/** Writes `<hex>  <name>` (sha256sum format); returns the checksum file's path. */
export async function writeChecksum(file: string, options: ChecksumOptions): Promise<string> {
  let hex = await sha256File(file);
  if (options.wrong) hex = (hex[0] === '0' ? '1' : '0') + hex.slice(1);
  const name = path.basename(file);
  const line = `${hex}  ${name}\n`;
  if (options.kind === 'sidecar') {
    const target = `${file}.sha256`;
    await fs.writeFile(target, line);
    return target;
  }
  const target = path.join(path.dirname(file), 'SHA256SUMS');
  // Keep other files' lines: a folder may hold several installers listed in one SHA256SUMS.
  const existing = await fs.readFile(target, 'utf8').catch(() => '');
  const others = existing.split('\n').filter((l) => l.trim() !== '' && !l.endsWith(`  ${name}`));
  await fs.writeFile(target, [...others, line.trimEnd()].join('\n') + '\n');
  return target;
}
