// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeTransport } from './fake-transport';
import { installedReport, installerChoice, jobSnapshot, toInstallFake } from './fixtures';
import { disabled, missingKeys, renderApp } from './render-app';

afterEach(() => {
  cleanup();
  expect(missingKeys).toEqual([]);
});

const click = (name: string | RegExp) => act(() => screen.getByRole('button', { name }).click());
const continueEnabled = () =>
  waitFor(() => expect(disabled(screen.getByRole('button', { name: 'Continue' }))).toBe(false));

function coreFake(): FakeTransport {
  return toInstallFake()
    .on('startRegister', { jobId: 'job-1' })
    .on('getJob', jobSnapshot())
    .on('cancelJob', jobSnapshot({ state: 'running' }));
}

describe('install progress', () => {
  it('shows steps and progress from job events, cancels after confirming, and ends on the summary', async () => {
    const fake = coreFake();
    renderApp(fake);
    await continueEnabled();
    click('Continue');
    await screen.findByText('Checksum verified');
    fireEvent.change(screen.getByLabelText('Install folder (optional)'), { target: { value: '/opt/ASR' } });
    click('Continue');
    await screen.findByRole('heading', { level: 1, name: 'Register with a server' });
    act(() => screen.getByRole('radio', { name: /Skip registration for now/ }).click());
    // The installer is set up for one kind of server: Continue waits for the choice.
    click('Continue');
    expect(
      screen.getByText(
        'Choose the kind of server it will be registered with: the installer is set up for one of them.',
      ),
    ).toBeTruthy();
    act(() => screen.getByRole('radio', { name: 'A replication appliance (modernized)' }).click());
    click('Continue');
    // The background check covered the default folders only: the custom folder is checked on the step itself.
    await screen.findByRole('heading', { level: 1, name: 'Anti-virus exclusions' });
    await waitFor(() => expect(fake.callsOf('checkAntivirus')).toContainEqual({ installDir: '/opt/ASR' }));
    await continueEnabled();
    click('Continue');
    await screen.findByRole('heading', { level: 1, name: 'Review' });
    expect(screen.getByText('Install the Mobility service 9.65.0.0')).toBeTruthy();
    expect(screen.getByText('Not registered now; installed for a replication appliance (modernized)')).toBeTruthy();
    click('Install');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Installing the Mobility service' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(fake.callsOf('startInstall')).toEqual([
      {
        installerDir: '/srv/installers',
        installerFile: installerChoice.chosen.path,
        installDir: '/opt/ASR',
        registration: { mode: 'none', serverKind: 'modernized' },
        dataPort: 9443,
        antivirusChoice: 'allExcluded',
      },
    ]);

    await waitFor(() => expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('30'));
    expect(screen.getByText('Now: Extract the installer')).toBeTruthy();
    act(() =>
      fake.emit(
        'job',
        jobSnapshot({
          steps: jobSnapshot().steps.map((s) =>
            s.id === 'install'
              ? { ...s, state: 'running' }
              : { ...s, state: s.id === 'check' || s.id === 'extract' ? 'done' : s.state },
          ),
        }),
      ),
    );
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');
    // Another job's events are not this wizard's.
    act(() => fake.emit('job', jobSnapshot({ id: 'job-9', state: 'failed' })));
    expect(screen.getByRole('progressbar')).toBeTruthy();

    click('Cancel');
    expect(fake.callsOf('cancelJob')).toEqual([]);
    click('Keep going');
    click('Cancel');
    await act(async () => screen.getByRole('button', { name: 'Stop the job' }).click());
    expect(fake.callsOf('cancelJob')).toEqual([{ jobId: 'job-1' }]);

    act(() =>
      fake.emit(
        'job',
        jobSnapshot({
          state: 'cancelled',
          finishedAt: Date.now(),
          outcome: {
            severity: 'warning',
            code: 'job.cancelled',
            message: 'The job was cancelled.',
            hint: null,
            exitCode: null,
            rebootRequired: false,
            machineState: 'Nothing was installed.',
          },
        }),
      ),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Installation cancelled' })).toBeTruthy();
    expect(screen.getByText('Nothing was installed.')).toBeTruthy();
    // Retry goes back to the server step (registration 'none' keeps no secret, so straight to review).
    click('Retry');
    expect(await screen.findByRole('heading', { level: 1, name: 'Review' })).toBeTruthy();
  });

  it('registers an installed agent with startRegister (Register only)', async () => {
    const fake = coreFake().on('detect', installedReport);
    renderApp(fake);
    await screen.findByText('9.60.0.0');
    click('Register only');
    await screen.findByRole('heading', { level: 1, name: 'Register with a server' });
    fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: 'itUx70I47uxDuUVY' } });
    click('Check connection');
    await screen.findByText('The server can be reached: registration can go ahead.');
    click('Continue');
    await screen.findByRole('heading', { level: 1, name: 'Review' });
    click('Register');
    await screen.findByRole('heading', { level: 1, name: 'Registering the Mobility service' });
    expect(fake.callsOf('startRegister')).toEqual([
      { registration: { mode: 'classic', endpoint: '10.0.0.5', passphrase: 'itUx70I47uxDuUVY' } },
    ]);
    expect(fake.callsOf('startInstall')).toEqual([]);
  });
});
