/**
 * The job journal: each job (install, register, …) is recorded in the log folder as it goes, and its end is
 * marked, so a job killed with its process (kill -9, a power cut, a closed SSH session) is known at the next
 * start instead of leaving an extracted installer behind and a wizard that says only "installed, not registered".
 *
 * API (wired into the job engine and every front door's start in the next round):
 *   const journal = createJobJournal({ dir: '<log folder>/jobs', allowedRoots: [workBase], logger });
 *   const record = await journal.begin({ id, kind, frontDoor });   // step 'check', this pid, now
 *   await record.leftover(extractDir);   // BEFORE creating it: extracted folders, request folders, secret files
 *   await record.step('install');
 *   await record.end('succeeded');       // in every outcome: 'succeeded' | 'failed' | 'cancelled'
 *   const interrupted = await journal.recover();   // at start: jobs whose process is gone without an end
 *
 * `recover` marks each such job "interrupted" (kept in the journal with the step it was in, for detection and
 * the app log to report), and removes its recorded leftovers: only paths inside `allowedRoots`, owned by this
 * user, reached without passing through a link; a link is removed itself, never followed. Each removal (and each
 * refusal) is logged. The folder must be root's or this user's and writable by nobody else, and only records
 * root or this user wrote are read: a record another local user could plant would name folders to delete.
 * A process that is not root reads root's journal (to report an interrupted job) but writes nothing there: its
 * own jobs are not recorded, and root's leftovers wait for root's next start.
 */
