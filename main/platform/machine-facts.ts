import os from 'node:os';
import type { SystemPaths } from './system-paths';
import type { RootFiles } from './root-files';

/** Node's process.arch names → `uname -m` names, which the vendor's rules and the report use. */
const UNAME_ARCH: Record<string, string> = {
  x64: 'x86_64',
  arm64: 'aarch64',
  ia32: 'i686',
  arm: 'armv7l',
  ppc64: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
  loong64: 'loongarch64',
};

export function unameArch(nodeArch: string): string {
  return UNAME_ARCH[nodeArch] ?? nodeArch;
}

export interface MachineFacts {
  kernel: string;
  arch: string;
}

/**
 * A fixture root's stand-in for `uname -r` / `uname -m`: a sandbox root cannot change the running
 * kernel or CPU, so `<root>/.mobility-setup-fixture.json` ({"arch": "aarch64", "kernel": "…"}) may
 * override them. It is read ONLY when the root is not "/": on a real system nothing overrides uname.
 */
export const FIXTURE_FILE = '/.mobility-setup-fixture.json';

export async function readMachineFacts(paths: SystemPaths, files: RootFiles): Promise<MachineFacts> {
  const real: MachineFacts = { kernel: os.release(), arch: unameArch(os.arch()) };
  if (!paths.isSandbox) return real;
  const text = await files.readText(FIXTURE_FILE);
  if (text === null) return real;
  try {
    const parsed = JSON.parse(text) as { arch?: unknown; kernel?: unknown };
    return {
      arch: typeof parsed.arch === 'string' ? parsed.arch : real.arch,
      kernel: typeof parsed.kernel === 'string' ? parsed.kernel : real.kernel,
    };
  } catch {
    return real;
  }
}
