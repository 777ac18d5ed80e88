import { existsSync } from 'node:fs';
import { chmod, chown, link, mkdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helperRequestSchema, requestFor } from '../../../../main/core/elevation/helper-request';
import { HelperRefusal, loadHelperRequest, runHelper } from '../../../../main/core/elevation/run-helper';
import { isSafeCommandPart, toElevatedCommandLine } from '../../../../main/core/elevation/helper-command';
import {
  NO_POLKIT_MESSAGE,
  launchOutcomeFromError,
  sudoPromptLauncher,
} from '../../../../main/core/elevation/sudo-prompt-launcher';
import { installOperation, markingInstaller, readResult, requestOf, useHelperScratch } from './helper-world';

const scratch = useHelperScratch();
/** The helper as started by root itself (no pkexec/sudo): the requester is the running user. */
const DIRECT: NodeJS.ProcessEnv = {};
const isRoot = process.getuid?.() === 0;

function refusalCode(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof HelperRefusal) return err.code;
    throw err;
  }
  return 'accepted';
}

/** The private folders the helper named in its output (copy and extraction), to check they are gone. */
async function foldersNamed(outputFile: string): Promise<string[]> {
  const text = await readFile(outputFile, 'utf8');
  return [...text.matchAll(/(?:private folder|files \(\d+ bytes\) to) (\/\S+?)\.?$/gm)].map((m) => m[1]!);
}

describe('helper request file', () => {
  it('lives in a fresh 0700 folder under the temp dir, as a 0600 file, naming the installer FILE and its SHA-256, no command', async () => {
    const dir = await scratch.dir();
    const installer = await markingInstaller(dir, path.join(dir, 'ran'));
    const w = await scratch.write(requestOf(installOperation(installer)));
    expect(path.dirname(w.dir)).toBe(os.tmpdir());
    expect((await stat(w.dir)).mode & 0o777).toBe(0o700);
    for (const file of [w.requestFile, w.outputFile, w.stageFile, w.resultFile])
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    const parsed = helperRequestSchema.parse(JSON.parse(await readFile(w.requestFile, 'utf8')));
    expect(parsed.operation).toMatchObject({ operation: 'install', installer });
    expect(JSON.stringify(parsed)).not.toMatch(/extractedDir|"command"|"args"/);
  });
});

