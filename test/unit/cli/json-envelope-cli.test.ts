/**
 * The one --json envelope (README: "Command line"): every command prints { ok, exitCode, result } or
 * { ok, exitCode, error: { code, message, hint } }, including usage errors and refusals, so a fleet tool reads
 * every command the same way. Runs the built CLI as a real child process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePort, portRangeMessage } from '../../../common/port';
import { BUILT, NOT_BUILT_REASON } from './cli-world';
import { REPO, installOnlyArgs, runCli } from '../../world/cli-process';

const fixtureRoot = path.join(REPO, 'test/fixtures/roots/debian-12');

describe('the one port rule', () => {
  it('takes digits from 1 (or 0 where a free port is asked for) to 65535 and nothing Number() would also take', () => {
    expect(parsePort('9443')).toBe(9443);
    expect(parsePort('65535')).toBe(65535);
    for (const bad of ['0', '65536', '', ' 443', '443 ', '+443', '-1', '1e3', '0x1bb', '443.0', '４４３', '123456'])
      expect(parsePort(bad)).toBeNull();
    expect(parsePort('0', { allowZero: true })).toBe(0);
    expect(portRangeMessage({ allowZero: true })).toBe('The port must be a number from 0 to 65535.');
  });
});

describe.skipIf(!BUILT)(`--json envelope (${BUILT ? 'built CLI' : NOT_BUILT_REASON})`, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-envelope-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('detect: ok, exit 0, the report as result', async () => {
    const run = await runCli(['--root', fixtureRoot, '--json', 'detect']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(['ok', 'exitCode', 'result']);
    expect(out).toMatchObject({ ok: true, exitCode: 0, result: { token: 'DEBIAN12-64' } });
  });

  it('a usage error: the line on stderr, and the envelope with code cli.usage and the help to run on stdout', async () => {
    const run = await runCli([
      '--root',
      dir,
      '--json',
      'install',
      '--installer-dir',
      dir,
      '--no-register',
      '--server-kind',
      'classic',
      '--data-port',
      '70000',
      '--yes',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--data-port: The port must be a number from 1 to 65535.');
    expect(JSON.parse(run.stdout)).toEqual({
      ok: false,
      exitCode: 2,
      error: {
        code: 'cli.usage',
        message: '--data-port: The port must be a number from 1 to 65535.',
        hint: 'Run mobility-setup install --help for the options.',
      },
    });
  });

  it('a missing --root: the envelope from detect too', async () => {
    const run = await runCli(['--root', path.join(dir, 'nope'), '--json', 'detect']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: false,
      exitCode: 2,
      error: { code: 'cli.usage', hint: 'Run mobility-setup detect --help for the options.' },
    });
  });

  it('a refusal before the job (no installer in the folder): ok false with the core error code', async () => {
    const run = await runCli(installOnlyArgs(fixtureRoot, dir, { json: true }));
    expect(run.code).toBe(71);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({
      ok: false,
      exitCode: 71,
      error: { code: expect.stringMatching(/^installer\./), message: expect.any(String) },
    });
    expect(out.error).toHaveProperty('hint');
  });
});

describe.skipIf(!BUILT)('--json envelope for a mistake commander finds', () => {
  it("an unknown option: commander's line on stderr, the envelope on stdout", async () => {
    const run = await runCli(['--json', 'detect', '--colour']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--colour'");
    expect(JSON.parse(run.stdout)).toEqual({
      ok: false,
      exitCode: 2,
      error: {
        code: 'cli.usage',
        message: "unknown option '--colour'",
        hint: 'Run mobility-setup detect --help for the options.',
      },
    });
  });
});
