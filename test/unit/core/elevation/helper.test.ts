import { chmod, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { linuxAgentCommands } from '../../../../main/platform/linux/agent-commands';
import type { VendorSpec } from '../../../../main/platform/agent-platform';
import { helperRequestSchema, requestFor, writeHelperRequest } from '../../../../main/core/elevation/helper-request';
import type { HelperRequest, WrittenRequest } from '../../../../main/core/elevation/helper-request';
import { HelperRefusal, loadHelperRequest, runHelper } from '../../../../main/core/elevation/run-helper';
import { isSafeCommandPart, toElevatedCommandLine } from '../../../../main/core/elevation/helper-command';
import { NO_POLKIT_MESSAGE, launchOutcomeFromError, sudoPromptLauncher } from '../../../../main/core/elevation/sudo-prompt-launcher';

const written: WrittenRequest[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(written.splice(0).map((w) => w.remove()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

function installRequest(extractedDir: string, overrides: Partial<HelperRequest> = {}): HelperRequest {
  const spec: VendorSpec = { operation: 'install', extractedDir, installDir: '/usr/local/ASR', architecture: 'classic', upgrade: false };
  const command = linuxAgentCommands.install(spec);
  return { ...requestFor('linux', spec, command, { sandboxRoot: null, inactivityTimeoutMs: 60_000 }), ...overrides };
}

async function write(request: HelperRequest): Promise<WrittenRequest> {
  const w = await writeHelperRequest(request);
  written.push(w);
  return w;
}

function refusalCode(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof HelperRefusal) return err.code;
    throw err;
  }
  return 'accepted';
}

describe('helper request file', () => {
  it('lives in a fresh 0700 folder under the temp dir, as a 0600 file, with the secret FILE path only', async () => {
    const spec: VendorSpec = { operation: 'register', installDir: '/usr/local/ASR', architecture: 'classic', endpoint: 'cs.contoso.local', passphraseFile: '/tmp/s/MobSvc.passphrase' };
    const request = requestFor('linux', spec, linuxAgentCommands.register(spec), { sandboxRoot: null, inactivityTimeoutMs: 60_000 });
    const w = await write(request);
    expect(path.dirname(w.dir)).toBe(os.tmpdir());
    expect((await stat(w.dir)).mode & 0o777).toBe(0o700);
    for (const file of [w.requestFile, w.outputFile, w.resultFile]) expect((await stat(file)).mode & 0o777).toBe(0o600);
    const parsed = helperRequestSchema.parse(JSON.parse(await readFile(w.requestFile, 'utf8')));
    expect(parsed.secretFile).toBe('/tmp/s/MobSvc.passphrase');
    expect(parsed.command.args).toEqual(['-i', 'cs.contoso.local', '-P', '/tmp/s/MobSvc.passphrase', '-c', 'CSLegacy']);
  });

  it('a request whose command the builders do not make is refused, and nothing runs', async () => {
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'helper-test-'));
    dirs.push(scratch);
    const marker = path.join(scratch, 'ran');
    const w = await write(installRequest(scratch, { command: { operation: 'install', file: '/bin/sh', args: ['-c', `touch ${marker}`], cwd: scratch } }));
    expect(refusalCode(() => loadHelperRequest(w.requestFile, 'linux'))).toBe('helper.notVendorCommand');
    expect(await runHelper(w.requestFile)).toBe(3);
    expect(JSON.parse(await readFile(w.resultFile, 'utf8'))).toMatchObject({ ok: false, refused: 'helper.notVendorCommand' });
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses an extra argument, a wrong secret file, a readable request file, an open folder and a link', async () => {
    const base = installRequest('/tmp/x');
    const extra = await write({ ...base, command: { ...base.command, args: [...base.command.args, '-l', '/etc/shadow'] } });
    expect(refusalCode(() => loadHelperRequest(extra.requestFile, 'linux'))).toBe('helper.notVendorCommand');
    const secret = await write({ ...base, secretFile: '/etc/shadow' });
    expect(refusalCode(() => loadHelperRequest(secret.requestFile, 'linux'))).toBe('helper.secretFile');
    const readable = await write(base);
    await chmod(readable.requestFile, 0o644);
    expect(refusalCode(() => loadHelperRequest(readable.requestFile, 'linux'))).toBe('helper.requestFile');
    const open = await write(base);
    await chmod(open.dir, 0o755);
    expect(refusalCode(() => loadHelperRequest(open.requestFile, 'linux'))).toBe('helper.requestDir');
    const linked = await write(base);
    const elsewhere = path.join(linked.dir, 'real.json');
    await writeFile(elsewhere, await readFile(linked.requestFile), { mode: 0o600 });
    await rm(linked.requestFile);
    await symlink(elsewhere, linked.requestFile);
    expect(refusalCode(() => loadHelperRequest(linked.requestFile, 'linux'))).toBe('helper.requestFile');
    const valid = await write(base);
    expect(refusalCode(() => loadHelperRequest(valid.requestFile, 'linux'))).toBe('accepted');
    expect(refusalCode(() => loadHelperRequest(valid.requestFile, 'win32'))).toBe('helper.platform');
  });
});

describe('elevated command line and sudo-prompt outcomes', () => {
  it('quotes each part and refuses anything a shell would interpret', () => {
    expect(toElevatedCommandLine({ file: '/usr/bin/node', args: ['/opt/Mobility Setup/cli.js', 'helper', '--request', '/tmp/x/request.json'] })).toBe(
      "'/usr/bin/node' '/opt/Mobility Setup/cli.js' 'helper' '--request' '/tmp/x/request.json'",
    );
    for (const bad of ['a$(id)', 'a`id`', "it's", 'a"b', 'a\nb', 'a;b', 'a\\b', '']) expect(isSafeCommandPart(bad)).toBe(false);
    expect(() => toElevatedCommandLine({ file: '/usr/bin/node', args: ['$(reboot)'] })).toThrow();
  });

  it('maps a dismissed prompt to notGranted (a value) and a missing polkit agent to a clear message', async () => {
    expect(launchOutcomeFromError(undefined)).toEqual({ kind: 'completed' });
    expect(launchOutcomeFromError(new Error('User did not grant permission.'))).toEqual({ kind: 'notGranted' });
    for (const text of ['No polkit authentication agent found.', 'Unable to find pkexec or kdesudo.']) {
      expect(launchOutcomeFromError(new Error(text))).toMatchObject({ kind: 'unavailable', code: 'elevation.noPolkitAgent', message: NO_POLKIT_MESSAGE });
    }
    expect(NO_POLKIT_MESSAGE).toContain('sudo mobility-setup install');
    expect(await sudoPromptLauncher.launch({ file: '/usr/bin/node', args: ["'; reboot; '"] })).toMatchObject({ kind: 'unavailable', code: 'elevation.unsafeCommand' });
  });
});
