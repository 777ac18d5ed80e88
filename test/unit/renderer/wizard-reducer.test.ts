import { describe, expect, it } from 'vitest';
import { wizardReducer } from '../../../renderer/flow/wizard-reducer';
import { canEnter, registrationBlocker, stepsFor } from '../../../renderer/flow/wizard-guards';
import { initialWizardState } from '../../../renderer/flow/wizard-state';
import type { WizardAction, WizardState } from '../../../renderer/flow/wizard-state';
import {
  connectivityOk,
  connectivityRefused,
  installedReport,
  installerChoice,
  jobSnapshot,
  report,
  session,
  unsupportedReport,
} from './fixtures';

const run = (actions: WizardAction[], from: WizardState = initialWizardState): WizardState =>
  actions.reduce(wizardReducer, from);

const detected: WizardAction[] = [
  { type: 'sessionLoaded', session },
  { type: 'detectionStarted' },
  { type: 'detectionDone', report },
];
const withInstaller: WizardAction[] = [
  ...detected,
  { type: 'goTo', step: 'installer' },
  { type: 'installerFound', dir: '/srv/installers', choice: installerChoice },
  { type: 'goTo', step: 'server' },
];
const readyToReview: WizardAction[] = [
  ...withInstaller,
  { type: 'setEndpoint', endpoint: '10.0.0.5' },
  { type: 'setPassphrase', passphrase: 'itUx70I47uxDuUVY' },
  { type: 'connectivityChecked', endpoint: '10.0.0.5', report: connectivityOk },
  { type: 'goTo', step: 'review' },
];

