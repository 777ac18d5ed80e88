import { randomBytes } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCsSimulator } from '../../world/cs-simulator';
import type { CsSimulator } from '../../world/cs-simulator';
import { makeInstaller, makeRoot, removeAll } from '../core/install/install-world';
import { BUILT, NOT_BUILT_REASON } from './cli-world';
import { runCli } from '../../world/cli-process';

// 16 printable characters, unique to this run, so a hit anywhere can only be a leak.
const CANARY = `Cn${randomBytes(7).toString('hex')}`;
let cs: CsSimulator;
let root = '';

beforeAll(async () => {
  cs = await startCsSimulator({ passphrase: CANARY });
  root = await makeRoot();
});
afterAll(async () => {
  await cs.close();
  await removeAll(root);
});

/** Reads every process's command line and environment every 20 ms until stopped. */
function sampleProc() {
  const hits: string[] = [];
  const commands = new Set<string>();
  let samples = 0;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void (async () => {
      for (const pid of await readdir('/proc')) {
        if (!/^\d+$/.test(pid)) continue;
        for (const file of ['cmdline', 'environ']) {
          const text = await readFile(`/proc/${pid}/${file}`, 'utf8').catch(() => '');
          if (text.includes(CANARY)) hits.push(`${pid}/${file}`);
          if (file === 'cmdline' && text.includes(root)) commands.add(text.split('\0').slice(0, 2).join(' '));
        }
      }
      samples += 1;
      busy = false;
    })();
  }, 20);
  return {
    stop: () => clearInterval(timer),
    get hits() {
      return hits;
    },
    get samples() {
      return samples;
    },
    commands,
  };
}

describe.skipIf(!BUILT)(`passphrase canary${BUILT ? '' : ` — skipped: ${NOT_BUILT_REASON}`}`, () => {
  it('never appears in any process argv or environment, the logs, stdout or stderr during a CLI install', async () => {
    const installerDir = path.join(root, 'installers');
    // slowMs keeps each vendor process alive long enough to be sampled several times.
    await makeInstaller(installerDir, { slowMs: 250 });
    const passphraseFile = path.join(root, 'MobSvc.passphrase');
    await writeFile(passphraseFile, CANARY, { mode: 0o600 });
    const sampler = sampleProc();
    const result = await runCli([
      '--root',
      root,
      '--json',
      'install',
      '--installer-dir',
      installerDir,
      '--cs-endpoint',
      cs.endpoint,
      '--passphrase-file',
      passphraseFile,
      '--yes',
      '--verbose',
    ]);
    sampler.stop();
    expect(result.code).toBe(0);
    expect(cs.registrations.at(-1)).toMatchObject({ ok: true });
    // The sampler did see the work happen: the CLI, the installer and the configurator (the commands below prove
    // it sampled while the vendor tools, and the secret file, existed). The count only shows it kept sampling: on
    // a loaded 2-core machine with other test files alongside, one pass over /proc can take far longer than 20 ms.
    expect(sampler.samples).toBeGreaterThan(1);
    const seen = [...sampler.commands].join('\n');
    expect(seen).toContain('install');
    expect(seen).toContain('UnifiedAgentConfigurator.sh');
    expect(sampler.hits).toEqual([]);
    const job = JSON.parse(result.stdout).result.job;
    const appLog = await readFile(path.join(root, 'var/log/mobility-setup/mobility-setup.log'), 'utf8');
    expect(appLog).toContain('job ended');
    const texts = [
      result.stdout,
      result.stderr,
      await readFile(job.logFiles[0], 'utf8'),
      await readFile(path.join(root, 'var/log/ua_install.log'), 'utf8'),
      appLog,
    ];
    for (const text of texts) expect(text).not.toContain(CANARY);
  });
});