describe('install: the helper copies, hashes and extracts the installer itself', () => {
  it('runs `install` from its own root-owned copy in /tmp and removes the copy and the extraction in the end', async () => {
    const dir = await scratch.dir();
    const marker = path.join(dir, 'ran');
    const w = await scratch.write(requestOf(installOperation(await markingInstaller(dir, marker))));
    expect(await runHelper(w.requestFile, DIRECT)).toBe(0);
    expect(await readResult(w)).toEqual({ ok: true, code: 0, signal: null, timedOut: false, cancelled: false });
    expect(await readFile(marker, 'utf8')).toContain(
      `uid=${process.getuid?.()} args=-d /usr/local/ASR -r MS -v VmWare -q -c CSLegacy`,
    );
    expect(await readFile(w.stageFile, 'utf8')).toBe('install');
    const folders = await foldersNamed(w.outputFile);
    expect(folders).toHaveLength(2);
    for (const folder of folders) {
      expect(path.dirname(folder)).toBe('/tmp');
      expect(existsSync(folder)).toBe(false);
    }
  });

  it('ATTACK: an installer whose SHA-256 does not match the request is refused, and nothing runs', async () => {
    const dir = await scratch.dir();
    const marker = path.join(dir, 'ran');
    const installer = await markingInstaller(dir, marker);
    const wrong = (installer.sha256[0] === '0' ? '1' : '0') + installer.sha256.slice(1);
    const w = await scratch.write(requestOf(installOperation({ ...installer, sha256: wrong })));
    expect(await runHelper(w.requestFile, DIRECT)).toBe(3);
    expect(await readResult(w)).toMatchObject({ ok: false, refused: 'installer.changed' });
    expect(existsSync(marker)).toBe(false);
    for (const folder of await foldersNamed(w.outputFile)) expect(existsSync(folder)).toBe(false);
  });

  it('ATTACK: an installer swapped after the app hashed it (between request and run) never runs', async () => {
    const dir = await scratch.dir();
    const marker = path.join(dir, 'ran');
    const good = await markingInstaller(dir, path.join(dir, 'good-ran'));
    const w = await scratch.write(requestOf(installOperation(good)));
    // Someone with write access to the installer folder replaces the file once the request is written.
    const evil = await markingInstaller(dir, marker, { name: 'evil.tar.gz' });
    await rm(good.file);
    await link(evil.file, good.file);
    expect(await runHelper(w.requestFile, DIRECT)).toBe(3);
    expect(await readResult(w)).toMatchObject({ ok: false, refused: 'installer.changed' });
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(path.join(dir, 'good-ran'))).toBe(false);
  });

  it('ATTACK: a link put in place of the installer is not followed', async () => {
    const dir = await scratch.dir();
    const installer = await markingInstaller(dir, path.join(dir, 'ran'));
    const linked = path.join(dir, 'linked.tar.gz');
    await symlink(installer.file, linked);
    const w = await scratch.write(requestOf(installOperation({ ...installer, file: linked })));
    expect(await runHelper(w.requestFile, DIRECT)).toBe(3);
    expect(await readResult(w)).toMatchObject({ ok: false, refused: 'installer.unreadable' });
    expect(existsSync(path.join(dir, 'ran'))).toBe(false);
  });

  it('ATTACK: a request naming a folder or program to run (the old shapes, extract and uninstall) is refused, and nothing runs', async () => {
    const dir = await scratch.dir();
    const marker = path.join(dir, 'ran');
    await writeFile(path.join(dir, 'install'), `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
    const base = { version: 2, platform: 'linux', sandboxRoot: null, inactivityTimeoutMs: 60_000 };
    const hostile = [
      {
        ...base,
        operation: {
          operation: 'install',
          extractedDir: dir,
          installDir: '/usr/local/ASR',
          architecture: 'classic',
          upgrade: false,
        },
      },
      {
        ...base,
        operation: {
          ...installOperation({ file: path.join(dir, 'x.tar.gz'), sha256: '0'.repeat(64) }),
          extractedDir: dir,
        },
      },
      {
        ...base,
        operation: installOperation({ file: path.join(dir, 'x.tar.gz'), sha256: '0'.repeat(64) }),
        command: { operation: 'install', file: '/bin/sh', args: ['-c', `touch ${marker}`], cwd: dir },
      },
      { ...base, operation: { operation: 'extract', installerFile: '/tmp/x.tar.gz', extractedDir: dir } },
      { ...base, operation: { operation: 'uninstall', installDir: dir } },
      {
        ...base,
        version: 1,
        spec: {
          operation: 'install',
          extractedDir: dir,
          installDir: '/usr/local/ASR',
          architecture: 'classic',
          upgrade: false,
        },
      },
    ];
    for (const request of hostile) {
      const w = await scratch.write(request);
      expect(
        refusalCode(() => loadHelperRequest(w.requestFile, 'linux', process.getuid?.() ?? 0)),
        JSON.stringify(request),
      ).toBe('helper.requestInvalid');
      expect(await runHelper(w.requestFile, DIRECT)).toBe(3);
      expect(await readResult(w)).toMatchObject({ ok: false, refused: 'helper.requestInvalid' });
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('ATTACK: an install folder with a control character, a relative one, and a bad server address are refused', async () => {
    const installer = { file: '/tmp/x.tar.gz', sha256: 'a'.repeat(64) };
    const uid = process.getuid?.() ?? 0;
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        requestOf(installOperation(installer, { installDir: '/opt/asr\nINSTALLATION_DIR=/tmp/evil' })),
        'helper.installDir',
      ],
      [requestOf(installOperation(installer, { installDir: 'opt/asr' })), 'helper.installDir'],
      [requestOf(installOperation({ ...installer, file: '/tmp/x\u001b.tar.gz' })), 'helper.installerFile'],
      [requestOf(installOperation(installer), { sandboxRoot: '/tmp/a\tb' }), 'helper.sandboxRoot'],
      [
        requestOf({
          operation: 'register',
          installDir: '/usr/local/ASR',
          architecture: 'classic',
          endpoint: 'cs.contoso.local\n-P /etc/shadow',
          passphraseFile: '/tmp/s/run-1-x/MobSvc.passphrase',
        }),
        'helper.endpoint',
      ],
      [
        requestOf({
          operation: 'register',
          installDir: '/usr/local/ASR',
          architecture: 'classic',
          endpoint: 'cs contoso',
          passphraseFile: '/tmp/s/run-1-x/MobSvc.passphrase',
        }),
        'helper.endpoint',
      ],
    ];
    for (const [request, code] of cases) {
      const w = await scratch.write(request);
      expect(
        refusalCode(() => loadHelperRequest(w.requestFile, 'linux', uid)),
        code,
      ).toBe(code);
    }
    const valid = await scratch.write(requestOf(installOperation(installer)));
    expect(refusalCode(() => loadHelperRequest(valid.requestFile, 'linux', uid))).toBe('accepted');
    expect(refusalCode(() => loadHelperRequest(valid.requestFile, 'win32', uid))).toBe('helper.platform');
  });
});

describe('who wrote the request', () => {
  it.skipIf(!isRoot)(
    'ATTACK: a request folder owned by another user than PKEXEC_UID/SUDO_UID is refused, and the helper writes nothing there',
    async () => {
      const dir = await scratch.dir();
      const marker = path.join(dir, 'ran');
      const w = await scratch.write(requestOf(installOperation(await markingInstaller(dir, marker))));
      // The request belongs to root (who wrote it); user 4242 asked pkexec to run the helper with it.
      expect(await runHelper(w.requestFile, { PKEXEC_UID: '4242' })).toBe(3);
      expect(await runHelper(w.requestFile, { SUDO_UID: '4242' })).toBe(3);
      expect(await readFile(w.resultFile, 'utf8')).toBe('');
      expect(existsSync(marker)).toBe(false);
      // The same request handed over to 4242 (folder and files) is that user's own request, and runs.
      for (const file of [w.dir, w.requestFile, w.outputFile, w.stageFile, w.resultFile]) await chown(file, 4242, 4242);
      expect(await runHelper(w.requestFile, { PKEXEC_UID: '4242' })).toBe(0);
      expect(await readFile(marker, 'utf8')).toContain('uid=0');
    },
  );

  it('refuses a readable request file, an open folder, a link, a hard link and a non-numeric PKEXEC_UID', async () => {
    const uid = process.getuid?.() ?? 0;
    const base = requestOf(installOperation({ file: '/tmp/x.tar.gz', sha256: 'a'.repeat(64) }));
    const readable = await scratch.write(base);
    await chmod(readable.requestFile, 0o644);
    expect(refusalCode(() => loadHelperRequest(readable.requestFile, 'linux', uid))).toBe('helper.requestFile');
    const open = await scratch.write(base);
    await chmod(open.dir, 0o755);
    expect(refusalCode(() => loadHelperRequest(open.requestFile, 'linux', uid))).toBe('helper.requestDir');
    const linked = await scratch.write(base);
    const elsewhere = path.join(linked.dir, 'real.json');
    await writeFile(elsewhere, await readFile(linked.requestFile), { mode: 0o600 });
    await rm(linked.requestFile);
    await symlink(elsewhere, linked.requestFile);
    expect(refusalCode(() => loadHelperRequest(linked.requestFile, 'linux', uid))).toBe('helper.requestFile');
    const hard = await scratch.write(base);
    await link(hard.requestFile, path.join(hard.dir, 'second-name'));
    expect(refusalCode(() => loadHelperRequest(hard.requestFile, 'linux', uid))).toBe('helper.requestFile');
    const named = await scratch.write(base);
    expect(await runHelper(named.requestFile, { PKEXEC_UID: '0; id' })).toBe(3);
  });

  it('ATTACK: output.log hard-linked to another file: root never writes through it', async () => {
    const dir = await scratch.dir();
    const victim = path.join(dir, 'victim');
    await writeFile(victim, 'untouched', { mode: 0o600 });
    const marker = path.join(dir, 'ran');
    const w = await scratch.write(requestOf(installOperation(await markingInstaller(dir, marker))));
    await rm(w.outputFile);
    await link(victim, w.outputFile);
    expect(await runHelper(w.requestFile, DIRECT)).toBe(3);
    expect(await readFile(victim, 'utf8')).toBe('untouched');
    expect(existsSync(marker)).toBe(false);
  });
});

describe('register: the secret file', () => {
  /** A secret file as the app makes one: <base>/run-<pid>-x/<name>, folders 0700, file 0600. */
  async function appSecret(base: string, name = 'MobSvc.passphrase', content = 'itUx70I47uxDuUVY'): Promise<string> {
    const run = path.join(base, `run-${process.pid}-abc`);
    await mkdir(run, { recursive: true, mode: 0o700 });
    await chmod(base, 0o700);
    const file = path.join(run, name);
    await writeFile(file, content, { mode: 0o600 });
    return file;
  }

  /** An install folder whose configurator records which passphrase file it was given and what it held. */
  async function recordingAgent(dir: string): Promise<{ installDir: string; record: string }> {
    const installDir = path.join(dir, 'ASR');
    const record = path.join(dir, 'configurator-saw');
    await mkdir(path.join(installDir, 'Vx/bin'), { recursive: true });
    await writeFile(
      path.join(installDir, 'Vx/bin/UnifiedAgentConfigurator.sh'),
      `#!/bin/sh\necho "$4" > '${record}'\ncat "$4" >> '${record}'\n`,
      { mode: 0o755 },
    );
    return { installDir, record };
  }

  it("the configurator reads a root-owned copy, never the requester's file, and the copy is gone afterwards", async () => {
    const dir = await scratch.dir();
    const secret = await appSecret(path.join(dir, 'secrets'));
    const { installDir, record } = await recordingAgent(dir);
    const w = await scratch.write(
      requestOf({
        operation: 'register',
        installDir,
        architecture: 'classic',
        endpoint: 'cs.contoso.local',
        passphraseFile: secret,
      }),
    );
    expect(await runHelper(w.requestFile, DIRECT)).toBe(0);
    const [copy, content] = (await readFile(record, 'utf8')).split('\n');
    expect(content).toBe('itUx70I47uxDuUVY');
    expect(copy).not.toBe(secret);
    expect(path.basename(copy!)).toBe('MobSvc.passphrase');
    expect(existsSync(copy!)).toBe(false);
  });

  it('ATTACK: a link to /etc/shadow, a file outside a per-use folder, a readable file, a hard link: refused before anything runs', async () => {
    const dir = await scratch.dir();
    const { installDir, record } = await recordingAgent(dir);
    const secrets = path.join(dir, 'secrets');
    const linkToShadow = await appSecret(secrets);
    await rm(linkToShadow);
    await symlink('/etc/shadow', linkToShadow);
    const loose = path.join(dir, 'MobSvc.passphrase');
    await writeFile(loose, 'x', { mode: 0o600 });
    const readable = await appSecret(path.join(dir, 'secrets2'));
    await chmod(readable, 0o644);
    const hard = await appSecret(path.join(dir, 'secrets3'));
    await link(hard, path.join(dir, 'another-name'));
    const wrongName = await appSecret(path.join(dir, 'secrets4'), 'shadow');
    for (const passphraseFile of [linkToShadow, loose, readable, hard, wrongName, '/etc/shadow']) {
      const w = await scratch.write(
        requestOf({
          operation: 'register',
          installDir,
          architecture: 'classic',
          endpoint: 'cs.contoso.local',
          passphraseFile,
        }),
      );
      expect(await runHelper(w.requestFile, DIRECT), passphraseFile).toBe(3);
      expect(await readResult(w)).toMatchObject({ ok: false, refused: 'helper.secretFile' });
    }
    expect(existsSync(record)).toBe(false);
  });

  it.skipIf(!isRoot)("ATTACK: a secret file that is not the requester's own is refused", async () => {
    const dir = await scratch.dir();
    const { installDir, record } = await recordingAgent(dir);
    const secret = await appSecret(path.join(dir, 'secrets'));
    const w = await scratch.write(
      requestOf({
        operation: 'register',
        installDir,
        architecture: 'classic',
        endpoint: 'cs.contoso.local',
        passphraseFile: secret,
      }),
    );
    for (const file of [w.dir, w.requestFile, w.outputFile, w.stageFile, w.resultFile]) await chown(file, 4242, 4242);
    // User 4242's request names root's secret file.
    expect(await runHelper(w.requestFile, { PKEXEC_UID: '4242' })).toBe(3);
    expect(await readResult(w)).toMatchObject({ ok: false, refused: 'helper.secretFile' });
    expect(existsSync(record)).toBe(false);
  });
});

