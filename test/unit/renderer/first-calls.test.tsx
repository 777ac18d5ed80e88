// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { AntivirusReport } from '../../../common/antivirus';
import type { DetectionReport } from '../../../common/detection';
import type { Result } from '../../../common/result';
import { startFirstCalls } from '../../../renderer/api/first-calls';
import type { FirstReplies } from '../../../renderer/api/first-calls';
import { App } from '../../../renderer/app';
import { boot } from '../../../renderer/boot';
import { deferred, FakeTransport } from './fake-transport';
import { report, session } from './fixtures';
import { createTestI18n, missingKeys } from './render-app';

afterEach(() => {
  cleanup();
  expect(missingKeys).toEqual([]);
});

const noScanners: AntivirusReport = { platform: 'linux', folders: [], scanners: [], canFix: false, checkedAt: 0 };

const firstScreenCore = () =>
  new FakeTransport()
    .on('getSession', session)
    .on('detect', report)
    .on('checkAntivirus', noScanners)
    .on('getLatestJob', null);

const FIRST_METHODS = ['getSession', 'detect', 'getLatestJob', 'checkAntivirus'] as const;

function renderWizard(fake: FakeTransport, transport = startFirstCalls(fake).transport, firstReplies?: FirstReplies) {
  return render(
    <I18nextProvider i18n={createTestI18n()}>
      <App transport={transport} firstReplies={firstReplies} />
    </I18nextProvider>,
  );
}

describe('first calls, started before React renders', () => {
  it('sends them at once, and hands each reply to the first same call only', async () => {
    const answer = deferred<Result<DetectionReport>>();
    const fake = firstScreenCore().on('detect', () => answer.promise);
    const { transport } = startFirstCalls(fake);
    expect(fake.calls.map((c) => c.method)).toEqual([...FIRST_METHODS]);

    const first = transport.call('detect', {});
    expect(fake.callsOf('detect')).toHaveLength(1);
    answer.resolve({ ok: true, value: report });
    expect(await first).toEqual({ ok: true, value: report });
    // A Re-check, or the same call again, asks the core anew.
    await transport.call('detect', { refresh: true });
    await transport.call('detect', {});
    expect(fake.callsOf('detect')).toEqual([{}, { refresh: true }, {}]);
  });

  it('lets the wizard mount with them: each first call reaches the core once, and the screen completes', async () => {
    const fake = firstScreenCore();
    renderWizard(fake);
    expect(await screen.findByText('Check complete.')).toBeTruthy();
    for (const method of FIRST_METHODS) expect(fake.callsOf(method)).toEqual([{}]);
  });
});

describe('the first render, with the first calls that have answered', () => {
  it('takes every answer that came in time; the wizard draws the finished screen at once and asks nothing again', async () => {
    const fake = firstScreenCore();
    const first = startFirstCalls(fake);
    const replies = await first.answeredWithin(1000);
    expect(Object.keys(replies).sort()).toEqual([...FIRST_METHODS].sort());
    expect(replies.detect).toEqual({ ok: true, value: report });

    renderWizard(fake, first.transport, replies);
    // No waiting: the first commit already says it (render() flushes the first commit and its effects).
    expect(screen.getByText('Check complete.')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Re-check' }).disabled).toBe(false);
    for (const method of FIRST_METHODS) expect(fake.callsOf(method)).toEqual([{}]);
    // A taken answer is not handed out again: a later same call asks the core.
    await first.transport.call('detect', {});
    expect(fake.callsOf('detect')).toEqual([{}, {}]);
  });

  it('does not wait past its deadline for a slow call: the wizard shows "Checking…" and gets that answer itself', async () => {
    const slow = deferred<Result<DetectionReport>>();
    const fake = firstScreenCore().on('detect', () => slow.promise);
    const first = startFirstCalls(fake);
    const started = Date.now();
    const replies = await first.answeredWithin(50);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(replies.detect).toBeUndefined();
    expect(replies.getSession).toEqual({ ok: true, value: session });

    renderWizard(fake, first.transport, replies);
    expect(screen.getAllByText('Checking…').length).toBeGreaterThan(0);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Re-check' }).disabled).toBe(true);
    await act(async () => slow.resolve({ ok: true, value: report }));
    expect(await screen.findByText('Check complete.')).toBeTruthy();
    // The one call already sent is the app's: detection reached the core once; the session was not asked again.
    expect(fake.callsOf('detect')).toEqual([{}]);
    expect(fake.callsOf('getSession')).toEqual([{}]);
  });

  it('counts a failed reply as an answer (the screen shows the failure) and a rejected call as none', async () => {
    const fake = firstScreenCore()
      .fail('detect', { code: 'detect.failed', message: 'The probes could not run.' })
      .on('checkAntivirus', () => Promise.reject(new Error('bridge closed')));
    const first = startFirstCalls(fake);
    const replies = await first.answeredWithin(1000);
    expect(replies.detect).toEqual({
      ok: false,
      error: { code: 'detect.failed', message: 'The probes could not run.' },
    });
    expect(replies.checkAntivirus).toBeUndefined();
  });
});

describe('first calls the landing already answered (the browser host puts them in the page)', () => {
  it('sends none of them, answers with them at once, and asks the core for a later same call', async () => {
    const fake = firstScreenCore();
    const carriedReport = { ...report, token: 'CARRIED-BY-THE-LANDING-64' };
    const first = startFirstCalls(fake, {
      getSession: { ok: true, value: session },
      detect: { ok: true, value: carriedReport },
    });
    // Only the two the page did not carry went out.
    expect(fake.calls.map((c) => c.method)).toEqual(['getLatestJob', 'checkAntivirus']);
    const replies = await first.answeredWithin(1000);
    expect(replies.detect).toEqual({ ok: true, value: carriedReport });
    expect(Object.keys(replies).sort()).toEqual([...FIRST_METHODS].sort());

    renderWizard(fake, first.transport, replies);
    expect(screen.getByText('Check complete.')).toBeTruthy();
    expect(screen.getAllByText(/CARRIED-BY-THE-LANDING-64/).length).toBeGreaterThan(0);
    expect(fake.callsOf('detect')).toEqual([]);
    expect(fake.callsOf('getSession')).toEqual([]);
    // A Re-check is a new question: it goes to the core.
    await first.transport.call('detect', { refresh: true });
    expect(fake.callsOf('detect')).toEqual([{ refresh: true }]);
  });

  it('with every answer carried, does not wait for its deadline', async () => {
    const fake = firstScreenCore();
    const first = startFirstCalls(fake, {
      getSession: { ok: true, value: session },
      detect: { ok: true, value: report },
      getLatestJob: { ok: true, value: null },
      checkAntivirus: { ok: true, value: noScanners },
    });
    const started = Date.now();
    const replies = await first.answeredWithin(60_000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(Object.keys(replies).sort()).toEqual([...FIRST_METHODS].sort());
    expect(fake.calls).toEqual([]);
  });
});

describe('boot (the chunk the entry imports once the first calls are sent)', () => {
  it('renders the wizard into #root from the calls already sent, asking none of them again', async () => {
    const root = document.createElement('div');
    root.id = 'root';
    document.body.append(root);
    try {
      const fake = firstScreenCore();
      await act(() => boot(startFirstCalls(fake)));
      expect(await screen.findByText('Check complete.')).toBeTruthy();
      for (const method of FIRST_METHODS) expect(fake.callsOf(method)).toEqual([{}]);
    } finally {
      root.remove();
    }
  });
});
