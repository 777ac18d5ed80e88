import { describe, expect, it } from 'vitest';
import { firstWizardState } from '../../../renderer/flow/first-state';
import { initialWizardState } from '../../../renderer/flow/wizard-state';
import { jobSnapshot, report, session } from './fixtures';

describe('the wizard state the first calls that answered before the first render make', () => {
  it('is the initial state when none answered', () => {
    expect(firstWizardState({})).toEqual(initialWizardState);
  });

  it('is what the same answers make when they come after mounting: session prefilled, detection complete', () => {
    const state = firstWizardState({
      getSession: { ok: true, value: { ...session, defaults: { ...session.defaults, csEndpoint: 'cs.example:443' } } },
      detect: { ok: true, value: report },
      getLatestJob: { ok: true, value: null },
    });
    expect(state.session?.root).toBe(session.root);
    expect(state.registration.endpoint).toBe('cs.example:443');
    expect(state.detecting).toBe(false);
    expect(state.detection?.complete).toBe(true);
    expect(state.jobId).toBeNull();
    expect(state.step).toBe('detect');
  });

  it('keeps failures as the screens show them, and attaches a running job (its progress screen)', () => {
    const error = { code: 'detect.failed', message: 'The probes could not run.' };
    const state = firstWizardState({
      getSession: { ok: false, error },
      detect: { ok: false, error },
      checkAntivirus: { ok: false, error },
      getLatestJob: { ok: true, value: jobSnapshot({ id: 'job-7', state: 'running' }) },
    });
    expect(state.sessionError).toEqual(error);
    expect(state.detectionError).toEqual(error);
    expect(state.detecting).toBe(false);
    expect(state.antivirus).toMatchObject({ checking: false, error });
    expect(state).toMatchObject({ jobId: 'job-7', step: 'install' });
  });
});
