/** The anti-virus step in the wizard's flow: passed over when clear, a decision when not, recorded for the install. */
import { describe, expect, it } from 'vitest';
import type { AntivirusReport, ScannerFinding } from '../../../common/antivirus';
import type { JobSnapshot } from '../../../common/install';
import { antivirusBlocker, canEnter, stepsFor } from '../../../renderer/flow/wizard-guards';
import { wizardReducer } from '../../../renderer/flow/wizard-reducer';
import { initialWizardState } from '../../../renderer/flow/wizard-state';
import type { WizardAction, WizardState } from '../../../renderer/flow/wizard-state';
import { connectivityOk, installerChoice, report, session } from './fixtures';

const run = (actions: WizardAction[], from: WizardState = initialWizardState): WizardState =>
  actions.reduce(wizardReducer, from);

const clamav: ScannerFinding = {
  id: 'clamav',
  product: 'ClamAV',
  evidence: ['/etc/clamav/clamd.conf'],
  status: 'notExcluded',
  reason: '/usr/local/ASR is not excluded.',
  folders: [{ folder: '/usr/local/ASR', covered: 'no', by: null }],
  exclusions: [],
  fix: 'automatic',
  manualSteps: ['add a line'],
  requestText: 'please',
};
const avReport = (scanners: ScannerFinding[]): AntivirusReport => ({
  platform: 'linux',
  folders: ['/usr/local/ASR', '/usr/local/InMage'],
  scanners,
  canFix: true,
  checkedAt: 1,
});

const toServer: WizardAction[] = [
  { type: 'sessionLoaded', session },
  { type: 'detectionStarted' },
  { type: 'antivirusStarted' },
  { type: 'detectionDone', report },
  { type: 'goTo', step: 'installer' },
  { type: 'installerFound', dir: '/srv/installers', choice: installerChoice },
  { type: 'goTo', step: 'server' },
  { type: 'setEndpoint', endpoint: '10.0.0.5' },
  { type: 'setPassphrase', passphrase: 'itUx70I47uxDuUVY' },
  { type: 'connectivityChecked', endpoint: '10.0.0.5', report: connectivityOk },
];

