/**
 * The live job log, outside React state: 200,000 lines must not be copied per chunk or held as per-line
 * state. Lines go into one growing array; a version counter tells subscribers (useSyncExternalStore)
 * that something changed, so a chunk of any size costs one render.
 */
import type { LogChunk } from '../../common/install';

export interface AppendResult {
  /** Lines actually added (duplicates of lines already held are dropped). */
  added: number;
  /** Set when the chunk starts past the end: the lines from here on must be fetched (readJobLog). */
  missingFrom: number | null;
}

export class LogStore {
  private lines: string[] = [];
  private jobId: string | null = null;
  private version = 0;
  private readonly listeners = new Set<() => void>();

  get length(): number {
    return this.lines.length;
  }

  get currentJobId(): string | null {
    return this.jobId;
  }

  line(index: number): string {
    return this.lines[index] ?? '';
  }

  /** Starts over for another job (or none). */
  reset(jobId: string | null): void {
    this.jobId = jobId;
    this.lines = [];
    this.bump();
  }

  /** Adds a chunk by its `from` index, so a chunk seen twice (event and readJobLog) is added once. */
  append(chunk: LogChunk): AppendResult {
    if (chunk.jobId !== this.jobId) return { added: 0, missingFrom: null };
    const have = this.lines.length;
    if (chunk.from > have) return { added: 0, missingFrom: have };
    const skip = have - chunk.from;
    if (skip >= chunk.lines.length) return { added: 0, missingFrom: null };
    // push in a loop: spreading a 50,000-line chunk as arguments can overflow the stack.
    for (let i = skip; i < chunk.lines.length; i++) this.lines.push(chunk.lines[i] ?? '');
    this.bump();
    return { added: chunk.lines.length - skip, missingFrom: null };
  }

  /** Indexes of the lines containing `query` (case-insensitive). */
  search(query: string): number[] {
    const needle = query.toLowerCase();
    if (needle === '') return [];
    const matches: number[] = [];
    for (let i = 0; i < this.lines.length; i++) {
      if ((this.lines[i] ?? '').toLowerCase().includes(needle)) matches.push(i);
    }
    return matches;
  }

  text(): string {
    return this.lines.join('\n');
  }

  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private bump(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
