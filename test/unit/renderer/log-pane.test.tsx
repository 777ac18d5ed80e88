// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Profiler } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LogPane } from '../../../renderer/log/log-pane';
import { LogStore } from '../../../renderer/log/log-store';
import { useJobLog } from '../../../renderer/log/use-job-log';
import { FakeTransport } from './fake-transport';
import { createTestI18n, missingKeys } from './render-app';
import { notifyAtOnce } from './render-step';

const LINE = 20;
const VIEW = 200;
const originals = {
  clientHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
  scrollHeight: Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight'),
  scrollTop: Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop'),
};
const scrollTops = new WeakMap<Element, number>();

// jsdom has no layout: give the log viewport a height and a scroll position so the virtual list and
// the tail-following logic have something to work with.
beforeAll(() => {
  const isViewport = (el: Element) => el.classList.contains('log-viewport');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get() {
      return isViewport(this as Element) ? VIEW : 0;
    },
  });
  Object.defineProperty(Element.prototype, 'scrollHeight', {
    configurable: true,
    get() {
      const sizer = (this as Element).querySelector('.log-sizer');
      return isViewport(this as Element) && sizer ? Number.parseFloat((sizer as HTMLElement).style.height || '0') : 0;
    },
  });
  Object.defineProperty(Element.prototype, 'scrollTop', {
    configurable: true,
    get() {
      return scrollTops.get(this as Element) ?? 0;
    },
    // Like a browser: a scroll position change fires a scroll event (after the current task).
    set(v: number) {
      scrollTops.set(this as Element, v);
      queueMicrotask(() => (this as Element).dispatchEvent(new Event('scroll')));
    },
  });
  Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number) {
    if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top;
  };
});
afterAll(() => {
  for (const [name, d] of Object.entries(originals))
    if (d) Object.defineProperty(name === 'clientHeight' ? HTMLElement.prototype : Element.prototype, name, d);
});
afterEach(() => {
  cleanup();
  expect(missingKeys).toEqual([]);
});

const lines = (from: number, n: number, mark?: (i: number) => boolean) =>
  Array.from({ length: n }, (_, i) => (mark?.(from + i) ? `line ${from + i} ERROR` : `line ${from + i} ok`));

function renderPane(store: LogStore) {
  const commits = { count: 0 };
  const result = render(
    <I18nextProvider i18n={createTestI18n()}>
      <Profiler id="log" onRender={() => commits.count++}>
        <LogPane store={store} label="Installer log" />
      </Profiler>
    </I18nextProvider>,
  );
  return {
    ...result,
    commits,
    pane: screen.getByTestId('log-pane'),
    viewport: screen.getByRole('region', { name: 'Installer log' }),
  };
}

describe('log pane', () => {
  it('appends chunks with one render per chunk, not per line, and counts lines', () => {
    const store = new LogStore(notifyAtOnce);
    store.reset('job-1');
    const { pane, commits } = renderPane(store);
    expect(screen.getByText('No output yet.')).toBeTruthy();
    const before = commits.count;
    act(() => void store.append({ jobId: 'job-1', from: 0, lines: lines(0, 5_000) }));
    expect(commits.count - before).toBeLessThanOrEqual(2);
    expect(pane.getAttribute('data-line-count')).toBe('5000');
    expect(screen.getByTestId('log-line-count').textContent).toBe('5,000 lines');
    // Virtualised: only about a screenful of rows is in the DOM.
    const rows = pane.querySelectorAll('.log-line').length;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(60);
  });

  it('follows the tail until the user scrolls up, then offers Jump to latest', async () => {
    const store = new LogStore(notifyAtOnce);
    store.reset('job-1');
    const { viewport } = renderPane(store);
    await act(async () => void store.append({ jobId: 'job-1', from: 0, lines: lines(0, 100) }));
    expect(viewport.scrollTop).toBe(100 * LINE);
    expect(screen.getByText('line 99 ok')).toBeTruthy();

    await act(async () => void (viewport.scrollTop = 0));
    const jump = screen.getByRole('button', { name: 'Jump to latest' });
    await act(async () => void store.append({ jobId: 'job-1', from: 100, lines: lines(100, 50) }));
    expect(viewport.scrollTop).toBe(0);
    expect(screen.getByText('line 0 ok')).toBeTruthy();

    await act(async () => jump.click());
    expect(viewport.scrollTop).toBe(150 * LINE);
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
  });

  it('searches, highlights and steps through matches, including lines that arrive later', async () => {
    const store = new LogStore(notifyAtOnce);
    store.reset('job-1');
    const { pane } = renderPane(store);
    act(() => void store.append({ jobId: 'job-1', from: 0, lines: lines(0, 1_000, (i) => i % 300 === 0) }));
    const search = screen.getByLabelText('Search the log');
    fireEvent.change(search, { target: { value: 'error' } });
    expect(screen.getByText('Match 1 of 4')).toBeTruthy();
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(screen.getByText('Match 2 of 4')).toBeTruthy();
    fireEvent.keyDown(search, { key: 'Enter', shiftKey: true });
    await act(async () => void fireEvent.keyDown(search, { key: 'Enter', shiftKey: true }));
    expect(screen.getByText('Match 4 of 4')).toBeTruthy();
    // The current match (line 900) was scrolled into view.
    expect(screen.getByText('line 900', { exact: false })).toBeTruthy();
    await act(async () => void store.append({ jobId: 'job-1', from: 1_000, lines: ['late ERROR line'] }));
    expect(screen.getByText('Match 4 of 5')).toBeTruthy();
    expect(pane.querySelector('.log-line.current mark')?.textContent).toBe('ERROR');
    fireEvent.change(search, { target: { value: 'no such text' } });
    expect(screen.getByText('No matches')).toBeTruthy();
  });
});

