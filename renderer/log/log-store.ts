/**
 * The live job log, outside React state, compact enough to hold every line of a 1,000,000-line install:
 * each chunk is kept as one string (its lines joined by '\n') plus the end offset of each line, so a line
 * costs its characters and 4 bytes instead of a string object of its own, and a line is sliced out only
 * when it is shown. A version counter tells subscribers (useSyncExternalStore) that something changed, at most
 * once per frame: a chunk of any size, or any number of chunks arriving within a frame, costs one render (a render
 * per chunk kept the page from reading the event stream fast enough for a 1,000,000-line install). Chunks that
 * arrive past a gap (a missed event, a reconnect) are kept until the gap is filled, so the page fetches only the
 * gap instead of re-reading everything after it.
 */
import type { LogChunk } from '../../common/install';
import { matcherFor } from './log-match';

export interface AppendResult {
  /** Lines actually added (duplicates of lines already held are dropped). */
  added: number;
  /** Set when the chunk starts past the end: the lines from here on must be fetched (readJobLog). */
  missingFrom: number | null;
}

/** Chunks smaller than this together are merged into one. */
const MERGE_UP_TO = 1_000;

interface StoredChunk {
  /** Index of the chunk's first line in the whole log. */
  from: number;
  text: string;
  /** Where each line ends in `text` (exclusive); the next line starts one past it (the '\n'). */
  ends: Uint32Array;
}

function storedChunk(from: number, lines: readonly string[]): StoredChunk {
  const ends = new Uint32Array(lines.length);
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    at += (lines[i] ?? '').length;
    ends[i] = at;
    at++;
  }
  return { from, text: lines.join('\n'), ends };
}

function lineStart(chunk: StoredChunk, i: number): number {
  return i === 0 ? 0 : chunk.ends[i - 1]! + 1;
}

function lineIn(chunk: StoredChunk, i: number): string {
  return chunk.text.slice(lineStart(chunk, i), chunk.ends[i]);
}

/** The two chunks as one (small live chunks are merged so a slow trickle of lines does not make a chunk per line). */
function joined(a: StoredChunk, b: StoredChunk): StoredChunk {
  const ends = new Uint32Array(a.ends.length + b.ends.length);
  ends.set(a.ends);
  const shift = a.text.length + 1;
  for (let i = 0; i < b.ends.length; i++) ends[a.ends.length + i] = b.ends[i]! + shift;
  return { from: a.from, text: `${a.text}\n${b.text}`, ends };
}