import { lstat, open, readdir, readFile, realpath, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../ports/ports';
import { existingFolderAccess, isTrustedOwner, trustedFolderAccess } from './private-folder';
import { isProcessAlive, processStartTicks } from './process-alive';
import { randomHex } from './random-hex';

export type JournalEnd = 'succeeded' | 'failed' | 'cancelled';

export interface JournalRecord {
  id: string;
  kind: string;
  frontDoor: string;
  step: string;
  startedAt: number;
  pid: number;
  /** Linux start time of the process (clock ticks since boot), so a reused pid is not taken for the job's. */
  startTicks: string | null;
  /** Paths the job created that must not outlive it. */
  leftovers: string[];
  state: 'running' | JournalEnd | 'interrupted';
  endedAt: number | null;
  /** For an interrupted job: what recovery removed and what it left (with why). */
  removed?: string[];
  kept?: string[];
}

export interface JournalEntry {
  readonly record: Readonly<JournalRecord>;
  step(step: string): Promise<void>;
  leftover(file: string): Promise<void>;
  end(state: JournalEnd): Promise<void>;
}

export interface JobJournal {
  begin(job: { id: string; kind: string; frontDoor: string }): Promise<JournalEntry>;
  recover(): Promise<JournalRecord[]>;
  /** The most recently started job on record (any state), or null: the last job tells what to report at start. */
  latest(): Promise<JournalRecord | null>;
}

export interface JournalOptions {
  /** The journal's own folder (in the log folder); must be this user's and writable by nobody else. */
  dir: string;
  /** Folders leftovers may be in (the work folder, the secrets folder); anything recorded elsewhere is kept. */
  allowedRoots: readonly string[];
  logger: Pick<Logger, 'info' | 'warn'>;
  now?: () => number;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const STALE_TEMP_MS = 60_000;

function isRecord(v: Partial<JournalRecord> | null): v is JournalRecord {
  return (
    v !== null &&
    typeof v.id === 'string' &&
    ID.test(v.id) &&
    typeof v.kind === 'string' &&
    typeof v.step === 'string' &&
    Number.isInteger(v.pid) &&
    typeof v.startedAt === 'number' &&
    Array.isArray(v.leftovers) &&
    v.leftovers.every((l) => typeof l === 'string')
  );
}

/** Whole or not at all: a temporary file in the same folder, renamed over the record. */
async function writeRecord(dir: string, record: JournalRecord): Promise<void> {
  const temp = path.join(dir, `.${record.id}.${randomHex(6)}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(`${JSON.stringify(record)}\n`);
    await handle.sync();
  } catch (err) {
    // A full log folder: no empty temporary file is left behind.
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await handle.close();
  await rename(temp, path.join(dir, `${record.id}.json`));
}

function within(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Why `file` must not be removed, or null when it may: inside an allowed root, no link on the way, this user's. */
async function refusal(file: string, roots: readonly string[]): Promise<string | null> {
  if (!path.isAbsolute(file)) return 'not an absolute path';
  const resolved = path.resolve(file);
  const realRoots = await Promise.all(roots.map((r) => realpath(r).catch(() => null)));
  const root = realRoots.find((r) => r !== null && within(r, resolved));
  if (!root) return 'outside the folders a job may leave files in';
  // Every folder between the root and the leftover must be a real folder: a link there would redirect the removal.
  const parent = path.dirname(resolved);
  if ((await realpath(parent).catch(() => null)) !== parent) return 'a folder on its way is a link or is gone';
  const info = await lstat(resolved).catch(() => null);
  if (!info) return 'already gone';
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) return `owned by uid ${info.uid}, not by this user`;
  return null;
}

/** Every readable record in the journal folder; a temporary file of a writer that died mid-write is removed. */
async function readRecords(dir: string, logger: Pick<Logger, 'warn'>): Promise<JournalRecord[]> {
  const records: JournalRecord[] = [];
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.json')) {
      // A writer in another process may be between write and rename: only an old one is a dead writer's.
      const temp = path.join(dir, name);
      const stale = (await lstat(temp).catch(() => null))?.mtimeMs ?? Infinity;
      if (name.endsWith('.tmp') && Date.now() - stale > STALE_TEMP_MS) await unlink(temp).catch(() => undefined);
      continue;
    }
    const file = path.join(dir, name);
    let record: Partial<JournalRecord> | null = null;
    try {
      const info = await lstat(file);
      if (info.isFile() && isTrustedOwner(info.uid))
        record = JSON.parse(await readFile(file, 'utf8')) as Partial<JournalRecord>;
    } catch {
      record = null;
    }
    if (isRecord(record)) records.push(record);
    else logger.warn('job journal: unreadable record skipped', { file });
  }
  return records;
}

const waitsForRoot = (file: string) => `${file} (root's: removed when Mobility Setup next starts as root)`;

export function createJobJournal(options: JournalOptions): JobJournal {
  const now = options.now ?? Date.now;
  const ready = () => trustedFolderAccess(options.dir, 'journal.unsafe', 'the job journal');
  const readable = () => existingFolderAccess(options.dir, 'journal.unsafe', 'the job journal');

  async function removeLeftovers(record: JournalRecord): Promise<{ removed: string[]; kept: string[] }> {
    const removed: string[] = [];
    const kept: string[] = [];
    for (const file of record.leftovers) {
      const why = await refusal(file, options.allowedRoots);
      if (why === 'already gone') continue;
      if (why) {
        kept.push(`${file} (${why})`);
        options.logger.warn('interrupted job: leftover kept', { job: record.id, path: file, reason: why });
        continue;
      }
      // rm works on the path itself (lstat): a link is unlinked, and recursion never follows links inside.
      await rm(file, { recursive: true, force: true, maxRetries: 3 });
      removed.push(file);
      options.logger.info('interrupted job: leftover removed', { job: record.id, path: file });
    }
    return { removed, kept };
  }

  return {
    async begin(job) {
      if (!ID.test(job.id)) throw new Error(`job id ${JSON.stringify(job.id)} is not a journal id`);
      if ((await ready()) === 'readOnly') throw new Error(`${options.dir} is root's: only root records jobs there`);
      const record: JournalRecord = {
        ...job,
        step: 'check',
        startedAt: now(),
        pid: process.pid,
        startTicks: processStartTicks(process.pid),
        leftovers: [],
        state: 'running',
        endedAt: null,
      };
      // One writer per record, in order: a step and a leftover written at once must not lose either.
      let queue = writeRecord(options.dir, record);
      const update = (change: () => void) => {
        change();
        queue = queue.then(() => writeRecord(options.dir, record));
        return queue;
      };
      await queue;
      return {
        record,
        step: (step) => update(() => (record.step = step)),
        leftover: (file) => update(() => record.leftovers.push(path.resolve(file))),
        end: (state) =>
          update(() => {
            record.state = state;
            record.endedAt = now();
          }),
      };
    },

    async latest() {
      if ((await readable()) === 'absent') return null;
      const records = await readRecords(options.dir, options.logger);
      return records.reduce<JournalRecord | null>((a, b) => (a === null || b.startedAt > a.startedAt ? b : a), null);
    },

    async recover() {
      const access = await readable();
      const interrupted: JournalRecord[] = [];
      if (access === 'absent') return interrupted;
      for (const record of await readRecords(options.dir, options.logger)) {
        if (record.state !== 'running' || isProcessAlive(record.pid, record.startTicks ?? null)) continue;
        // Root's leftovers and record are root's to change: reported now, removed at root's next start.
        const { removed, kept } =
          access === 'own' ? await removeLeftovers(record) : { removed: [], kept: record.leftovers.map(waitsForRoot) };
        const marked: JournalRecord = { ...record, state: 'interrupted', endedAt: now(), removed, kept };
        if (access === 'own') await writeRecord(options.dir, marked);
        options.logger.warn('job interrupted', {
          job: record.id,
          kind: record.kind,
          step: record.step,
          pid: record.pid,
          startedAt: new Date(record.startedAt).toISOString(),
        });
        interrupted.push(marked);
      }
      return interrupted;
    },
  };
}