function Harness({ transport, store, known }: { transport: FakeTransport; store: LogStore; known: number }) {
  useJobLog(transport, store, 'job-1', known);
  return null;
}

describe('useJobLog', () => {
  it('reads on past a reply the core capped, to the end of a long log (a finished job sends no more events)', async () => {
    const server: string[] = lines(0, 23);
    // The core caps every reply (LOG_READ_MAX); here at 5 lines.
    const fake = new FakeTransport().on('readJobLog', (input) => ({
      ok: true,
      value: { jobId: input.jobId, from: input.from, lines: server.slice(input.from, input.from + 5) },
    }));
    const store = new LogStore(notifyAtOnce);
    render(<Harness transport={fake} store={store} known={23} />);
    await waitFor(() => expect(store.length).toBe(23));
    expect(store.line(22)).toBe('line 22 ok');
  });

  it('reads what it missed: at start, after a gap, and when the job says there are more lines', async () => {
    const server: string[] = lines(0, 3);
    const fake = new FakeTransport().on('readJobLog', (input) => ({
      ok: true,
      value: {
        jobId: input.jobId,
        from: input.from,
        lines: server.slice(input.from, input.from + (input.max ?? 1000)),
      },
    }));
    const store = new LogStore(notifyAtOnce);
    const { rerender } = render(<Harness transport={fake} store={store} known={0} />);
    await waitFor(() => expect(store.length).toBe(3));
    expect(fake.callsOf('readJobLog')[0]).toEqual({ jobId: 'job-1', from: 0, max: 50_000 });
    // It reads on until a reply brings nothing new (a reply is capped, so a short one is not the end).
    await waitFor(() => expect(fake.callsOf('readJobLog').at(-1)).toEqual({ jobId: 'job-1', from: 3, max: 50_000 }));
    const before = fake.callsOf('readJobLog').length;

    // A live chunk that starts past the end: the missing lines are read, then the chunk's are kept too.
    server.push(...lines(3, 7));
    act(() => fake.emit('jobLog', { jobId: 'job-1', from: 8, lines: server.slice(8) }));
    await waitFor(() => expect(store.length).toBe(10));
    expect(fake.callsOf('readJobLog')[before]).toEqual({ jobId: 'job-1', from: 3, max: 50_000 });

    // Events lost while disconnected: the job snapshot's line count triggers a read.
    server.push(...lines(10, 5));
    rerender(<Harness transport={fake} store={store} known={15} />);
    await waitFor(() => expect(store.length).toBe(15));
    expect(store.line(14)).toBe('line 14 ok');
    // Another job's chunks are ignored.
    act(() => fake.emit('jobLog', { jobId: 'job-2', from: 15, lines: ['x'] }));
    expect(store.length).toBe(15);
  });
});
