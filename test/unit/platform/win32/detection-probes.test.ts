import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandRunner, RunResult } from '../../../../main/ports/ports';
import { DetectionService } from '../../../../main/core/detect/detection-service';
import {
  AGENT_PRODUCT_KEY,
  AGENT_SERVER_KEY,
  AGENT_UNINSTALL_KEY,
} from '../../../../main/platform/win32/agent-registry';
import { CURRENT_VERSION_KEY } from '../../../../main/platform/win32/windows-os';
import { testDeps } from '../../core/detect/helpers';

const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../../../fixtures/win32', name), 'utf8');

/** Windows itself is the one thing mocked: reg.exe and whoami.exe answer with captured output. */
function fakeWindows(
  answers: Record<string, string | null>,
): CommandRunner & { calls: { file: string; args: readonly string[] }[] } {
  const calls: { file: string; args: readonly string[] }[] = [];
  const notFound: RunResult = { code: 1, signal: null, stdout: '', stderr: fixture('reg-not-found.txt') };
  return {
    calls,
    run(file, args) {
      calls.push({ file, args });
      const tool = path.win32.basename(file);
      const key = tool === 'whoami.exe' ? 'whoami' : tool === 'WMIC.exe' ? 'wmic' : (args[1] ?? '');
      const answer = answers[key];
      return Promise.resolve(answer == null ? notFound : { code: 0, signal: null, stdout: answer, stderr: '' });
    },
    spawn() {
      throw new Error('detection never spawns long-running processes');
    },
  };
}

describe('Windows detection probes (fake reg.exe / whoami.exe)', () => {
  const registered = {
    [CURRENT_VERSION_KEY]: fixture('reg-currentversion-server-2022.txt'),
    [AGENT_PRODUCT_KEY]: fixture('reg-agent-registered.txt'),
    [AGENT_UNINSTALL_KEY]: fixture('reg-uninstall-installed.txt'),
    [AGENT_SERVER_KEY]: fixture('reg-sv-systems.txt'),
    'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System': fixture('reg-uac-enabled.txt'),
    whoami: fixture('whoami-groups-filtered.txt'),
  };

  it('Server 2008 R2 SP1: lists the installed updates with wmic (fixed arguments) and refuses without the servicing stack update', async () => {
    const server2008 = { ...registered, [CURRENT_VERSION_KEY]: fixture('reg-currentversion-server-2008r2-sp1.txt') };
    const updated = fakeWindows({ ...server2008, wmic: fixture('wmic-qfe-server-2008r2-updated.txt') });
    const ok = await new DetectionService(testDeps(os.tmpdir(), { platform: 'win32', runner: updated })).detect();
    expect(ok).toMatchObject({ supported: true, token: 'Windows', supportReason: 'support.ok' });
    expect(updated.calls.find((c) => c.file.endsWith('WMIC.exe'))).toEqual({
      file: expect.stringMatching(/\\System32\\wbem\\WMIC\.exe$/) as unknown,
      args: ['qfe', 'get', 'HotFixID'],
    });
    const noSsu = fakeWindows({ ...server2008, wmic: fixture('wmic-qfe-server-2008r2-no-ssu.txt') });
    const refused = await new DetectionService(testDeps(os.tmpdir(), { platform: 'win32', runner: noSsu })).detect();
    expect(refused).toMatchObject({ supported: false, supportReason: 'support.updates' });
    expect(refused.supportMessage).toContain('missing: KB4490628.');
    // Other editions never pay for the update list.
    const runner = fakeWindows(registered);
    await new DetectionService(testDeps(os.tmpdir(), { platform: 'win32', runner })).detect();
    expect(runner.calls.some((c) => c.file.endsWith('WMIC.exe'))).toBe(false);
  });

  it('builds the report from the registry, running System32 tools with argument arrays', async () => {
    const runner = fakeWindows(registered);
    const deps = testDeps(os.tmpdir(), { platform: 'win32', runner });
    const report = await new DetectionService(deps).detect();
    expect(report.os).toMatchObject({ family: 'win32', distribution: 'Windows Server 2022 Datacenter' });
    expect(report.token).toBe('Windows');
    expect(report.agent).toMatchObject({
      installed: true,
      registered: true,
      csAddress: '10.150.24.8',
      version: '9.65.0.0',
    });
    expect(report.privileges).toMatchObject({ elevated: false, canElevate: true, method: 'uac' });
    for (const call of runner.calls) {
      expect(call.file).toMatch(/\\System32\\(reg|whoami)\.exe$/);
      expect(Array.isArray(call.args)).toBe(true);
    }
    expect(runner.calls.find((c) => c.args[1] === AGENT_PRODUCT_KEY)?.args).toEqual(['query', AGENT_PRODUCT_KEY]);
  });

  it('reports no agent when every key is missing, and readAgent reads again each time', async () => {
    const runner = fakeWindows({ [CURRENT_VERSION_KEY]: fixture('reg-currentversion-windows-10.txt') });
    const service = new DetectionService(testDeps(os.tmpdir(), { platform: 'win32', runner }));
    expect((await service.readAgent()).installed).toBe(false);
    const before = runner.calls.length;
    await service.readAgent();
    expect(runner.calls.length).toBe(before + 3);
  });

  it('falls back to the os.release() build when the registry cannot be read', async () => {
    const service = new DetectionService(testDeps(os.tmpdir(), { platform: 'win32', runner: fakeWindows({}) }));
    const report = await service.detect();
    expect(report.os.family).toBe('win32');
    expect(report.supported).toBe(false);
  });
});
