// @vitest-environment jsdom
/**
 * The bundle's save controls by front door: the Electron window has "Save bundle…" (the main process's native
 * dialog; the page sends only the id) and no path field; the browser host has Download bundle and the typed path.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PreparedBundle } from '../../../common/troubleshoot';
import { BundleSection } from '../../../renderer/troubleshoot/bundle-section';
import { FakeTransport } from './fake-transport';
import { missingKeys } from './render-app';
import { renderStep } from './render-step';

const prepared: PreparedBundle = { bundleId: 'b-1', entries: [{ name: 'health.json', sizeBytes: 120, source: null }] };

afterEach(() => {
  cleanup();
  missingKeys.length = 0;
});

async function preparedIn(transport: FakeTransport): Promise<void> {
  renderStep(<BundleSection expectedServer={null} />, transport, {});
  fireEvent.click(screen.getByRole('button', { name: 'Prepare bundle' }));
  await screen.findByTestId('bundle-entries');
}

describe('the bundle section', () => {
  it('Electron: "Save bundle…" sends only the id; a cancel says so and keeps the bundle; then saved', async () => {
    const transport = new FakeTransport();
    transport.shell = 'electron';
    const answers = [{ saved: false as const }, { saved: true as const, file: '/root/diag.tar.gz', sizeBytes: 2048 }];
    transport.on('prepareBundle', prepared).on('saveBundleWithDialog', () => ({ ok: true, value: answers.shift()! }));
    await preparedIn(transport);
    expect(screen.queryByRole('textbox')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save bundle…' }));
    expect((await screen.findByTestId('bundle-save-cancelled')).textContent).toContain('Not saved: no file was chosen');
    expect(screen.getByTestId('bundle-entries')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save bundle…' }));
    expect((await screen.findByTestId('bundle-saved')).textContent).toContain('Saved /root/diag.tar.gz');
    expect(screen.queryByTestId('bundle-save-cancelled')).toBeNull();
    expect(transport.callsOf('saveBundleWithDialog')).toEqual([
      { bundleId: 'b-1', language: 'en' },
      { bundleId: 'b-1', language: 'en' },
    ]);
    expect(missingKeys).toEqual([]);
  });

  it('browser host: Download bundle and the path field, no "Save bundle…"', async () => {
    const transport = new FakeTransport();
    transport.on('prepareBundle', prepared);
    const downloadBundle = () => Promise.resolve({ ok: true, value: { fileName: 'x', sizeBytes: 1 } });
    Object.assign(transport, { downloadBundle });
    await preparedIn(transport);
    expect(screen.getByRole('button', { name: 'Download bundle' })).toBeTruthy();
    expect(screen.getByRole('textbox')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save bundle…' })).toBeNull();
    await waitFor(() => expect(transport.callsOf('saveBundleWithDialog')).toEqual([]));
  });
});
