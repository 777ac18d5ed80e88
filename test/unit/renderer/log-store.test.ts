import { describe, expect, it } from 'vitest';
import { LogSearch, splitByMatch } from '../../../renderer/log/log-search';
import { LogStore } from '../../../renderer/log/log-store';

const lines = (from: number, n: number) => Array.from({ length: n }, (_, i) => `line ${from + i}`);

describe('log store', () => {
  it('appends chunks by index, drops what it already has, and reports gaps', () => {
    const store = new LogStore();
    store.reset('job-1');
    expect(store.append({ jobId: 'job-1', from: 0, lines: lines(0, 3) })).toEqual({ added: 3, missingFrom: null });
    // The same lines again (event and readJobLog overlap): only the new tail is added.
    expect(store.append({ jobId: 'job-1', from: 1, lines: lines(1, 4) })).toEqual({ added: 2, missingFrom: null });
    expect(store.append({ jobId: 'job-1', from: 0, lines: lines(0, 2) })).toEqual({ added: 0, missingFrom: null });
    expect(store.append({ jobId: 'job-1', from: 9, lines: lines(9, 1) })).toEqual({ added: 0, missingFrom: 5 });
    expect(store.append({ jobId: 'job-2', from: 5, lines: lines(5, 1) })).toEqual({ added: 0, missingFrom: null });
    expect(store.length).toBe(5);
    expect(store.text()).toBe(lines(0, 5).join('\n'));
  });

  it('bumps its version once per chunk, whatever the chunk size', () => {
    const store = new LogStore();
    store.reset('job-1');
    let notified = 0;
    store.subscribe(() => notified++);
    const before = store.getVersion();
    store.append({ jobId: 'job-1', from: 0, lines: lines(0, 50_000) });
    expect(store.getVersion()).toBe(before + 1);
    expect(notified).toBe(1);
    expect(store.length).toBe(50_000);
  });

  it('holds 200,000 lines and searches them incrementally', () => {
    const store = new LogStore();
    store.reset('job-1');
    const search = new LogSearch(store);
    for (let from = 0; from < 200_000; from += 10_000) {
      const chunk = lines(from, 10_000).map((l, i) => ((from + i) % 25_000 === 0 ? `${l} ERROR disk full` : l));
      store.append({ jobId: 'job-1', from, lines: chunk });
      search.matches('error');
    }
    expect(store.length).toBe(200_000);
    expect(search.matches('error')).toEqual([0, 25_000, 50_000, 75_000, 100_000, 125_000, 150_000, 175_000]);
    expect(search.matches('Disk FULL')).toHaveLength(8);
    expect(search.matches('')).toEqual([]);
    store.reset('job-2');
    expect(search.matches('error')).toEqual([]);
  });

  it('splits a line around case-insensitive matches for highlighting', () => {
    expect(splitByMatch('Error: an error', 'error')).toEqual([
      { text: 'Error', match: true },
      { text: ': an ', match: false },
      { text: 'error', match: true },
    ]);
    expect(splitByMatch('plain', '')).toEqual([{ text: 'plain', match: false }]);
  });
});
