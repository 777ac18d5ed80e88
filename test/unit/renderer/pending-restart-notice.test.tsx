// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PendingRestartFacts } from '../../../common/detection';
import type { WizardState } from '../../../renderer/flow/wizard-state';
import { ReviewStep } from '../../../renderer/steps/review-step';
import { connectivityOk, installerChoice, report, session, toInstallFake } from './fixtures';
import { missingKeys } from './render-app';
import { renderStep } from './render-step';

afterEach(() => {
  cleanup();
  expect(missingKeys).toEqual([]);
});

const pending: PendingRestartFacts = {
  pending: true,
  markers: [{ source: 'newerKernel', detail: 'kernel 6.1.0-18-amd64 is installed but 6.1.0-13-amd64 is running' }],
};
const classic = {
  mode: 'classic' as const,
  endpoint: '10.0.0.5',
  passphrase: 'itUx70I47uxDuUVY',
  configJson: null,
  configFileName: null,
  laterKind: null,
};
const review = (pendingRestart: PendingRestartFacts | null): Partial<WizardState> => ({
  step: 'review',
  session,
  installer: installerChoice,
  searchedDir: '/srv/installers',
  connectivity: connectivityOk,
  connectivityEndpoint: '10.0.0.5',
  registration: classic,
  detection: { ...report, complete: true, pendingRestart },
});

describe('pending restart on Review', () => {
  it('warns before installing, and the install the person then starts says to try anyway', async () => {
    const fake = toInstallFake();
    renderStep(<ReviewStep />, fake, review(pending));
    const notice = screen.getByTestId('pending-restart');
    expect(notice.textContent).toContain(
      'Newer kernel installed: kernel 6.1.0-18-amd64 is installed but 6.1.0-13-amd64 is running',
    );
    expect(notice.textContent).toContain('the installer may stop with exit code 62');
    act(() => screen.getByRole('button', { name: 'Install' }).click());
    await waitFor(() => expect(fake.callsOf('startInstall')).toHaveLength(1));
    expect(fake.callsOf('startInstall')[0]).toMatchObject({ ignorePendingRestart: true });
  });

  it('without a pending restart: no warning, and the request does not ask to ignore one', async () => {
    const fake = toInstallFake();
    renderStep(<ReviewStep />, fake, review({ pending: false, markers: [] }));
    expect(screen.queryByTestId('pending-restart')).toBeNull();
    act(() => screen.getByRole('button', { name: 'Install' }).click());
    await waitFor(() => expect(fake.callsOf('startInstall')).toHaveLength(1));
    expect(fake.callsOf('startInstall')[0]).not.toHaveProperty('ignorePendingRestart');
  });
});
