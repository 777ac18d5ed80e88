import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../../main/cli/program';
import { fixtureRoot } from './helpers';

describe('mobility-setup detect', () => {
  let output = '';
  beforeEach(() => {
    output = '';
    process.exitCode = undefined;
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('--json prints the report with a top-level token and verdict', async () => {
    const code = await runCli(['detect', '--json', '--root', fixtureRoot('ubuntu-22.04-agent-registered')]);
    expect(code).toBe(0);
    const envelope = JSON.parse(output);
    expect(envelope).toMatchObject({ ok: true, exitCode: 0 });
    expect(envelope.result).toMatchObject({
      token: 'UBUNTU-22.04-64',
      supported: true,
      agent: { registered: true, csAddress: '10.150.24.8' },
    });
  });

  it('exits 0 for an unsupported machine: the verdict is data', async () => {
    const code = await runCli(['--root', fixtureRoot('ubuntu-22.04-aarch64'), '--json', 'detect']);
    expect(code).toBe(0);
    expect(JSON.parse(output)).toMatchObject({
      ok: true,
      exitCode: 0,
      result: { token: null, supported: false, supportReason: 'support.arch' },
    });
  });

  it('prints a readable summary', async () => {
    expect(await runCli(['detect', '--root', fixtureRoot('rhel-8-agent-unregistered')])).toBe(0);
    expect(output).toContain('Installer token:  RHEL8-64');
    expect(output).toContain('9.64.0.0 in /usr/local/ASR, not registered (Failed)');
    expect(output).toMatch(/Disk: +\/: .* free, needs 2\.0 GB/);
  });
});