/** Index in `chunk` of the line holding character `offset` (binary search over the line ends). */
function lineAt(chunk: StoredChunk, offset: number): number {
  let lo = 0;
  let hi = chunk.ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (chunk.ends[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Runs `notify` before the next paint (or soon, where there are no frames). */
export type NotifyScheduler = (notify: () => void) => void;

const beforeNextFrame: NotifyScheduler = (notify) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => notify());
  else setTimeout(notify, 16);
};

export class LogStore {
  private chunks: StoredChunk[] = [];
  private count = 0;
  /** Chunks past a gap, by their first line; joined once the lines before them arrive. */
  private ahead = new Map<number, StoredChunk>();
  /** The chunk the last line() call read: the virtual list asks for neighbouring lines. */
  private recent = 0;
  private jobId: string | null = null;
  private version = 0;
  private readonly listeners = new Set<() => void>();
  private notifyScheduled = false;

  constructor(private readonly schedule: NotifyScheduler = beforeNextFrame) {}

  get length(): number {
    return this.count;
  }

  get currentJobId(): string | null {
    return this.jobId;
  }

  line(index: number): string {
    if (index < 0 || index >= this.count) return '';
    const chunk = this.chunkHolding(index);
    return chunk ? lineIn(chunk, index - chunk.from) : '';
  }

  /** Starts over for another job (or none). */
  reset(jobId: string | null): void {
    this.jobId = jobId;
    this.chunks = [];
    this.count = 0;
    this.ahead = new Map();
    this.recent = 0;
    this.bump();
  }

  /** Adds a chunk by its `from` index, so a chunk seen twice (event and readJobLog) is added once. */
  append(chunk: LogChunk): AppendResult {
    if (chunk.jobId !== this.jobId) return { added: 0, missingFrom: null };
    if (chunk.from > this.count) {
      // Stored now, while it arrives: joining a long run of waiting chunks later is then only pushing them.
      if (!this.ahead.has(chunk.from) && chunk.lines.length > 0)
        this.ahead.set(chunk.from, storedChunk(chunk.from, chunk.lines));
      return { added: 0, missingFrom: this.count };
    }
    const before = this.count;
    this.take(chunk.from, chunk.lines);
    this.joinWaiting();
    const added = this.count - before;
    if (added > 0) this.bump();
    return { added, missingFrom: null };
  }

  /**
   * Indexes of the lines from `fromLine` on that contain `query` (case-insensitive), in order: one regular
   * expression runs over each chunk's text, which is an order of magnitude faster than a lower-cased copy of
   * every line (1,000,000 lines: about 20 ms instead of 650 ms).
   */
  findLines(query: string, fromLine = 0): number[] {
    const found: number[] = [];
    if (query === '' || fromLine >= this.count) return found;
    const matcher = matcherFor(query);
    for (let c = this.chunkIndexHolding(fromLine); c < this.chunks.length; c++) {
      const chunk = this.chunks[c]!;
      matcher.lastIndex = fromLine > chunk.from ? lineStart(chunk, fromLine - chunk.from) : 0;
      for (let hit = matcher.exec(chunk.text); hit !== null; hit = matcher.exec(chunk.text)) {
        const i = lineAt(chunk, hit.index);
        found.push(chunk.from + i);
        // One entry per line: go on from the start of the next line.
        matcher.lastIndex = chunk.ends[i]! + 1;
      }
    }
    return found;
  }

  text(): string {
    return this.chunks.map((chunk) => chunk.text).join('\n');
  }

  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Adds the part of `lines` (starting at line `from`, at or before the end) past the lines already held. */
  private take(from: number, lines: readonly string[]): void {
    const skip = this.count - from;
    if (skip >= lines.length) return;
    this.push(storedChunk(this.count, skip === 0 ? lines : lines.slice(skip)));
  }

  private push(fresh: StoredChunk): void {
    this.count += fresh.ends.length;
    const last = this.chunks.at(-1);
    if (last && last.ends.length + fresh.ends.length <= MERGE_UP_TO)
      this.chunks[this.chunks.length - 1] = joined(last, fresh);
    else this.chunks.push(fresh);
  }

  /** Moves the waiting chunks that now follow on (or overlap) the end into the log. */
  private joinWaiting(): void {
    for (let next = this.nextWaiting(); next; next = this.nextWaiting()) {
      this.ahead.delete(next.from);
      if (next.from === this.count) this.push(next);
      else if (next.from + next.ends.length > this.count) {
        const skip = this.count - next.from;
        const lines = Array.from({ length: next.ends.length - skip }, (_, i) => lineIn(next, skip + i));
        this.push(storedChunk(this.count, lines));
      }
    }
  }

  /** A waiting chunk that starts at or before the end (the one starting exactly there first), if any. */
  private nextWaiting(): StoredChunk | undefined {
    const exact = this.ahead.get(this.count);
    if (exact) return exact;
    for (const waiting of this.ahead.values()) if (waiting.from < this.count) return waiting;
    return undefined;
  }

  private chunkHolding(index: number): StoredChunk | undefined {
    const c = this.chunkIndexHolding(index);
    this.recent = c;
    return this.chunks[c];
  }

  /** Index of the chunk holding line `index` (the last chunk for an index past the end). */
  private chunkIndexHolding(index: number): number {
    const recent = this.chunks[this.recent];
    if (recent && recent.from <= index && index < recent.from + recent.ends.length) return this.recent;
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunks[mid]!.from <= index) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(0, lo);
  }

  private bump(): void {
    this.version++;
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    this.schedule(() => {
      this.notifyScheduled = false;
      for (const listener of this.listeners) listener();
    });
  }
}
