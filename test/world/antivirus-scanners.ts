/** Anti-virus scanners in a sandbox root: configuration files, install folders, /proc entries and recording tools. */
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const FIXTURES = path.resolve(__dirname, '../fixtures/linux');
const DEBIAN_12 = path.resolve(__dirname, '../fixtures/roots/debian-12');

export interface AvSandbox {
  root: string;
  /** A file under the root, by its system path. */
  at(systemPath: string): string;
  read(systemPath: string): string;
}

/** A Debian 12 sandbox root (release files only) to which each test adds the scanner it needs. */
export function avSandbox(): AvSandbox {
  const root = mkdtempSync(path.join(os.tmpdir(), 'av-sandbox-'));
  cpSync(DEBIAN_12, root, { recursive: true });
  return sandboxAt(root);
}

/** Scanner helpers for an existing sandbox root (the e2e install world's). */
export function sandboxAt(root: string): AvSandbox {
  const at = (systemPath: string) => path.join(root, systemPath);
  return { root, at, read: (systemPath) => readFileSync(at(systemPath), 'utf8') };
}

/** ClamAV as Debian installs it: /etc/clamav/clamd.conf (0644), the unit file, a running clamd in /proc. */
export function addClamav(sandbox: AvSandbox, fixture = 'clamd-debian-default.conf'): void {
  mkdirSync(sandbox.at('/etc/clamav'), { recursive: true });
  writeFileSync(sandbox.at('/etc/clamav/clamd.conf'), readFileSync(path.join(FIXTURES, fixture)), { mode: 0o644 });
  chmodSync(sandbox.at('/etc/clamav/clamd.conf'), 0o644);
  mkdirSync(sandbox.at('/lib/systemd/system'), { recursive: true });
  writeFileSync(
    sandbox.at('/lib/systemd/system/clamav-daemon.service'),
    '[Service]\nExecStart=/usr/sbin/clamd --foreground=true\n',
  );
  addProcess(sandbox, 4242, 'clamd', ['/usr/sbin/clamd', '--foreground=true']);
}

export function addProcess(sandbox: AvSandbox, pid: number, comm: string, argv: string[]): void {
  mkdirSync(sandbox.at(`/proc/${pid}`), { recursive: true });
  writeFileSync(sandbox.at(`/proc/${pid}/comm`), `${comm}\n`);
  writeFileSync(sandbox.at(`/proc/${pid}/cmdline`), `${argv.join('\0')}\0`);
}

/**
 * A systemctl under the root prefix that records its arguments: the fix's restart is a real child process, and
 * the real service manager is never reached from a sandbox. `sleepSeconds` makes the restart take a while, as a
 * real daemon's does, so a test can watch the fix job run.
 */
export function addRecordingSystemctl(sandbox: AvSandbox, exitCode = 0, sleepSeconds = 0): string {
  const log = sandbox.at('/var/log/systemctl-calls.log');
  mkdirSync(path.dirname(log), { recursive: true });
  mkdirSync(sandbox.at('/usr/bin'), { recursive: true });
  const sleep = sleepSeconds > 0 ? `sleep ${sleepSeconds}\n` : '';
  writeFileSync(sandbox.at('/usr/bin/systemctl'), `#!/bin/sh\n${sleep}echo "$@" >> '${log}'\nexit ${exitCode}\n`, {
    mode: 0o755,
  });
  return log;
}

/** An mdatp under the root prefix that prints the given exclusion list and records adds (as the real one, it needs the path to exist). */
export function addMdatp(
  sandbox: AvSandbox,
  listFixture: string,
  options: { realTime?: string; addOutput?: string; addExit?: number; dropAdds?: boolean } = {},
): string {
  const log = sandbox.at('/var/log/mdatp-calls.log');
  mkdirSync(path.dirname(log), { recursive: true });
  mkdirSync(sandbox.at('/usr/bin'), { recursive: true });
  mkdirSync(sandbox.at('/opt/microsoft/mdatp'), { recursive: true });
  const list = sandbox.at('/var/lib/mdatp-list.txt');
  mkdirSync(path.dirname(list), { recursive: true });
  writeFileSync(list, readFileSync(path.join(FIXTURES, listFixture)));
  const script = [
    '#!/bin/sh',
    `echo "$@" >> '${log}'`,
    `if [ "$1" = health ]; then echo '${options.realTime ?? 'true'}'; exit 0; fi`,
    `if [ "$1" = exclusion ] && [ "$2" = list ]; then cat '${list}'; exit 0; fi`,
    // The added folder shows up in the next list, as with the real tool (unless the test says the add is refused).
    `if [ "$1" = exclusion ] && [ "$2" = folder ] && [ "$3" = add ]; then`,
    `  if [ ${options.addExit ?? 0} -ne 0 ]; then echo '${options.addOutput ?? 'refused'}'; exit ${options.addExit ?? 0}; fi`,
    ...(options.dropAdds
      ? []
      : [
          `  printf '=====================================\\nExcluded folder\\nPath: "%s"\\nScope: ["global"]\\n' "$5" >> '${list}'`,
        ]),
    `  echo '${options.addOutput ?? 'Folder exclusion configured successfully'}'; exit 0`,
    'fi',
    'exit 3',
  ].join('\n');
  writeFileSync(sandbox.at('/usr/bin/mdatp'), `${script}\n`, { mode: 0o755 });
  return log;
}
