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

  it('bumps its version per chunk and tells subscribers once per frame, whatever the chunk count and size', () => {
    const frames: (() => void)[] = [];
    const store = new LogStore((notify) => frames.push(notify));
    store.reset('job-1');
    frames.splice(0).forEach((run) => run());
    let notified = 0;
    store.subscribe(() => notified++);
    const before = store.getVersion();
    store.append({ jobId: 'job-1', from: 0, lines: lines(0, 50_000) });
    store.append({ jobId: 'job-1', from: 50_000, lines: lines(50_000, 10) });
    expect(store.getVersion()).toBe(before + 2);
    expect(notified).toBe(0);
    expect(frames).toHaveLength(1);
    frames.splice(0).forEach((run) => run());
    expect(notified).toBe(1);
    expect(store.length).toBe(50_010);
    // Nothing new, nothing to tell.
    store.append({ jobId: 'job-1', from: 0, lines: lines(0, 10) });
    expect(frames).toHaveLength(0);
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

  it('keeps chunks that arrive past a gap and joins them once the gap is filled', () => {
    const store = new LogStore();
    store.reset('job-1');
    store.append({ jobId: 'job-1', from: 0, lines: lines(0, 2_000) });
    // Two live chunks arrive while lines 2,000–2,999 were missed (a reconnect): kept, and the gap reported.
    expect(store.append({ jobId: 'job-1', from: 4_000, lines: lines(4_000, 1_000) })).toEqual({
      added: 0,
      missingFrom: 2_000,
    });
    expect(store.append({ jobId: 'job-1', from: 3_000, lines: lines(3_000, 1_000) })).toEqual({
      added: 0,
      missingFrom: 2_000,
    });
    expect(store.length).toBe(2_000);
    // The read-back of the gap overlaps the chunk after it: every line once, in order.
    expect(store.append({ jobId: 'job-1', from: 2_000, lines: lines(2_000, 1_500) })).toEqual({
      added: 3_000,
      missingFrom: null,
    });
    expect(store.length).toBe(5_000);
    for (const i of [0, 1_999, 2_000, 2_999, 3_000, 3_499, 3_500, 4_999]) expect(store.line(i)).toBe(`line ${i}`);
    expect(store.line(5_000)).toBe('');
    expect(store.text()).toBe(lines(0, 5_000).join('\n'));
    // A new job forgets what was waiting for the old one.
    store.append({ jobId: 'job-1', from: 9_000, lines: lines(9_000, 1) });
    store.reset('job-1');
    expect(store.append({ jobId: 'job-1', from: 0, lines: lines(0, 1) }).added).toBe(1);
    expect(store.length).toBe(1);
  });

  it('merges a trickle of small chunks and keeps every line, empty and non-ASCII ones included', () => {
    const store = new LogStore();
    store.reset('job-1');
    const all: string[] = [];
    for (let from = 0; from < 2_500; from += 3) {
      const chunk = [`ligne ${from} é`, '', `İstanbul ${from + 2}`];
      all.push(...chunk);
      store.append({ jobId: 'job-1', from, lines: chunk });
    }
    expect(store.length).toBe(all.length);
    all.forEach((line, i) => expect(store.line(i)).toBe(line));
    expect(store.findLines('STANBUL 2003')).toEqual([2_003]);
    expect(store.findLines('LIGNE 3 É')).toEqual([3]);
  });

  it('holds 1,000,000 lines and finds the last one', () => {
    const store = new LogStore();
    store.reset('job-1');
    const total = 1_000_000;
    for (let from = 0; from < total; from += 1_000) {
      store.append({
        jobId: 'job-1',
        from,
        lines: Array.from({ length: 1_000 }, (_, i) => `[vendor] step ${from + i + 1} of ${total}`),
      });
    }
    expect(store.length).toBe(total);
    const search = new LogSearch(store);
    // How fast is the bench's (`npm run bench`, the log pane rows: goal 500 ms in the browser), not this test's.
    expect(search.matches(`${total} of ${total}`)).toEqual([total - 1]);
    expect(store.line(total - 1)).toBe(`[vendor] step ${total} of ${total}`);
    expect(store.findLines('step 1 of', 10)).toEqual([]);
    expect(store.findLines('step 12 of', 5)).toEqual([11]);
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
