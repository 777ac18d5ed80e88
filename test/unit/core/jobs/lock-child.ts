/**
 * A separate process that takes the job lock, for the cross-process tests (bundled by the test with esbuild).
 * argv: <lockDir> <frontDoor> <holdMs>. Prints the attempt as one JSON line; holds the lock for holdMs
 * (or until killed), then releases it and exits.
 */
import { acquireJobLock } from '../../../../main/core/jobs/job-lock';
import type { FrontDoor } from '../../../../main/core/jobs/job-lock';

async function main(): Promise<void> {
  const [lockDir = '', frontDoor = 'cli', holdMs = '0'] = process.argv.slice(2);
  const attempt = await acquireJobLock(lockDir, { frontDoor: frontDoor as FrontDoor, kind: 'install' });
  const line = attempt.ok
    ? { ok: true, pid: process.pid, tookOverFrom: attempt.tookOverFrom, held: attempt.lock !== null }
    : { ok: false, pid: process.pid, holder: attempt.holder, code: attempt.error.code, message: attempt.error.message };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  if (!attempt.ok) return;
  await new Promise((resolve) => setTimeout(resolve, Number(holdMs)));
  await attempt.lock?.release();
}

void main();
