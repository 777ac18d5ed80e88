/**
 * Two installs at once through two real CLI processes: the second is refused at once with the vendor's code 41,
 * naming the holder (its process, front door and start), and nothing of it runs.
 */
import { describe, expect, it } from 'vitest';
import { alive, pidsMentioning, useInstallTestSetup } from '../core/install/install-world';
import { BUILT, NOT_BUILT_REASON } from './cli-world';
import { installOnlyArgs, runCli, startCli } from '../../world/cli-process';

const setup = useInstallTestSetup();

describe.skipIf(!BUILT)(`one job at a time across processes${BUILT ? '' : ` — skipped: ${NOT_BUILT_REASON}`}`, () => {
  it('a second install while one runs: exit 41 at once, the holder named', async () => {
    const { root, installerDir } = await setup.rootWithInstaller({ behavior: { hangIn: 'install' } });
    const args = installOnlyArgs(root, installerDir, { json: true });
    const { child: first, exited, stderrContains } = startCli(args, { ownGroup: true });
    try {
      await stderrContains('[install] running');
      const started = Date.now();
      const second = await runCli(args);
      expect(second.code).toBe(41);
      const out = JSON.parse(second.stdout);
      expect(out).toMatchObject({ ok: false, exitCode: 41, error: { code: 'job.busy' } });
      expect(out.error.message).toContain(`an install started`);
      expect(out.error.message).toContain(`by process ${first.pid} (the command line)`);
      // Refused before anything ran: no second extraction, and quickly (no wait for the first job).
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(second.stderr).not.toContain('[extract] running');
    } finally {
      process.kill(-first.pid!, 'SIGKILL');
      await exited;
      for (const pid of await pidsMentioning(root)) if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});
