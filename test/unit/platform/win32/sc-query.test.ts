/** The Windows agent services from `sc query` (output in test/fixtures/win32, written in sc's format, not captured). */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandRunner } from '../../../../main/ports/ports';
import { parseScQuery, serviceState } from '../../../../main/platform/win32/sc-query';
import { createWin32TroubleshootProbes } from '../../../../main/platform/win32/troubleshoot-probes';
import { SystemPaths } from '../../../../main/platform/system-paths';
import { buildHealthReport } from '../../../../main/core/troubleshoot/health-report';
import { report } from '../../renderer/fixtures';

const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../../../fixtures/win32', name), 'utf8');

/** sc.exe as a fake: what each service name answers (exit code and output). */
function fakeSc(
  answers: Record<string, { code: number; stdout: string }>,
): CommandRunner & { calls: { file: string; args: readonly string[] }[] } {
  const calls: { file: string; args: readonly string[] }[] = [];
  return {
    calls,
    run(file, args) {
      calls.push({ file, args });
      const answer = answers[args[1] ?? ''] ?? { code: 1, stdout: '' };
      return Promise.resolve({ ...answer, signal: null, stderr: '' });
    },
    spawn() {
      throw new Error('not used');
    },
  };
}

describe('sc query', () => {
  it('reads RUNNING, STOPPED and "not installed" (1060) from its output', () => {
    expect(parseScQuery(fixture('sc-query-running.txt'))).toEqual({ installed: true, state: 'RUNNING' });
    expect(parseScQuery(fixture('sc-query-stopped.txt'))).toEqual({ installed: true, state: 'STOPPED' });
    expect(parseScQuery(fixture('sc-query-not-installed.txt'))).toEqual({ installed: false });
    expect(parseScQuery('')).toEqual({ unreadable: true });
    expect(serviceState('svagents', parseScQuery(fixture('sc-query-stopped.txt')))).toEqual({
      name: 'svagents',
      running: false,
      detail: 'sc query: STOPPED',
    });
  });

  it("asks for each agent service with a fixed argv and turns the answers into the health report's services line", async () => {
    const runner = fakeSc({
      svagents: { code: 0, stdout: fixture('sc-query-running.txt') },
      'InMage Scout Application Service': { code: 1060, stdout: fixture('sc-query-not-installed.txt') },
    });
    const probes = createWin32TroubleshootProbes({ paths: new SystemPaths(os.tmpdir()), platform: 'win32', runner });
    const services = await probes.agentServices();
    expect(runner.calls.map((c) => [path.win32.basename(c.file), ...c.args])).toEqual([
      ['sc.exe', 'query', 'svagents'],
      ['sc.exe', 'query', 'InMage Scout Application Service'],
    ]);
    expect(services).toEqual([
      { name: 'svagents', running: true, detail: 'sc query: RUNNING' },
      {
        name: 'InMage Scout Application Service',
        running: false,
        detail: 'not installed (sc query: 1060, the service does not exist)',
      },
    ]);
  });

  it('access denied or no output is no answer: the line is grey, never "running"', async () => {
    const runner = fakeSc({ svagents: { code: 5, stdout: '[SC] OpenService FAILED 5:\r\n\r\nAccess is denied.\r\n' } });
    const probes = createWin32TroubleshootProbes({ paths: new SystemPaths(os.tmpdir()), platform: 'win32', runner });
    const services = await probes.agentServices();
    expect(services?.every((s) => s.running === null)).toBe(true);
    const detection = { ...report, agent: { ...report.agent, installed: true } };
    const health = buildHealthReport({
      detection,
      expectedServer: null,
      services,
      antivirus: null,
      lastVendorError: null,
    });
    expect(health.lines.find((l) => l.id === 'services')).toMatchObject({
      level: 'grey',
      reason: 'Could not read the state of: svagents, InMage Scout Application Service.',
    });
  });
});
