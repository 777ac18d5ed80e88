// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InstallStep } from '../../../renderer/steps/install-step';
import { FakeTransport } from './fake-transport';
import { jobSnapshot } from './fixtures';
import { missingKeys } from './render-app';
import { renderStep } from './render-step';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  expect(missingKeys).toEqual([]);
});

const installing = (inactivityTimeoutMs: number | undefined, running: 'extract' | 'install' = 'install') =>
  jobSnapshot({
    ...(inactivityTimeoutMs === undefined ? {} : { inactivityTimeoutMs }),
    steps: jobSnapshot().steps.map((s) => ({
      ...s,
      state:
        s.id === running
          ? 'running'
          : s.id === 'check' || (running === 'install' && s.id === 'extract')
            ? 'done'
            : 'pending',
    })),
  });

describe('a quiet vendor tool', () => {
  it('says how long it has printed nothing and when the inactivity timeout ends it; a new line clears it', () => {
    vi.useFakeTimers();
    const job = installing(15 * 60_000);
    const { logStore } = renderStep(<InstallStep />, new FakeTransport(), {
      step: 'install',
      jobId: job.id,
      job,
    });
    act(() => logStore.reset(job.id));
    const quiet = screen.getByTestId('quiet-wait');
    expect(quiet.textContent).toBe('');
    act(() => {
      vi.advanceTimersByTime(12_000);
    });
    expect(quiet.textContent).toBe('No output for 12 s; it is ended after 15 min without output.');
    act(
      () =>
        void logStore.append({
          jobId: job.id,
          from: 0,
          lines: ['Installing…'],
        }),
    );
    expect(quiet.textContent).toBe('');
    act(() => {
      vi.advanceTimersByTime(95_000);
    });
    expect(quiet.textContent).toBe('No output for 95 s; it is ended after 15 min without output.');
  });

  it('counts a short timeout in seconds, and says nothing while a step without a vendor tool runs', () => {
    vi.useFakeTimers();
    const job = installing(20_000);
    renderStep(<InstallStep />, new FakeTransport(), {
      step: 'install',
      jobId: job.id,
      job,
    });
    act(() => {
      vi.advanceTimersByTime(11_000);
    });
    expect(screen.getByTestId('quiet-wait').textContent).toBe(
      'No output for 11 s; it is ended after 20 s without output.',
    );
    cleanup();
    const extracting = installing(20_000, 'extract');
    renderStep(<InstallStep />, new FakeTransport(), {
      step: 'install',
      jobId: extracting.id,
      job: extracting,
    });
    act(() => {
      vi.advanceTimersByTime(30_000);
    });
    expect(screen.getByTestId('quiet-wait').textContent).toBe('');
  });
});