describe('anti-virus step in the flow', () => {
  it('sits between server and review in the install flow only', () => {
    expect(stepsFor('install')).toEqual(['detect', 'installer', 'server', 'antivirus', 'review', 'install', 'summary']);
    expect(stepsFor('register')).not.toContain('antivirus');
  });

  it('waits for a running check, then is passed over (both ways) when no scanner needs attention', () => {
    const waiting = run([...toServer, { type: 'goTo', step: 'antivirus' }]);
    expect(waiting.step).toBe('antivirus');
    expect(antivirusBlocker(waiting)).toBe('antivirus.blocker.pending');
    expect(canEnter(waiting, 'review')).toBe(false);
    const clear = run([
      ...toServer,
      { type: 'antivirusChecked', report: avReport([{ ...clamav, status: 'excluded' }]) },
      { type: 'goTo', step: 'antivirus' },
    ]);
    expect(clear.step).toBe('review');
    expect(run([{ type: 'goTo', step: 'antivirus' }], clear).step).toBe('server');
  });

  it('is not passed over for a custom install folder the background check did not cover', () => {
    const clearDefaults = avReport([{ ...clamav, status: 'excluded' }]);
    const custom = run([
      ...toServer,
      { type: 'setInstallDir', dir: '/opt/asr/' },
      { type: 'antivirusChecked', report: clearDefaults },
      { type: 'goTo', step: 'antivirus' },
    ]);
    expect(custom.step).toBe('antivirus');
    const covered = run(
      [
        { type: 'antivirusChecked', report: { ...clearDefaults, folders: ['/opt/asr', '/usr/local/InMage'] } },
        { type: 'goTo', step: 'review' },
      ],
      custom,
    );
    expect(covered.step).toBe('review');
  });

  it('holds the person on the step while a scanner is not excluded, until fixed or "continue with warning"', () => {
    const open = run([
      ...toServer,
      { type: 'antivirusChecked', report: avReport([clamav]) },
      { type: 'goTo', step: 'antivirus' },
      { type: 'goTo', step: 'review' },
    ]);
    expect(open.step).toBe('antivirus');
    expect(antivirusBlocker(open)).toBe('antivirus.blocker.attention');

    const fixing = run([{ type: 'antivirusFixStarted', scannerId: 'clamav' }], open);
    expect(run([{ type: 'antivirusFixStarted', scannerId: 'other' }], fixing).antivirus.fixing).toBe('clamav');
    // No "continue" while a fix runs.
    expect(run([{ type: 'antivirusContinueWithWarning' }], fixing).step).toBe('antivirus');
    const fixed = run(
      [
        {
          type: 'antivirusFixed',
          fix: {
            results: [
              { scannerId: 'clamav', outcome: 'fixed', message: 'Added.', changedFiles: [], backups: [], commands: [] },
            ],
            report: avReport([{ ...clamav, status: 'excluded' }]),
          },
        },
        { type: 'goTo', step: 'review' },
      ],
      fixing,
    );
    expect(fixed.step).toBe('review');
    expect(fixed.antivirus.fixResults[0]!.outcome).toBe('fixed');

    const warned = run([{ type: 'antivirusContinueWithWarning' }], open);
    expect(warned.step).toBe('review');
    expect(warned.antivirus.choice).toBe('continuedWithWarning');
  });

  it('lets a failed check be continued with a warning, never blocking the install', () => {
    const failed = run([
      ...toServer,
      { type: 'antivirusFailed', error: { code: 'internal', message: 'x' } },
      { type: 'goTo', step: 'antivirus' },
    ]);
    expect(failed.step).toBe('antivirus');
    expect(run([{ type: 'antivirusContinueWithWarning' }], failed).step).toBe('review');
  });

  it("follows the fix's own job (not the install's): the running one its Fix started, then that job's updates", () => {
    const open = run([
      ...toServer,
      { type: 'antivirusChecked', report: avReport([clamav]) },
      { type: 'goTo', step: 'antivirus' },
    ]);
    const fixJob = (id: string, state: JobSnapshot['state']): JobSnapshot => ({
      id,
      kind: 'antivirusFix',
      state,
      steps: [{ id: 'fix', state: state === 'running' ? 'running' : 'done', startedAt: 1, finishedAt: null }],
      startedAt: 1,
      finishedAt: null,
      logLines: 2,
      logFiles: [],
      outcome: null,
      summary: null,
      nothingToDo: false,
    });
    // Not asked for: a fix job seen without a Fix running is nobody's on this step.
    expect(run([{ type: 'jobUpdated', job: fixJob('old', 'running') }], open).antivirus.fixJob).toBeNull();
    const fixing = run([{ type: 'antivirusFixStarted', scannerId: 'clamav' }], open);
    // A late ending of an earlier fix is not taken for this one.
    expect(run([{ type: 'jobUpdated', job: fixJob('old', 'cancelled') }], fixing).antivirus.fixJob).toBeNull();
    const following = run([{ type: 'jobUpdated', job: fixJob('j1', 'running') }], fixing);
    expect(following.antivirus.fixJob?.id).toBe('j1');
    // The install's own job and summary are untouched; another job's update does not replace the fix's.
    expect(following.jobId).toBeNull();
    expect(following.step).toBe('antivirus');
    expect(run([{ type: 'jobUpdated', job: fixJob('j2', 'running') }], following).antivirus.fixJob?.id).toBe('j1');
    const ended = run([{ type: 'jobUpdated', job: fixJob('j1', 'cancelled') }], following);
    expect(ended.antivirus.fixJob?.state).toBe('cancelled');
    expect(ended.step).toBe('antivirus');
    // The next Fix starts with no job shown until its own arrives.
    expect(
      run(
        [
          { type: 'antivirusFixFailed', error: { code: 'cancelled', message: 'x' } },
          { type: 'antivirusFixStarted', scannerId: 'clamav' },
        ],
        ended,
      ).antivirus.fixJob,
    ).toBeNull();
  });

  it('keeps the last report across "back to start"', () => {
    const done = run([...toServer, { type: 'antivirusChecked', report: avReport([clamav]) }, { type: 'reset' }]);
    expect(done.antivirus.report?.scanners).toHaveLength(1);
    expect(done.antivirus.choice).toBeNull();
  });
});
