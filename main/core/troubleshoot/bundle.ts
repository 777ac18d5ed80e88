/**
 * The diagnostics bundle: one tar.gz with the health report (JSON and text), the connectivity test, the
 * anti-virus report, push-install readiness, the system facts, the vendor logs and Mobility Setup's own log.
 * It is built in two moves so the person sees what will be in it before anything is saved: stage (every file
 * written redacted into a private 0700 folder, and listed), then save (archived to the chosen file, never
 * over an existing one) or discard. Logs are copied line by line through the redactor, never read whole.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type { Pack } from 'tar';
import { UserError } from '../../../common/result';
import type { BundleEntry } from '../../../common/troubleshoot';
import { redactText } from './redaction';

/** A log larger than this contributes its last part only (the newest runs are what support reads). */
export const MAX_LOG_BYTES = 32 * 1024 * 1024;

export interface BundleInputs {
  reports: Record<string, unknown>;
  /** Readable text files made here, by name (health.txt). */
  texts: Record<string, string>;
  /** Log files to include: real path and the system path to name as their source. */
  logs: { file: string; source: string }[];
  /** Exact strings to redact besides the patterns (the session's known secrets). */
  secrets: readonly string[];
}

export interface StagedBundle {
  folder: string;
  entries: BundleEntry[];
}

async function copyRedacted(from: string, to: string, secrets: readonly string[]): Promise<void> {
  const { size } = await stat(from);
  const start = Math.max(0, size - MAX_LOG_BYTES);
  const reader = readline.createInterface({
    input: createReadStream(from, { encoding: 'utf8', start }),
    crlfDelay: Infinity,
  });
  const out = createWriteStream(to, { flags: 'wx', mode: 0o600 });
  let first = start > 0;
  for await (const line of reader) {
    // Starting mid-file cuts the first line: drop it rather than redact half a secret.
    if (first) {
      first = false;
      continue;
    }
    if (!out.write(`${redactText(line, secrets)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

/** What the bundle job watches while the files are written: each part as it is done, and a Cancel between parts. */
export interface StageHooks {
  /** Called before each part; throws to stop (the job's Cancel). */
  checkpoint?(): void;
  onEntry?(entry: BundleEntry): void;
}

/** Writes every entry, redacted, into a fresh private folder and lists them; a stop removes the folder. */
export async function stageBundle(inputs: BundleInputs, hooks: StageHooks = {}): Promise<StagedBundle> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'mobility-setup-bundle-'));
  try {
    const entries: BundleEntry[] = [];
    const add = async (name: string, source: string | null) => {
      const entry = { name, sizeBytes: (await stat(path.join(folder, name))).size, source };
      entries.push(entry);
      hooks.onEntry?.(entry);
    };
    for (const [name, value] of Object.entries(inputs.reports)) {
      hooks.checkpoint?.();
      await writeFile(path.join(folder, name), `${redactText(JSON.stringify(value, null, 2), inputs.secrets)}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
      await add(name, null);
    }
    for (const [name, text] of Object.entries(inputs.texts)) {
      hooks.checkpoint?.();
      await writeFile(path.join(folder, name), redactText(text, inputs.secrets), { mode: 0o600, flag: 'wx' });
      await add(name, null);
    }
    if (inputs.logs.length > 0) await mkdir(path.join(folder, 'logs'), { mode: 0o700 });
    const used = new Set<string>();
    for (const log of inputs.logs) {
      hooks.checkpoint?.();
      let name = `logs/${path.basename(log.file)}`;
      for (let n = 2; used.has(name); n++) name = `logs/${n}-${path.basename(log.file)}`;
      used.add(name);
      await copyRedacted(log.file, path.join(folder, name), inputs.secrets);
      await add(name, log.source);
    }
    return { folder, entries };
  } catch (err) {
    await rm(folder, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Archives a staged bundle to `outFile` (created new, 0600) and removes the staging folder. With `keepWhenRefused`,
 * a file that cannot be created (it exists, no permission) leaves the staged files for another try.
 */
export async function saveBundle(
  staged: StagedBundle,
  outFile: string,
  options: { keepWhenRefused?: boolean } = {},
): Promise<{ file: string; sizeBytes: number }> {
  const file = path.resolve(outFile);
  let refused = false;
  try {
    const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
    const opened = once(out, 'open');
    out.once('error', () => undefined);
    try {
      await opened;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      refused = true;
      throw new UserError(
        code === 'EEXIST' ? 'bundle.exists' : 'bundle.cannotWrite',
        code === 'EEXIST'
          ? `${file} already exists; the bundle is never written over a file.`
          : `Cannot create ${file} (${code ?? 'error'}).`,
        code === 'EEXIST'
          ? 'Choose another file name, or move the old file away.'
          : 'Choose a folder you can write to.',
        { path: file },
      );
    }
    try {
      await pipeline(await archiveStream(staged), out);
    } catch (err) {
      // A half-written archive looks like a bundle and is not one: remove what was written (we created it new).
      await rm(file, { force: true });
      throw err;
    }
    return { file, sizeBytes: (await stat(file)).size };
  } finally {
    if (!(refused && options.keepWhenRefused === true)) await discardBundle(staged);
  }
}

/**
 * The staged files as one tar.gz stream (to a file, or to a download). tar is loaded here, when a bundle is
 * saved or sent, not at start: every front door composes the troubleshooting service.
 */
export async function archiveStream(staged: StagedBundle): Promise<Pack> {
  const { createTar } = await import('../installer/tar-package');
  return createTar(
    { gzip: true, cwd: staged.folder, portable: true },
    staged.entries.map((e) => e.name),
  );
}

export async function discardBundle(staged: StagedBundle): Promise<void> {
  await rm(staged.folder, { recursive: true, force: true });
}
