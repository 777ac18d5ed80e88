// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { DetectionReport } from '../../../common/detection';
import type { Result } from '../../../common/result';
import { withFirstCallsStarted } from '../../../renderer/api/first-calls';
import { App } from '../../../renderer/app';
import { deferred, FakeTransport } from './fake-transport';
import { report, session } from './fixtures';
import { createTestI18n, missingKeys } from './render-app';

afterEach(() => {
  cleanup();
  expect(missingKeys).toEqual([]);
});

const firstScreenCore = () =>
  new FakeTransport()
    .on('getSession', session)
    .on('detect', report)
    .on('checkAntivirus', { platform: 'linux', folders: [], scanners: [], canFix: false, checkedAt: 0 })
    .on('getLatestJob', null);

describe('first calls, started before React renders', () => {
  it('sends them at once, and hands each reply to the first same call only', async () => {
    const answer = deferred<Result<DetectionReport>>();
    const fake = firstScreenCore().on('detect', () => answer.promise);
    const transport = withFirstCallsStarted(fake);
    expect(fake.calls.map((c) => c.method)).toEqual(['getSession', 'detect', 'checkAntivirus', 'getLatestJob']);

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
    render(
      <I18nextProvider i18n={createTestI18n()}>
        <App transport={withFirstCallsStarted(fake)} />
      </I18nextProvider>,
    );
    expect(await screen.findByText('Check complete.')).toBeTruthy();
    for (const method of ['getSession', 'detect', 'checkAntivirus', 'getLatestJob'] as const)
      expect(fake.callsOf(method)).toEqual([{}]);
  });
});
