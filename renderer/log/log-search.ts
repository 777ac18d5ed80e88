/**
 * Search over a growing LogStore that only scans new lines when the query stays the same, so a search
 * left open while 200,000 lines stream in costs time per chunk, not per total.
 */
import { matcherFor } from './log-match';
import type { LogStore } from './log-store';

export class LogSearch {
  private query = '';
  private scanned = 0;
  private jobId: string | null = null;
  private found: number[] = [];

  constructor(private readonly store: LogStore) {}

  /** Line indexes containing `query` (case-insensitive), in order. Returns a new array when it changed. */
  matches(query: string): number[] {
    const needle = query.toLowerCase();
    const restart = needle !== this.query || this.store.length < this.scanned || this.store.currentJobId !== this.jobId;
    if (restart) {
      this.query = needle;
      this.scanned = 0;
      this.jobId = this.store.currentJobId;
      this.found = [];
    }
    if (needle === '') {
      this.scanned = this.store.length;
      return this.found;
    }
    if (this.scanned === this.store.length) return this.found;
    const next = this.found.concat(this.store.findLines(needle, this.scanned));
    this.scanned = this.store.length;
    this.found = next;
    return next;
  }
}

/** Splits a line into plain and matching parts for highlighting. */
export function splitByMatch(line: string, query: string): { text: string; match: boolean }[] {
  if (query === '') return [{ text: line, match: false }];
  const matcher = matcherFor(query);
  const parts: { text: string; match: boolean }[] = [];
  let at = 0;
  for (let hit = matcher.exec(line); hit !== null; hit = matcher.exec(line)) {
    if (hit.index > at) parts.push({ text: line.slice(at, hit.index), match: false });
    parts.push({ text: hit[0], match: true });
    at = hit.index + hit[0].length;
  }
  if (at < line.length) parts.push({ text: line.slice(at), match: false });
  return parts;
}
