import fs from 'node:fs';
import path from 'node:path';
import type { LogChunk } from '../../../common/install';

/** How often, and after how many lines, buffered lines go out as one `jobLog` event. */
export const LOG_FLUSH_MS = 100;
export const LOG_FLUSH_LINES = 1_000;
/** The most lines one readJobLog reply carries. */
export const LOG_READ_MAX = 5_000;
/** Lines kept in memory per job; past this the file still has everything. */
const MAX_LINES_IN_MEMORY = 2_000_000;

const REDACTED = '********';

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

  constructor(
    private readonly jobId: string,
    readonly filePath: string,
    private readonly secrets: readonly string[],
    private readonly publish: (chunk: LogChunk) => void,
  ) {}

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
    const line = this.redact(rawLine);
    if (this.lines.length >= MAX_LINES_IN_MEMORY) {
      this.lines.shift();
      this.dropped += 1;
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

  private redact(line: string): string {
    let out = line;
    for (const secret of this.secrets) if (secret.length > 0 && out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  }
}
