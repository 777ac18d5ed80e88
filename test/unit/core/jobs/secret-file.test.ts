import { existsSync } from 'node:fs';
import {
  chmod,
  chown,
  link,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../../common/result';
import {
  ROOT_SECRET_BASE,
  privateRuntimeDir,
  secretBaseFor,
  sweepSecretLeftovers,
  withSecretFile,
  writeExclusive,
} from '../../../../main/core/jobs/secret-file';

// Above Linux's pid_max (4194304), so no process can have it.
const DEAD_PID = 99_999_999;

let sandbox: string;
let base: string;
beforeEach(async () => {
  sandbox = await mkdtemp(path.join(os.tmpdir(), 'secret-test-'));
  base = path.join(sandbox, 'secrets');
});
afterEach(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

describe('withSecretFile', () => {
  it('writes exactly the content into a 0600 file in a 0700 folder, then removes both', async () => {
    let seenPath = '';
    const result = await withSecretFile(
      'itUx70I47uxDuUVY',
      async (file) => {
        seenPath = file;
        expect(path.basename(file)).toBe('MobSvc.passphrase');
        expect(await readFile(file, 'utf8')).toBe('itUx70I47uxDuUVY');
        expect((await stat(file)).mode & 0o777).toBe(0o600);
        expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
        expect((await stat(base)).mode & 0o777).toBe(0o700);
        expect(path.dirname(path.dirname(file))).toBe(base);
        return 42;
      },
      { base, fileName: 'MobSvc.passphrase' },
    );
    expect(result).toBe(42);
    expect(existsSync(seenPath)).toBe(false);
    expect(existsSync(path.dirname(seenPath))).toBe(false);
    expect(await readdir(base)).toEqual([]);
  });

  it('removes the file when fn throws, and passes the error on', async () => {
    let seenPath = '';
    const err = await withSecretFile(
      '{"a":1}',
      async (file) => {
        seenPath = file;
        throw new Error('configurator failed');
      },
      { base, fileName: 'config.json' },
    ).catch((e: unknown) => e);
    expect((err as Error).message).toBe('configurator failed');
    expect(existsSync(seenPath)).toBe(false);
    expect(await readdir(base)).toEqual([]);
  });

  it('removes the file when the work is cancelled', async () => {
    const controller = new AbortController();
    let seenPath = '';
    const pending = withSecretFile(
      'secret',
      (file) => {
        seenPath = file;
        return new Promise<never>((_resolve, reject) => {
          controller.signal.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError')));
        });
      },
      { base },
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(existsSync(seenPath)).toBe(true);
    controller.abort();
    await expect(pending).rejects.toThrow('cancelled');
    expect(existsSync(seenPath)).toBe(false);
    expect(await readdir(base)).toEqual([]);
  });

  it('gives concurrent uses separate folders', async () => {
    const paths = await Promise.all(
      ['a', 'b', 'c'].map((s) =>
        withSecretFile(
          s,
          async (file) => {
            expect(await readFile(file, 'utf8')).toBe(s);
            return file;
          },
          { base },
        ),
      ),
    );
    expect(new Set(paths.map((p) => path.dirname(p))).size).toBe(3);
  });

  it('tightens a base folder with loose permissions and refuses a base that is a link', async () => {
    await mkdir(base, { mode: 0o777 });
    await withSecretFile(
      'x',
      async () => {
        expect((await stat(base)).mode & 0o777).toBe(0o700);
      },
      { base },
    );
    const linked = path.join(sandbox, 'linked');
    await symlink(base, linked);
    const err = await withSecretFile('x', async () => 1, { base: linked }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('secret.unsafeBase');
    expect((err as UserError).message).not.toContain('x\n');
  });

  it('refuses a file name with a path in it', async () => {
    const err = await withSecretFile('x', async () => 1, { base, fileName: '../escape' }).catch((e: unknown) => e);
    expect((err as UserError).code).toBe('secret.badName');
    expect(existsSync(path.join(sandbox, 'escape'))).toBe(false);
  });
});

describe('writeExclusive', () => {
  it('refuses an existing file and a planted link, leaving them untouched', async () => {
    const existing = path.join(sandbox, 'existing');
    await writeFile(existing, 'original');
    await expect(writeExclusive(existing, 'secret')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(existing, 'utf8')).toBe('original');

    const target = path.join(sandbox, 'target');
    const planted = path.join(sandbox, 'planted');
    await symlink(target, planted);
    await expect(writeExclusive(planted, 'secret')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(existsSync(target)).toBe(false);
  });

  it('creates the file with mode 0600 even under a permissive umask', async () => {
    const file = path.join(sandbox, 'fresh');
    const old = process.umask(0);
    try {
      await writeExclusive(file, 'abc');
    } finally {
      process.umask(old);
    }
    expect((await lstat(file)).mode & 0o777).toBe(0o600);
  });
});

describe('sweepSecretLeftovers', () => {
  it('removes folders of dead runs and keeps those of live ones', async () => {
    await mkdir(base, { mode: 0o700 });
    const dead = path.join(base, `run-${DEAD_PID}-abc123`);
    const live = path.join(base, `run-${process.pid}-def456`);
    const other = path.join(base, 'not-ours');
    for (const folder of [dead, live, other]) {
      await mkdir(folder);
      await writeFile(path.join(folder, 'secret'), 'leftover');
    }
    expect(await sweepSecretLeftovers(base)).toBe(1);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true);
  });

  it('does nothing when the base does not exist', async () => {
    expect(await sweepSecretLeftovers(path.join(sandbox, 'missing'))).toBe(0);
  });

  // The sweep runs on every start, as root, over a folder in shared /tmp: nothing planted there may make
  // it write to (zero) a file elsewhere.
  const plantDeadRun = async () => {
    const canary = path.join(sandbox, 'canary');
    await writeFile(canary, 'precious');
    await mkdir(base, { mode: 0o700 });
    const dead = path.join(base, `run-${DEAD_PID}-planted`);
    await mkdir(dead);
    return { canary, dead };
  };

  it('never writes through a planted symbolic link (the target keeps its content)', async () => {
    const { canary, dead } = await plantDeadRun();
    await symlink(canary, path.join(dead, 'MobSvc.passphrase'));
    expect(await sweepSecretLeftovers(base)).toBe(1);
    expect(await readFile(canary, 'utf8')).toBe('precious');
    expect(existsSync(dead)).toBe(false);
  });

  it('never zeroes a file through a hard link to it', async () => {
    const { canary, dead } = await plantDeadRun();
    await link(canary, path.join(dead, 'config.json'));
    await sweepSecretLeftovers(base);
    expect(await readFile(canary, 'utf8')).toBe('precious');
  });

  it('does not follow a run folder that is a link to another folder', async () => {
    const elsewhere = path.join(sandbox, 'elsewhere');
    await mkdir(elsewhere);
    await writeFile(path.join(elsewhere, 'secret'), 'precious');
    await mkdir(base, { mode: 0o700 });
    await symlink(elsewhere, path.join(base, `run-${DEAD_PID}-linked`));
    await sweepSecretLeftovers(base);
    expect(await readFile(path.join(elsewhere, 'secret'), 'utf8')).toBe('precious');
  });

  it('leaves a base owned by another user, or writable by others, alone', async () => {
    const { canary, dead } = await plantDeadRun();
    await writeFile(path.join(dead, 'secret'), 'leftover');
    await chown(base, 65534, 65534);
    expect(await sweepSecretLeftovers(base)).toBe(0);
    expect(await readFile(path.join(dead, 'secret'), 'utf8')).toBe('leftover');
    await chown(base, process.getuid?.() ?? 0, process.getgid?.() ?? 0);
    await chmod(base, 0o777);
    expect(await sweepSecretLeftovers(base)).toBe(0);
    expect(existsSync(dead)).toBe(true);
    await chmod(base, 0o700);
    expect(await sweepSecretLeftovers(base)).toBe(1);
    expect(await readFile(canary, 'utf8')).toBe('precious');
  });
});

describe('secretBaseFor', () => {
  it("puts root's secrets in a root-only folder instead of the shared temp folder; sandboxes keep theirs", () => {
    expect(secretBaseFor(os.tmpdir(), 0, 'linux')).toBe(ROOT_SECRET_BASE);
    expect(path.dirname(ROOT_SECRET_BASE)).toBe('/run');
    expect(secretBaseFor('/srv/sandbox/tmp', 0, 'linux')).toBe('/srv/sandbox/tmp/mobility-setup-secrets');
  });

  it('gives another user no fixed name in the shared temp folder: a random per-process name, or their own XDG_RUNTIME_DIR', async () => {
    const base = secretBaseFor(os.tmpdir(), 1000, 'linux', undefined);
    expect(path.dirname(base)).toBe(os.tmpdir());
    expect(path.basename(base)).toMatch(new RegExp(`^mobility-setup-secrets-1000-${process.pid}-[0-9a-f]{24}$`));
    expect(base).not.toBe(path.join(os.tmpdir(), 'mobility-setup-secrets'));
    // The same process keeps one base (so a sweep can tell its folders from a dead run's).
    expect(secretBaseFor(os.tmpdir(), 1000, 'linux', undefined)).toBe(base);
  });

  it('takes XDG_RUNTIME_DIR only when it is a real 0700 folder of that user', async () => {
    const uid = process.getuid?.() ?? 0;
    const runtime = path.join(sandbox, 'runtime');
    await mkdir(runtime, { mode: 0o700 });
    await chmod(runtime, 0o700);
    expect(privateRuntimeDir(runtime, uid)).toBe(runtime);
    expect(privateRuntimeDir(runtime, uid + 1)).toBeNull();
    expect(privateRuntimeDir('relative/run', uid)).toBeNull();
    expect(privateRuntimeDir(undefined, uid)).toBeNull();
    await symlink(runtime, path.join(sandbox, 'link'));
    expect(privateRuntimeDir(path.join(sandbox, 'link'), uid)).toBeNull();
    await chmod(runtime, 0o755);
    expect(privateRuntimeDir(runtime, uid)).toBeNull();
  });
});
