/** `mobility-setup open` through the built CLI, as a person types it (real child processes). */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isBuilt, notBuiltMessage, projectDir } from './built';
import { childCoverageEnv } from '../world/child-coverage';

const bin = path.join(projectDir, 'bin', 'mobility-setup.js');
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function runCli(args: string[], env: NodeJS.ProcessEnv, onStdout?: (text: string, stop: () => void) => void) {
  // No Electron download from tests, whoever runs them: the browser fallback is what is under test.
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, MOBILITY_SETUP_NO_ELECTRON_DOWNLOAD: '1', ...childCoverageEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    onStdout?.(stdout, () => child.kill('SIGINT'));
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

if (!isBuilt) it.skip(notBuiltMessage, () => {});

describe.skipIf(!isBuilt)('mobility-setup open', () => {
  it('refuses a malformed prefill with the usage exit code', async () => {
    const result = await runCli(['open', '--cs-endpoint', 'https://cs.example.com/'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--cs-endpoint');
  });

  it('without an Electron binary, says so in one line and serves the wizard until Ctrl+C', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'mobility-open-'));
    const noElectron = mkdtempSync(path.join(os.tmpdir(), 'mobility-noelectron-'));
    temps.push(root, noElectron);
    let url = '';
    let status = 0;
    const result = await runCli(
      ['--root', root, '--json', 'open', '--port', '0', '--demo'],
      { ELECTRON_OVERRIDE_DIST_PATH: noElectron },
      (text, stop) => {
        const line = text.split('\n')[0] ?? '';
        if (url || !text.includes('\n')) return;
        url = (JSON.parse(line) as { result: { url: string } }).result.url;
        void fetch(url, { redirect: 'manual' }).then((res) => {
          status = res.status;
          stop();
        }, stop);
      },
    );
    expect(result.code).toBe(0);
    expect(new URL(url).hostname).toBe('127.0.0.1');
    expect(status).toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(400);
    const notice = result.stderr.split('\n').filter((l) => l.includes('Electron'));
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatch(
      /^Electron's binary is not installed on this machine \(.+\); no download was tried: .+; serving the same wizard in your browser instead\.( To get the Electron window, run `npx install-electron` once as a normal user with network access\.)?$/,
    );
  });
});
