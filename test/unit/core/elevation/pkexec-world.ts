/**
 * The real elevation path on this machine: a system D-Bus, polkitd, a local test user and a polkit rule
 * (scripts/polkit-test-env.sh), and the built CLI run AS that user, so installs elevate through
 * @vscode/sudo-prompt → /usr/bin/pkexec → the helper exactly as on a server.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { BUILT, NOT_BUILT_REASON } from '../../cli/cli-world';
import { BIN, REPO, startNode } from '../../../world/cli-process';
import type { CliResult } from '../../../world/cli-process';

const SCRIPT = path.join(REPO, 'scripts/polkit-test-env.sh');
export const TEST_USER = 'ms-elev-test';

const NEEDED = ['/usr/bin/pkexec', '/usr/lib/polkit-1/polkitd', '/usr/bin/dbus-daemon'];

/** Why the real pkexec test cannot run here, or null when it can (it must in CI: .ci/run installs the packages). */
export function pkexecSkipReason(): string | null {
  if (process.platform !== 'linux') return 'pkexec is Linux only';
  if (process.getuid?.() !== 0) return 'needs root to create the test user and the polkit rule';
  const missing = NEEDED.filter((file) => !existsSync(file));
  if (missing.length > 0) return `${missing.join(', ')} missing: apt-get install pkexec polkitd dbus`;
  if (!BUILT) return NOT_BUILT_REASON;
  return null;
}

function script(...args: string[]): void {
  const run = spawnSync(SCRIPT, args, { encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0)
    throw new Error(`polkit-test-env.sh ${args.join(' ')} failed (${String(run.status)}): ${run.stderr}`);
}

export interface TestUser {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

/** Starts the bus and polkitd (when none runs) and creates the test user. */
export function polkitUp(): TestUser {
  script('up');
  script('user', TEST_USER);
  const entry = spawnSync('getent', ['passwd', TEST_USER], { encoding: 'utf8' }).stdout.trim().split(':');
  return { name: TEST_USER, uid: Number(entry[2]), gid: Number(entry[3]), home: entry[5] ?? `/home/${TEST_USER}` };
}

/** What polkit answers the test user for pkexec: YES, AUTH_ADMIN (there is no agent: "No authentication agent found"), NO. */
export const polkitRule = (result: 'yes' | 'auth_admin' | 'no') => script('rule', TEST_USER, result);

/** Removes the rule and the user, and stops what polkitUp started. */
export const polkitDown = () => script('down', TEST_USER);

export function chownTree(dir: string, user: TestUser): void {
  const run = spawnSync('chown', ['-R', `${user.uid}:${user.gid}`, dir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`chown failed: ${run.stderr}`);
}

/** Runs the built CLI as the test user: its uid and gid, its home, a minimal environment, no terminal. */
export function runCliAs(user: TestUser, args: string[]): Promise<CliResult> {
  return runNodeAs(user, [BIN, ...args]);
}

/** Runs node with `args` as the test user (the CLI, or a script playing that user's attack). */
export function runNodeAs(user: TestUser, args: string[]): Promise<CliResult> {
  const env = { PATH: '/usr/bin:/bin', HOME: user.home, USER: user.name, LOGNAME: user.name };
  return startNode(args, { asUser: { uid: user.uid, gid: user.gid, cwd: user.home, env } }).exited;
}

const uidOf = async (pid: string) =>
  Number(/^Uid:\s+(\d+)/m.exec(await readFile(`/proc/${pid}/status`, 'utf8').catch(() => ''))?.[1] ?? -1);

/**
 * Samples every process's argv and environment every 20 ms: where `canary` shows up, and which elevated
 * processes ran (pkexec, and the helper with its uid).
 */
export function sampleProcesses(canary: string) {
  const hits: string[] = [];
  const seen = { pkexec: false, helperUids: new Set<number>(), helperPkexecUids: new Set<string>() };
  let samples = 0;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void (async () => {
      for (const pid of await readdir('/proc')) {
        if (!/^\d+$/.test(pid)) continue;
        const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
        const environ = await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '');
        if (cmdline.includes(canary)) hits.push(`${pid}/cmdline`);
        if (environ.includes(canary)) hits.push(`${pid}/environ`);
        const argv = cmdline.split('\0');
        // pkexec execs its program at once; sudo-prompt's `/bin/sh -c "… /usr/bin/pkexec …"` stays for the whole run.
        if (argv.some((arg) => arg.includes('"/usr/bin/pkexec" --disable-internal-agent'))) seen.pkexec = true;
        if (argv.includes('helper') && argv.includes('--request') && !argv.includes('-c')) {
          seen.helperUids.add(await uidOf(pid));
          // pkexec, and only pkexec, puts the requesting user's uid into its program's environment.
          seen.helperPkexecUids.add(/(?:^|\0)PKEXEC_UID=(\d+)/.exec(environ)?.[1] ?? 'none');
        }
      }
      samples += 1;
      busy = false;
    })();
  }, 20);
  return {
    stop: () => clearInterval(timer),
    hits,
    seen,
    get samples() {
      return samples;
    },
  };
}
