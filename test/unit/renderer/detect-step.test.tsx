// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DetectionReport } from '../../../common/detection';
import type { Result } from '../../../common/result';
import { deferred, FakeTransport } from './fake-transport';
import { installedReport, report, session, unsupportedReport } from './fixtures';
import { disabled, missingKeys, renderApp } from './render-app';

afterEach(() => {
  cleanup();
  expect(missingKeys).toEqual([]);
});

describe('detection screen', () => {
  it('renders sections as snapshots arrive, then the full report', async () => {
    const answer = deferred<Result<DetectionReport>>();
    const fake = new FakeTransport().on('getSession', session).on('detect', () => answer.promise);
    renderApp(fake);

    const heading = await screen.findByRole('heading', { level: 1, name: 'This server' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(fake.callsOf('detect')).toEqual([{}]);
    expect(disabled(screen.getByRole('button', { name: 'Continue' }))).toBe(true);

    const { disk: _disk, durationMs: _d, ...partial } = report;
    act(() => fake.emit('detection', { ...partial, complete: false }));
    expect(screen.getByTestId('os-token').textContent).toBe('UBUNTU-22.04-64');
    expect(screen.getByTestId('support-verdict').textContent).toContain('Supported');
    expect(screen.getByText('5.15.0-91-generic')).toBeTruthy();
    const diskCard = screen.getByRole('region', { name: 'Disk space' });
    expect(within(diskCard).getByText('Checking…')).toBeTruthy();
    expect(diskCard.getAttribute('aria-busy')).toBe('true');

    await act(async () => answer.resolve({ ok: true, value: report }));
    expect(within(diskCard).queryByText('Checking…')).toBeNull();
    expect(within(diskCard).getAllByText('40.0 GB')).toHaveLength(2);
    expect(within(diskCard).getByText('2.0 GB')).toBeTruthy();
    expect(disabled(screen.getByRole('button', { name: 'Continue' }))).toBe(false);
    // No agent found: nothing to uninstall, so the start screen does not offer it.
    expect(screen.queryByRole('button', { name: 'Uninstall' })).toBeNull();
  });

  it('disables Continue and says why when the OS is not supported', async () => {
    const fake = new FakeTransport().on('getSession', session).on('detect', unsupportedReport);
    renderApp(fake);
    await waitFor(() => expect(screen.getByTestId('support-verdict').textContent).toContain('Not supported'));
    const button = screen.getByRole('button', { name: 'Continue' });
    expect(disabled(button)).toBe(true);
    expect(button.getAttribute('aria-describedby')).toBeTruthy();
    const note = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toMatch(/not supported/i);
    expect(screen.getByText(/only on 64-bit x86/)).toBeTruthy();
    expect(screen.getByTestId('os-token').textContent).toBe('None');
  });

  it('re-checks with refresh and shows the header badges', async () => {
    const fake = new FakeTransport().on('getSession', { ...session, demo: true }).on('detect', report);
    renderApp(fake);
    await screen.findByTestId('demo-badge');
    expect(screen.getByTestId('root-badge').textContent).toBe('Sandbox root: /tmp/sandbox-root');
    expect(screen.getByTestId('shell-badge').textContent).toBe('Browser host');
    await waitFor(() => expect(disabled(screen.getByRole('button', { name: 'Re-check' }))).toBe(false));
    act(() => screen.getByRole('button', { name: 'Re-check' }).click());
    await waitFor(() => expect(fake.callsOf('detect')).toEqual([{}, { refresh: true }]));
  });

  it('offers Upgrade / reinstall and Register only for an installed, unregistered agent', async () => {
    const fake = new FakeTransport().on('getSession', session).on('detect', installedReport);
    renderApp(fake);
    await screen.findByText('9.60.0.0');
    expect(screen.getByText('Not registered')).toBeTruthy();
    expect(disabled(screen.getByRole('button', { name: 'Upgrade / reinstall' }))).toBe(false);
    act(() => screen.getByRole('button', { name: 'Uninstall' }).click());
    expect(await screen.findByRole('heading', { level: 1, name: 'Uninstall the Mobility service' })).toBeTruthy();
    act(() => screen.getByRole('button', { name: 'Back' }).click());
    act(() => screen.getByRole('button', { name: 'Register only' }).click());
    expect(await screen.findByRole('heading', { level: 1, name: 'Register with a server' })).toBeTruthy();
    // Register only has no installer step and no "skip registration" choice.
    const rail = screen.getByRole('navigation', { name: 'Setup steps' });
    expect(within(rail).getByText('Installer').parentElement?.textContent).toContain('(not needed)');
    expect(screen.queryByRole('radio', { name: /Skip registration/ })).toBeNull();
  });
});
