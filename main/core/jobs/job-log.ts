import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { LogChunk } from '../../../common/install';
import { countLines } from '../../../common/line-block';

/** How often, and after how many lines, buffered lines go out as one `jobLog` event. */
export const LOG_FLUSH_MS = 100;
export const LOG_FLUSH_LINES = 1_000;
/**
 * The most lines one readJobLog reply carries (the request schema's own limit): a page that missed part of a
 * 1,000,000-line log catches up in 20 replies of a few MB instead of 200.
 */
export const LOG_READ_MAX = 50_000;
/**
 * Lines kept in memory per job (the newest); older ones are read back from the job log file, so the core's
 * memory does not grow with the length of the log (an installer may print millions of lines).
 */
export const MAX_LINES_IN_MEMORY = 20_000;
/** The file index keeps the byte offset of about every this-many-th line (a few bytes per thousand lines). */
const INDEX_EVERY = 1_000;
/** Bytes read from the file at a time when serving old lines. */
const FILE_READ_BYTES = 256 * 1024;

export const REDACTED = '********';

/**
 * Secrets in the order they must be replaced: longest first, since a secret that contains a shorter one
 * must be replaced whole, or the rest of it would be left showing.
 */
export function orderSecrets(secrets: readonly string[]): string[] {
  return [...new Set(secrets)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
}

function replaceOrdered(text: string, ordered: readonly string[]): string {
  let out = text;
  for (const secret of ordered) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

/** Replaces every occurrence of each secret in `text`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return replaceOrdered(text, orderSecrets(secrets));
}

/** Lines kept as they came: one line block (common/line-block.ts) and where it starts in the job's lines. */
interface Block {
  from: number;
  text: string;
  count: number;
}

/**
 * One job's live log: kept in memory for readJobLog, appended to the job log file, and published in
 * batches so an installer printing 200,000 lines does not become 200,000 events. Every line passes the
 * redactor first, so a secret a vendor tool might echo never reaches memory, file or event.
 * Lines are kept, batched and written as the blocks they came in (a vendor tool's output a pipe read at a time),
 * not as one string each: 200,000 short-lived strings, and the 20,000 kept, were much of the CPU time (garbage
 * collection) of a 200,000-line install. A block is split into lines only when they are read or published.
 */
export class JobLog {
  /** The newest lines (at most maxLines once they are on disk, plus part of one block); the first is `dropped`. */
  private blocks: Block[] = [];
  private total = 0;
  private pending: string[] = [];
  private pendingLines = 0;
  private pendingFrom = 0;
  private timer: NodeJS.Timeout | undefined;
  /**
   * The job log file, written synchronously one batch (LOG_FLUSH_LINES lines or more) at a time: an asynchronous
   * stream queues every batch in memory while a fast installer outpaces the disk, so memory grew with the line
   * count (the benchmark's peak RSS for 1,000,000 lines); a batch to the page cache takes microseconds.
   */
  private fd: number | null = null;
  private dropped = 0;
  /** Lines written to the file, and the byte offset after them. */
  private linesQueued = 0;
  private bytesQueued = 0;
  /** Lines on disk (only those may leave memory). */
  private linesOnDisk = 0;
  /** Where some lines start in the file (a batch's first line, about one per INDEX_EVERY lines), in order. */
  private readonly fileIndex: { line: number; offset: number }[] = [];
  private readonly secrets: readonly string[];
  private readonly blockSecrets: readonly string[];

  constructor(
    private readonly jobId: string,
    readonly filePath: string,
    secrets: readonly string[],
    private readonly publish: (chunk: LogChunk) => void,
    /** Cap on lines kept in memory (a small one in tests). */
    private readonly maxLines = MAX_LINES_IN_MEMORY,
    /** Whether anyone reads the published lines now: the command line without --verbose does not. */
    private readonly wanted: () => boolean = () => true,
  ) {
    this.secrets = orderSecrets(secrets);
    this.blockSecrets = this.secrets.filter((secret) => !secret.includes('\n'));
  }

  /** This job's secrets, for redacting other text shown for it (the vendor log). */
  get secretValues(): readonly string[] {
    return this.secrets;
  }

  /** Opens the log file (0600; its folder 0700). A log that cannot be written does not stop the job. */
  open(): boolean {
    try {
      fs.mkdirSync(path.dirname(this.filePath), { recursive: true, mode: 0o700 });
      const fd = fs.openSync(this.filePath, 'a', 0o600);
      // Offsets in the index count from what the file already held (appending to an existing file).
      this.bytesQueued = fs.fstatSync(fd).size;
      this.fd = fd;
      return true;
    } catch {
      this.fd = null;
      return false;
    }
  }

  get count(): number {
    return this.total;
  }

  /** Lines held in memory now (the memory bound's tests read it). */
  get linesInMemory(): number {
    return this.total - this.dropped;
  }

  append(rawLine: string): void {
    this.push(replaceOrdered(rawLine, this.secrets));
  }

  /**
   * Every line of a line block (common/line-block.ts), redacted in one pass over the block. A secret lies inside
   * one line (a block never splits a line, however the pipe split the output), so this redacts what append would;
   * a secret holding a line end never matched a single line, and is left out so no two lines become one.
   */
  appendLines(rawBlock: string): void {
    this.push(replaceOrdered(rawBlock, this.blockSecrets));
  }

  private push(text: string): void {
    if (this.linesInMemory >= this.maxLines) this.dropOld();
    const count = countLines(text);
    if (this.pending.length === 0) this.pendingFrom = this.total;
    this.blocks.push({ from: this.total, text, count });
    this.total += count;
    this.pending.push(text);
    this.pendingLines += count;
    if (this.pendingLines >= LOG_FLUSH_LINES) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), LOG_FLUSH_MS);
  }

  /**
   * Drops down to half the window at once (one shift per line would move the whole array for every line past the
   * cap), but only lines already written to the file, which then serves them. Without a file they go.
   */
  private dropOld(): void {
    const want = Math.max(1, this.linesInMemory - Math.floor(this.maxLines / 2));
    const drop = this.fd !== null ? Math.min(want, this.linesOnDisk - this.dropped) : want;
    if (drop <= 0) return;
    const until = this.dropped + drop;
    let gone = 0;
    while (gone < this.blocks.length && this.blocks[gone]!.from + this.blocks[gone]!.count <= until) gone++;
    this.blocks = this.blocks.slice(gone);
    const first = this.blocks[0];
    // A block that reaches past the cut keeps only its lines from `until` on.
    if (first && first.from < until) {
      let at = -1;
      for (let skip = until - first.from; skip > 0; skip--) at = first.text.indexOf('\n', at + 1);
      this.blocks[0] = { from: until, text: first.text.slice(at + 1), count: first.count - (until - first.from) };
    }
    this.dropped = until;
  }

  /** Publishes the buffered lines as one `jobLog` event and hands them to the file in one write. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const text = this.pending.length === 1 ? this.pending[0]! : this.pending.join('\n');
    const from = this.pendingFrom;
    const count = this.pendingLines;
    this.pending = [];
    this.pendingLines = 0;
    this.writeToFile(text, count);
    // Splitting the batch into lines is most of what publishing costs; nobody reading them, it is not done.
    if (this.wanted()) this.publish({ jobId: this.jobId, from, lines: text.split('\n') });
  }

  private writeToFile(text: string, count: number): void {
    const fd = this.fd;
    if (fd === null) return;
    const first = this.linesQueued;
    const last = this.fileIndex.at(-1);
    if (!last || Math.floor(first / INDEX_EVERY) > Math.floor(last.line / INDEX_EVERY))
      this.fileIndex.push({ line: first, offset: this.bytesQueued });
    const data = `${text}\n`;
    this.linesQueued += count;
    this.bytesQueued += Buffer.byteLength(data);
    try {
      fs.writeSync(fd, data);
      this.linesOnDisk = this.linesQueued;
    } catch (err) {
      // A log that cannot be written (a full disk) does not stop the job: the lines stay in memory from here on,
      // and the log says so (the wizard and the summary show it; the outcome is the job's, not the log's).
      this.closeFile();
      const code = (err as NodeJS.ErrnoException).code ?? 'an error';
      const why = code === 'ENOSPC' || code === 'EDQUOT' ? `its disk is full (${code})` : `writing failed (${code})`;
      this.append(
        `Mobility Setup stopped writing the job log ${this.filePath}: ${why}. ` +
          'The job goes on; later lines are kept in memory only.',
      );
    }
  }

  /**
   * Lines from `from` on: from memory, and from the job log file for lines older than the in-memory window.
   * When the file cannot give them, the reply starts at the first line still in memory, and its `from`
   * (greater than asked) says so.
   */
  read(from: number, max = LOG_READ_MAX): LogChunk {
    const limit = Math.min(max, LOG_READ_MAX);
    const older = from < this.dropped ? this.readFromFile(from, Math.min(limit, this.dropped - from)) : null;
    if (older !== null) {
      const more = this.fromMemory(this.dropped, limit - older.length);
      return { jobId: this.jobId, from, lines: older.length === this.dropped - from ? [...older, ...more] : older };
    }
    const start = Math.max(from, this.dropped);
    return { jobId: this.jobId, from: start, lines: this.fromMemory(start, limit) };
  }

  /** Up to `max` lines from line `from` (in memory) on. */
  private fromMemory(from: number, max: number): string[] {
    const out: string[] = [];
    for (const block of this.blocks) {
      if (out.length >= max) break;
      if (block.from + block.count <= from) continue;
      const lines = block.count === 1 ? [block.text] : block.text.split('\n');
      for (let i = Math.max(0, from - block.from); i < lines.length && out.length < max; i++) out.push(lines[i]!);
    }
    return out;
  }

  /** `count` lines from line `from` (all on disk), or null when the file cannot be read. */
  private readFromFile(from: number, count: number): string[] | null {
    if (count <= 0) return null;
    // The last indexed line at or before `from` (the index is sorted by line).
    let lo = 0;
    let hi = this.fileIndex.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.fileIndex[mid]!.line <= from) lo = mid;
      else hi = mid - 1;
    }
    const entry = this.fileIndex[lo];
    if (!entry || entry.line > from) return null;
    let skip = from - entry.line;
    const offset = entry.offset;
    const out: string[] = [];
    let fd: number;
    try {
      fd = fs.openSync(this.filePath, 'r');
    } catch {
      return null;
    }
    try {
      const buffer = Buffer.alloc(FILE_READ_BYTES);
      // A read may end inside a multi-byte character: the decoder keeps its first bytes for the next read.
      const decoder = new StringDecoder('utf8');
      let position = offset;
      let partial = '';
      while (out.length < count) {
        const n = fs.readSync(fd, buffer, 0, buffer.length, position);
        if (n <= 0) break;
        position += n;
        const parts = (partial + decoder.write(buffer.subarray(0, n))).split('\n');
        partial = parts.pop() ?? '';
        for (const line of parts) {
          if (skip > 0) skip--;
          else if (out.length < count) out.push(line);
        }
      }
    } catch {
      return null;
    } finally {
      fs.closeSync(fd);
    }
    return out.length === count ? out : null;
  }

  /** Flushes and closes the file; resolves when the bytes are on disk. */
  async close(): Promise<void> {
    this.flush();
    this.closeFile();
    return Promise.resolve();
  }

  private closeFile(): void {
    const fd = this.fd;
    this.fd = null;
    if (fd === null) return;
    try {
      fs.closeSync(fd);
    } catch {
      // Already closed or gone: nothing more to write.
    }
  }
}