describe('elevated command line and sudo-prompt outcomes', () => {
  it('quotes each part and refuses anything a shell would interpret', () => {
    expect(
      toElevatedCommandLine({
        file: '/usr/bin/node',
        args: ['/opt/Mobility Setup/cli.js', 'helper', '--request', '/tmp/x/request.json'],
      }),
    ).toBe("'/usr/bin/node' '/opt/Mobility Setup/cli.js' 'helper' '--request' '/tmp/x/request.json'");
    for (const bad of ['a$(id)', 'a`id`', "it's", 'a"b', 'a\nb', 'a;b', 'a\\b', ''])
      expect(isSafeCommandPart(bad)).toBe(false);
    expect(() => toElevatedCommandLine({ file: '/usr/bin/node', args: ['$(reboot)'] })).toThrow();
  });

  it('maps a dismissed prompt to notGranted (a value) and a missing polkit agent to a clear message', async () => {
    expect(launchOutcomeFromError(undefined)).toEqual({ kind: 'completed' });
    expect(launchOutcomeFromError(new Error('User did not grant permission.'))).toEqual({ kind: 'notGranted' });
    for (const text of ['No polkit authentication agent found.', 'Unable to find pkexec or kdesudo.']) {
      expect(launchOutcomeFromError(new Error(text))).toMatchObject({
        kind: 'unavailable',
        code: 'elevation.noPolkitAgent',
        message: NO_POLKIT_MESSAGE,
      });
    }
    expect(NO_POLKIT_MESSAGE).toContain('sudo mobility-setup install');
    expect(await sudoPromptLauncher.launch({ file: '/usr/bin/node', args: ["'; reboot; '"] })).toMatchObject({
      kind: 'unavailable',
      code: 'elevation.unsafeCommand',
    });
  });

  it('requestFor carries the operation only', () => {
    const request = requestFor('linux', installOperation({ file: '/tmp/a.tar.gz', sha256: 'b'.repeat(64) }), {
      sandboxRoot: null,
      inactivityTimeoutMs: 1000,
    });
    expect(Object.keys(request).sort()).toEqual([
      'inactivityTimeoutMs',
      'operation',
      'platform',
      'sandboxRoot',
      'version',
    ]);
  });
});
