import fs from 'node:fs';
import path from 'node:path';
import type { LogChunk } from '../../../common/install';

/** How often, and after how many lines, buffered lines go out as one `jobLog` event. */
export const LOG_FLUSH_MS = 100;
export const LOG_FLUSH_LINES = 1_000;
/** The most lines one readJobLog reply carries. */
export const LOG_READ_MAX = 5_000;
/** Lines kept in memory per job; past this the file still has everything. */
export const MAX_LINES_IN_MEMORY = 2_000_000;

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

/**
 * One job's live log: kept in memory for readJobLog, appended to the job log file, and published in
 * batches so an installer printing 200,000 lines does not become 200,000 events. Every line passes the
 * redactor first, so a secret a vendor tool might echo never reaches memory, file or event.
 */
export class JobLog {
  private readonly lines: string[] = [];
  private pending: string[] = [];
  private pendingFrom = 0;
  private timer: NodeJS.Timeout | undefined;
  private stream: fs.WriteStream | null = null;
  private dropped = 0;
  private readonly secrets: readonly string[];

  constructor(
    private readonly jobId: string,
    readonly filePath: string,
    secrets: readonly string[],
    private readonly publish: (chunk: LogChunk) => void,
    /** Cap on lines kept in memory (a small one in tests). */
    private readonly maxLines = MAX_LINES_IN_MEMORY,
  ) {
    this.secrets = orderSecrets(secrets);
  }

  /** This job's secrets, for redacting other text shown for it (the vendor log). */
  get secretValues(): readonly string[] {
    return this.secrets;
  }

  /** Opens the log file (0600; its folder 0700). A log that cannot be written does not stop the job. */
  open(): boolean {
    try {
      fs.mkdirSync(path.dirname(this.filePath), { recursive: true, mode: 0o700 });
      this.stream = fs.createWriteStream(this.filePath, { flags: 'a', mode: 0o600 });
      this.stream.on('error', () => {
        this.stream = null;
      });
      return true;
    } catch {
      this.stream = null;
      return false;
    }
  }

  get count(): number {
    return this.dropped + this.lines.length;
  }

  append(rawLine: string): void {
    const line = replaceOrdered(rawLine, this.secrets);
    if (this.lines.length >= this.maxLines) {
      // Drop a tenth at once: one shift per line would move the whole array for every line past the cap.
      const drop = Math.max(1, Math.ceil(this.maxLines / 10));
      this.lines.splice(0, drop);
      this.dropped += drop;
    }
    if (this.pending.length === 0) this.pendingFrom = this.count;
    this.lines.push(line);
    this.pending.push(line);
    this.stream?.write(line + '\n');
    if (this.pending.length >= LOG_FLUSH_LINES) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), LOG_FLUSH_MS);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const chunk: LogChunk = { jobId: this.jobId, from: this.pendingFrom, lines: this.pending };
    this.pending = [];
    this.publish(chunk);
  }

  /**
   * Lines from `from` on. Lines older than the in-memory window are only in the file: the reply then
   * starts at the first line still kept, and its `from` (greater than asked) says so.
   */
  read(from: number, max = LOG_READ_MAX): LogChunk {
    const start = Math.max(from, this.dropped);
    const index = start - this.dropped;
    return { jobId: this.jobId, from: start, lines: this.lines.slice(index, index + Math.min(max, LOG_READ_MAX)) };
  }

  /** Flushes and closes the file; resolves when the bytes are on disk. */
  async close(): Promise<void> {
    this.flush();
    const stream = this.stream;
    this.stream = null;
    if (!stream) return;
    await new Promise<void>((resolve) => stream.end(() => resolve()));
  }
}
