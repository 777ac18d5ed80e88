/**
 * The wizard's flow as one pure reducer: every screen change and guard lives here, so it is tested
 * without React and the step components only render state and dispatch actions.
 */
import { antivirusClear, canEnter } from './wizard-guards';
import { emptyRegistration, initialWizardState } from './wizard-state';
import type { JobSnapshot } from '../../common/install';
import type { WizardAction, WizardState } from './wizard-state';

/** A fresh wizard for `session`, prefilled from the session defaults (demo, --installer-dir, --cs-endpoint). */
function prefilled(state: WizardState): WizardState {
  const defaults = state.session?.defaults;
  return {
    ...state,
    installerDir: state.installerDir || defaults?.installerDir || '',
    registration: { ...state.registration, endpoint: state.registration.endpoint || defaults?.csEndpoint || '' },
  };
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'sessionLoaded':
      return prefilled({ ...state, session: action.session, sessionError: null });
    case 'sessionFailed':
      return { ...state, sessionError: action.error };
    case 'detectionStarted':
      return { ...state, detecting: true, detection: null, detectionError: null };
    case 'detectionSnapshot': {
      // A snapshot from a detection this screen did not start (or a late one) must not undo a full report.
      if (!state.detecting) return state;
      // Sections arrive one by one; a later snapshot adds to what an earlier one said.
      const merged = { ...(state.detection ?? {}), ...action.snapshot };
      return { ...state, detection: merged };
    }
    case 'detectionDone':
      return { ...state, detecting: false, detection: { ...action.report, complete: true } };
    case 'detectionFailed':
      return { ...state, detecting: false, detectionError: action.error };
    case 'chooseFlow':
      if (state.jobId !== null || state.step !== 'detect') return state;
      return {
        ...state,
        flow: action.flow,
        // Register only has no "skip registration" choice.
        registration:
          action.flow === 'register' && state.registration.mode === 'none'
            ? { ...state.registration, mode: 'classic' }
            : state.registration,
      };
    case 'goTo': {
      // An anti-virus step with nothing to show (or a register-only flow, which installs nothing) is passed over.
      const skip = action.step === 'antivirus' && (state.flow === 'register' || antivirusClear(state));
      const step = skip ? (state.step === 'review' ? 'server' : 'review') : action.step;
      return canEnter(state, step) ? { ...state, step } : state;
    }
    case 'antivirusStarted':
      return { ...state, antivirus: { ...state.antivirus, checking: true, error: null } };
    case 'antivirusChecked':
      return { ...state, antivirus: { ...state.antivirus, checking: false, error: null, report: action.report } };
    case 'antivirusFailed':
      return { ...state, antivirus: { ...state.antivirus, checking: false, error: action.error } };
    case 'antivirusFixStarted':
      if (state.antivirus.fixing !== null) return state;
      return { ...state, antivirus: { ...state.antivirus, fixing: action.scannerId, fixJob: null, error: null } };
    case 'antivirusFixed': {
      const done = new Set(action.fix.results.map((r) => r.scannerId));
      const kept = state.antivirus.fixResults.filter((r) => !done.has(r.scannerId));
      return {
        ...state,
        antivirus: {
          ...state.antivirus,
          fixing: null,
          report: action.fix.report,
          fixResults: [...kept, ...action.fix.results],
        },
      };
    }
    case 'antivirusFixFailed':
      return { ...state, antivirus: { ...state.antivirus, fixing: null, error: action.error } };
    case 'antivirusContinueWithWarning': {
      if (state.step !== 'antivirus' || state.antivirus.fixing !== null) return state;
      const next = { ...state, antivirus: { ...state.antivirus, choice: 'continuedWithWarning' as const } };
      return canEnter(next, 'review') ? { ...next, step: 'review' } : next;
    }
    case 'setInstallerDir':
      return { ...state, installerDir: action.dir };
    case 'installerSearchStarted':
      return { ...state, findingInstaller: true, installerError: null };
    case 'installerFound':
      return {
        ...state,
        findingInstaller: false,
        installer: action.choice,
        searchedDir: action.dir,
        installerError: null,
      };
    case 'installerFailed':
      return { ...state, findingInstaller: false, installer: null, searchedDir: null, installerError: action.error };
    case 'setInstallDir':
      return { ...state, installDir: action.dir };
    case 'setRegistrationMode':
      if (action.mode === 'none' && state.flow === 'register') return state;
      return { ...state, registration: { ...state.registration, mode: action.mode } };
    case 'setLaterKind':
      return { ...state, registration: { ...state.registration, laterKind: action.kind } };
    case 'setEndpoint':
      return { ...state, registration: { ...state.registration, endpoint: action.endpoint }, connectivityError: null };
    case 'setPassphrase':
      return { ...state, registration: { ...state.registration, passphrase: action.passphrase } };
    case 'setConfigJson':
      return {
        ...state,
        registration: { ...state.registration, configJson: action.text, configFileName: action.fileName },
      };
    case 'clearConfigJson':
      return { ...state, registration: { ...state.registration, configJson: null, configFileName: null } };
    case 'connectivityStarted':
      return { ...state, checkingConnection: true, connectivityError: null };
    case 'connectivityChecked':
      return {
        ...state,
        checkingConnection: false,
        connectivity: action.report,
        connectivityEndpoint: action.endpoint.trim(),
      };
    case 'connectivityFailed':
      return {
        ...state,
        checkingConnection: false,
        connectivity: null,
        connectivityEndpoint: null,
        connectivityError: action.error,
      };
    case 'startRequested':
      if (state.step !== 'review' || state.starting || state.jobId !== null) return state;
      return { ...state, starting: true, startError: null };
    case 'startFailed':
      return { ...state, starting: false, startError: action.error };
    case 'jobStarted':
      // The core has the secret now (written to a 0600 file); the renderer forgets it.
      return {
        ...state,
        starting: false,
        jobId: action.jobId,
        job: null,
        step: 'install',
        confirmingUninstall: false,
        registration: { ...state.registration, passphrase: '', configJson: null, configFileName: null },
      };
    case 'jobAttached':
      // A reloaded page (or a reconnected SSH tunnel) finds the core's latest job again: nothing is lost.
      // Only before the person has started anything in this page, so an attached job never replaces one.
      if (state.jobId !== null || state.starting) return state;
      // The anti-virus fix and the diagnostics bundle are jobs too, but theirs is a screen of their own, not the summary.
      if (action.job.kind === 'antivirusFix' || action.job.kind === 'diagnosticsBundle') return state;
      return {
        ...state,
        flow: action.job.kind === 'register' || action.job.kind === 'uninstall' ? action.job.kind : 'install',
        jobId: action.job.id,
        job: action.job,
        step: action.job.state === 'running' ? 'install' : 'summary',
      };
    case 'jobUpdated': {
      // The fix job belongs to the anti-virus step: the one started by its Fix, never the install's summary.
      if (action.job.kind === 'antivirusFix') return fixJobUpdated(state, action.job);
      if (action.job.id !== state.jobId) return state;
      const next = { ...state, job: action.job };
      return action.job.state === 'running' ? next : { ...next, step: 'summary' };
    }
    case 'retry': {
      if (state.job === null || state.job.state === 'running') return state;
      const cleared: WizardState = { ...state, jobId: null, job: null, startError: null };
      // An uninstall is tried again from its confirmation (the person confirms again).
      if (state.flow === 'uninstall') return { ...cleared, step: 'detect', confirmingUninstall: true };
      // The secret was cleared when the job started: go back to where it is entered again.
      const needsSecret = cleared.registration.mode !== 'none';
      const step = needsSecret ? 'server' : 'review';
      return canEnter(cleared, step) ? { ...cleared, step } : { ...cleared, step: 'detect' };
    }
    case 'troubleshoot':
      return { ...state, troubleshooting: action.open };
    case 'confirmUninstall':
      if (state.jobId !== null || state.starting) return state;
      return {
        ...state,
        confirmingUninstall: action.open,
        flow: action.open ? 'uninstall' : 'install',
        startError: null,
      };
    case 'uninstallRequested':
      if (!state.confirmingUninstall || state.starting || state.jobId !== null) return state;
      return { ...state, starting: true, startError: null };
    case 'reset':
      if (state.job?.state === 'running' || (state.jobId !== null && state.job === null)) return state;
      return prefilled({
        ...initialWizardState,
        session: state.session,
        registration: emptyRegistration,
        antivirus: { ...initialWizardState.antivirus, report: state.antivirus.report },
      });
  }
}

/**
 * The fix job's snapshot: a running one seen while a Fix waits (one job runs at a time, so it is that Fix's),
 * then only updates of that same job; a late event of an earlier fix is not taken for a new one.
 */
function fixJobUpdated(state: WizardState, job: JobSnapshot): WizardState {
  const current = state.antivirus.fixJob;
  const ours = current === null ? state.antivirus.fixing !== null && job.state === 'running' : current.id === job.id;
  return ours ? { ...state, antivirus: { ...state.antivirus, fixJob: job } } : state;
}