describe('wizard reducer', () => {
  it('prefills the installer folder and the server address from the session defaults', () => {
    const state = run([{ type: 'sessionLoaded', session }]);
    expect(state.installerDir).toBe('/srv/installers');
    expect(state.registration.endpoint).toBe('10.0.0.5');
  });

  it('merges detection snapshots as sections arrive, and clears them on a re-check', () => {
    let state = run([
      { type: 'detectionStarted' },
      { type: 'detectionSnapshot', snapshot: { root: '/', complete: false, os: report.os } },
    ]);
    state = wizardReducer(state, {
      type: 'detectionSnapshot',
      snapshot: { root: '/', complete: false, token: 'UBUNTU-22.04-64' },
    });
    expect(state.detection?.os?.distribution).toBe('Ubuntu');
    expect(state.detection?.token).toBe('UBUNTU-22.04-64');
    expect(state.detection?.disk).toBeUndefined();
    state = wizardReducer(state, { type: 'detectionDone', report });
    expect(state.detection?.complete).toBe(true);
    expect(state.detecting).toBe(false);
    state = wizardReducer(state, { type: 'detectionStarted' });
    expect(state.detection).toBeNull();
  });

  it('does not leave the detection screen before detection completes or when the OS is unsupported', () => {
    expect(run([{ type: 'detectionStarted' }, { type: 'goTo', step: 'installer' }]).step).toBe('detect');
    const unsupported = run([
      { type: 'detectionStarted' },
      { type: 'detectionDone', report: unsupportedReport },
      { type: 'goTo', step: 'installer' },
    ]);
    expect(unsupported.step).toBe('detect');
    expect(run([...detected, { type: 'goTo', step: 'installer' }]).step).toBe('installer');
  });

  it('needs an installer (without a checksum mismatch) before the server step', () => {
    expect(run([...detected, { type: 'goTo', step: 'installer' }, { type: 'goTo', step: 'server' }]).step).toBe(
      'installer',
    );
    const mismatch = run([
      ...detected,
      { type: 'goTo', step: 'installer' },
      { type: 'installerFound', dir: '/srv/installers', choice: { ...installerChoice, checksum: 'mismatch' } },
      { type: 'goTo', step: 'server' },
    ]);
    expect(mismatch.step).toBe('installer');
    expect(run(withInstaller).step).toBe('server');
  });

  it('needs a valid address, passphrase and a connection check that allows registering before review', () => {
    const base = run([
      ...withInstaller,
      { type: 'setEndpoint', endpoint: 'https://cs01/' },
      { type: 'setPassphrase', passphrase: 'itUx70I47uxDuUVY' },
    ]);
    expect(registrationBlocker(base)).toBe('server.blocker.endpoint');
    const noCheck = run([{ type: 'setEndpoint', endpoint: '10.0.0.5' }], base);
    expect(registrationBlocker(noCheck)).toBe('server.blocker.checkConnection');
    const refused = run(
      [
        { type: 'connectivityChecked', endpoint: '10.0.0.5', report: connectivityRefused },
        { type: 'goTo', step: 'review' },
      ],
      noCheck,
    );
    expect(refused.step).toBe('server');
    expect(registrationBlocker(refused)).toBe('server.blocker.cannotRegister');
    const badSecret = run(
      [
        { type: 'connectivityChecked', endpoint: '10.0.0.5', report: connectivityOk },
        { type: 'setPassphrase', passphrase: 'has space' },
      ],
      noCheck,
    );
    expect(registrationBlocker(badSecret)).toBe('server.blocker.passphrase');
    expect(run(readyToReview).step).toBe('review');
  });

  it('treats a connection check as stale once the address changes', () => {
    const state = run([
      ...readyToReview,
      { type: 'goTo', step: 'server' },
      { type: 'setEndpoint', endpoint: 'cs02.contoso.local' },
    ]);
    expect(registrationBlocker(state)).toBe('server.blocker.checkConnection');
    expect(canEnter(state, 'review')).toBe(false);
  });

  it('allows skipping registration in the install flow but not in the register-only flow', () => {
    const unsure = run([
      ...withInstaller,
      { type: 'setRegistrationMode', mode: 'none' },
      { type: 'goTo', step: 'review' },
    ]);
    // The installer is set up for a kind of server: skipping registration still asks which kind.
    expect(unsure.step).not.toBe('review');
    expect(registrationBlocker(unsure)).toBe('server.blocker.laterKind');
    const skip = run(
      [
        { type: 'setLaterKind', kind: 'classic' },
        { type: 'goTo', step: 'review' },
      ],
      unsure,
    );
    expect(skip.step).toBe('review');
    const registerOnly = run([
      { type: 'sessionLoaded', session },
      { type: 'detectionDone', report: installedReport },
      { type: 'chooseFlow', flow: 'register' },
      { type: 'setRegistrationMode', mode: 'none' },
    ]);
    expect(registerOnly.registration.mode).toBe('classic');
    expect(stepsFor('register')).not.toContain('installer');
    expect(run([{ type: 'goTo', step: 'installer' }], registerOnly).step).toBe('detect');
    expect(run([{ type: 'goTo', step: 'server' }], registerOnly).step).toBe('server');
  });

  it('needs a loaded config.json for the modernized appliance', () => {
    const state = run([...withInstaller, { type: 'setRegistrationMode', mode: 'modernized' }]);
    expect(registrationBlocker(state)).toBe('server.blocker.configJson');
    expect(
      registrationBlocker(run([{ type: 'setConfigJson', fileName: 'config.json', text: '{}' }], state)),
    ).toBeNull();
  });

  it('forgets the passphrase once the job has started and shows progress', () => {
    const started = run([...readyToReview, { type: 'startRequested' }, { type: 'jobStarted', jobId: 'job-1' }]);
    expect(started.step).toBe('install');
    expect(started.registration.passphrase).toBe('');
    expect(JSON.stringify(started)).not.toContain('itUx70I47uxDuUVY');
    // No navigating away while the job runs.
    expect(run([{ type: 'goTo', step: 'detect' }, { type: 'reset' }], started).step).toBe('install');
  });

  it('follows job events for its own job only and moves to the summary when the job ends', () => {
    const started = run([...readyToReview, { type: 'startRequested' }, { type: 'jobStarted', jobId: 'job-1' }]);
    const other = wizardReducer(started, { type: 'jobUpdated', job: jobSnapshot({ id: 'job-2', state: 'failed' }) });
    expect(other.job).toBeNull();
    const running = wizardReducer(started, { type: 'jobUpdated', job: jobSnapshot({ logLines: 10 }) });
    expect(running.step).toBe('install');
    expect(running.job?.logLines).toBe(10);
    const done = wizardReducer(running, {
      type: 'jobUpdated',
      job: jobSnapshot({ state: 'succeeded', finishedAt: Date.now() }),
    });
    expect(done.step).toBe('summary');
  });

  it('ignores a second start while one is in flight and records a start failure', () => {
    const requested = run([...readyToReview, { type: 'startRequested' }]);
    expect(wizardReducer(requested, { type: 'startRequested' })).toBe(requested);
    const failed = wizardReducer(requested, {
      type: 'startFailed',
      error: { code: 'elevation.cancelled', message: 'Cancelled.' },
    });
    expect(failed.starting).toBe(false);
    expect(failed.startError?.code).toBe('elevation.cancelled');
    expect(failed.step).toBe('review');
  });

  it('retries from the server step (the secret must be entered again) and resets to a fresh start', () => {
    const failed = run([
      ...readyToReview,
      { type: 'startRequested' },
      { type: 'jobStarted', jobId: 'job-1' },
      { type: 'jobUpdated', job: jobSnapshot({ state: 'failed' }) },
    ]);
    const retried = wizardReducer(failed, { type: 'retry' });
    expect(retried.step).toBe('server');
    expect(retried.jobId).toBeNull();
    expect(retried.installer).toEqual(installerChoice);
    const reset = wizardReducer(failed, { type: 'reset' });
    expect(reset.step).toBe('detect');
    expect(reset.installer).toBeNull();
    expect(reset.detection).toBeNull();
    expect(reset.session).toEqual(session);
    expect(reset.installerDir).toBe('/srv/installers');
  });

  it("attaches to the core's latest job after a reload: progress while it runs, the summary once it ended", () => {
    const running = run([...detected, { type: 'jobAttached', job: jobSnapshot({ id: 'job-9', state: 'running' }) }]);
    expect(running).toMatchObject({ step: 'install', jobId: 'job-9', flow: 'install' });
    const ended = run([
      ...detected,
      { type: 'jobAttached', job: jobSnapshot({ id: 'job-9', kind: 'register', state: 'failed' }) },
    ]);
    expect(ended).toMatchObject({ step: 'summary', jobId: 'job-9', flow: 'register' });
  });

  it('never lets an attached job replace one this page started', () => {
    const started = run([...readyToReview, { type: 'startRequested' }, { type: 'jobStarted', jobId: 'mine' }]);
    const after = wizardReducer(started, { type: 'jobAttached', job: jobSnapshot({ id: 'other', state: 'running' }) });
    expect(after.jobId).toBe('mine');
    const starting = run([...readyToReview, { type: 'startRequested' }]);
    expect(wizardReducer(starting, { type: 'jobAttached', job: jobSnapshot({ id: 'other' }) }).jobId).toBeNull();
  });

  it('uninstall: confirmation over detection, one start, progress and summary, and a retry goes back to the confirmation', () => {
    const confirming = run([...detected, { type: 'confirmUninstall', open: true }]);
    expect(confirming).toMatchObject({ confirmingUninstall: true, flow: 'uninstall', step: 'detect' });
    expect(run([{ type: 'uninstallRequested' }])).toBe(initialWizardState);
    const starting = wizardReducer(confirming, { type: 'uninstallRequested' });
    expect(starting.starting).toBe(true);
    expect(wizardReducer(starting, { type: 'uninstallRequested' })).toBe(starting);
    const started = wizardReducer(starting, { type: 'jobStarted', jobId: 'job-1' });
    expect(started).toMatchObject({ confirmingUninstall: false, step: 'install', jobId: 'job-1', flow: 'uninstall' });
    const ended = wizardReducer(started, {
      type: 'jobUpdated',
      job: jobSnapshot({ kind: 'uninstall', state: 'failed' }),
    });
    expect(ended.step).toBe('summary');
    expect(wizardReducer(ended, { type: 'retry' })).toMatchObject({
      step: 'detect',
      confirmingUninstall: true,
      jobId: null,
    });
    expect(run([{ type: 'confirmUninstall', open: false }], confirming)).toMatchObject({
      confirmingUninstall: false,
      flow: 'install',
    });
    expect(run([...detected, { type: 'jobAttached', job: jobSnapshot({ kind: 'uninstall' }) }]).flow).toBe('uninstall');
  });
});
