/**
 * The fleet recipe (deploy/ansible) run for real: ansible-core against localhost, the built CLI installing a
 * real test-world package into a sandbox root and registering with the loopback configuration server simulator.
 * Run twice: the second run must change nothing. A wrong passphrase must fail with Mobility Setup's own message.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgentPackage } from '../../world/agent-package';
import { startCsSimulator } from '../../world/cs-simulator';
import type { CsSimulator } from '../../world/cs-simulator';
import { BUILT, NOT_BUILT_REASON } from '../cli/cli-world';
import { BIN, REPO } from '../../world/cli-process';

const PLAYBOOK_DIR = path.join(REPO, 'deploy/ansible');
const FIXTURE = path.join(REPO, 'test/fixtures/roots/debian-12');
const PASSPHRASE = 'ansibleCanary7Q2xLw9';
const HAS_ANSIBLE = spawnSync('ansible-playbook', ['--version']).status === 0;
const HAS_LINT = spawnSync('ansible-lint', ['--version']).status === 0;
const SKIP_REASON = !BUILT ? NOT_BUILT_REASON : 'ansible-playbook is not installed (apt-get install -y ansible-core ansible-lint)';

interface PlaybookRun {
  code: number | null;
  output: string;
  recap: { ok: number; changed: number; failed: number };
}

function runPlaybook(varsFile: string, work: string): Promise<PlaybookRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('ansible-playbook', ['-i', 'localhost,', '-c', 'local', '-e', `@${varsFile}`, 'site.yml'], {
      cwd: PLAYBOOK_DIR,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: work,
        ANSIBLE_NOCOLOR: '1',
        ANSIBLE_LOCAL_TEMP: path.join(work, 'ansible-tmp'),
        ANSIBLE_REMOTE_TEMP: path.join(work, 'ansible-tmp'),
        ANSIBLE_PYTHON_INTERPRETER: '/usr/bin/python3',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = /localhost\s*:\s*ok=(\d+)\s+changed=(\d+)\s+unreachable=\d+\s+failed=(\d+)/.exec(output);
      resolve({ code, output, recap: { ok: Number(line?.[1] ?? -1), changed: Number(line?.[2] ?? -1), failed: Number(line?.[3] ?? -1) } });
    });
  });
}

describe.skipIf(!BUILT || !HAS_ANSIBLE)(`deploy/ansible role${BUILT && HAS_ANSIBLE ? '' : ` — skipped: ${SKIP_REASON}`}`, () => {
  let cs: CsSimulator;
  const cleanup: string[] = [];
  beforeAll(async () => {
    cs = await startCsSimulator({ passphrase: PASSPHRASE });
  });
  afterAll(async () => {
    await cs?.close();
    await Promise.all(cleanup.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  async function machine(passphrase: string) {
    const work = await mkdtemp(path.join(os.tmpdir(), 'ms-ansible-'));
    cleanup.push(work);
    const root = path.join(work, 'root');
    await cp(FIXTURE, root, { recursive: true });
    const installer = await buildAgentPackage({ outDir: path.join(work, 'controller'), token: 'DEBIAN12-64' });
    const varsFile = path.join(work, 'vars.json');
    const vars = {
      mobility_setup_hosts: 'localhost',
      mobility_setup_become: false,
      mobility_setup_command: [process.execPath, BIN],
      mobility_setup_root: root,
      mobility_setup_installer_src: installer,
      mobility_setup_installer_dir: path.join(work, 'target/installers'),
      mobility_setup_passphrase_file: path.join(work, 'target/secret/MobSvc.passphrase'),
      mobility_setup_cs_endpoint: cs.endpoint,
      mobility_setup_passphrase: passphrase,
    };
    await writeFile(varsFile, JSON.stringify(vars), { mode: 0o600 });
    return { work, root, varsFile };
  }

  it('installs and registers, then a second run changes nothing; the passphrase never shows', async () => {
    const m = await machine(PASSPHRASE);
    const first = await runPlaybook(m.varsFile, m.work);
    expect(first.output).not.toContain(PASSPHRASE);
    expect(first.recap, first.output).toMatchObject({ failed: 0 });
    expect(first.recap.changed).toBeGreaterThanOrEqual(1);
    expect(first.output).toMatch(/TASK \[mobility_setup : Install and register the Mobility service\][ *]*\nchanged: \[localhost\]/);
    const vx = await readFile(path.join(m.root, 'usr/local/.vx_version'), 'utf8');
    expect(vx).toContain('AGENT_CONFIGURATION_STATUS=Succeeded');
    expect(cs.registrations.length).toBeGreaterThanOrEqual(1);

    const second = await runPlaybook(m.varsFile, m.work);
    expect(second.output).not.toContain(PASSPHRASE);
    expect(second.recap, second.output).toMatchObject({ changed: 0, failed: 0 });
    expect(second.output).toMatch(/TASK \[mobility_setup : Install and register the Mobility service\][ *]*\nok: \[localhost\]/);
  }, 180_000);

  it('a wrong passphrase fails the host with the exit code and Mobility Setup\'s explanation', async () => {
    const m = await machine('wrongPassphrase000');
    const run = await runPlaybook(m.varsFile, m.work);
    expect(run.output).not.toContain('wrongPassphrase000');
    expect(run.recap, run.output).toMatchObject({ failed: 1 });
    expect(run.output).toMatch(/mobility-setup install exited 14:/);
  }, 180_000);

  it.skipIf(!HAS_LINT)('passes ansible-lint (production profile)', () => {
    const lint = spawnSync('ansible-lint', ['--offline', '--nocolor', 'site.yml', 'roles/mobility_setup'], { cwd: PLAYBOOK_DIR, encoding: 'utf8' });
    expect(lint.status, `${lint.stdout}${lint.stderr}`).toBe(0);
    expect(`${lint.stdout}${lint.stderr}`).toMatch(/Passed with production profile: 0 failure\(s\), 0 warning\(s\) on [1-9]\d* files/);
  }, 120_000);
});
