/**
 * Pure questions about the wizard state: which steps can be entered and why the user may not go on.
 * The reducer enforces them; the step components use them to disable buttons and explain why.
 */
import { parseEndpoint } from '../../common/endpoint';
import { checkPassphrase } from '../../common/passphrase';
import { hasControlCharacter } from '../../common/path-input';
import { needsAttention } from '../../common/antivirus';
import type { WizardFlow, WizardState, WizardStep } from './wizard-state';

/** The steps a flow walks through, in order; "Register only" has no installer step. */
export function stepsFor(flow: WizardFlow): WizardStep[] {
  return flow === 'register'
    ? ['detect', 'server', 'review', 'install', 'summary']
    : ['detect', 'installer', 'server', 'antivirus', 'review', 'install', 'summary'];
}

export function detectionComplete(state: WizardState): boolean {
  return !state.detecting && state.detection?.complete === true;
}

export function agentInstalled(state: WizardState): boolean {
  return state.detection?.agent?.installed === true;
}

/** Why "Continue" on the detection screen is disabled (a catalog key), or null when it is allowed. */
export function detectBlocker(state: WizardState): string | null {
  if (!detectionComplete(state)) return 'detect.blocker.pending';
  if (state.detection?.supported !== true) return 'detect.blocker.unsupported';
  return null;
}

export function installerBlocker(state: WizardState): string | null {
  if (!state.installer) return 'installer.blocker.none';
  if (state.installer.checksum === 'mismatch') return 'installer.blocker.mismatch';
  if (hasControlCharacter(state.installDir)) return 'installer.blocker.path';
  return null;
}

export function connectivityIsCurrent(state: WizardState): boolean {
  return state.connectivity !== null && state.connectivityEndpoint === state.registration.endpoint.trim();
}

/** Why the registration choice cannot be used yet (a catalog key), or null when it can. */
export function registrationBlocker(state: WizardState): string | null {
  const reg = state.registration;
  if (reg.mode === 'none')
    return state.flow === 'register'
      ? 'server.blocker.chooseServer'
      : reg.laterKind === null
        ? 'server.blocker.laterKind'
        : null;
  if (reg.mode === 'modernized') return reg.configJson ? null : 'server.blocker.configJson';
  if (!parseEndpoint(reg.endpoint).ok) return 'server.blocker.endpoint';
  if (!checkPassphrase(reg.passphrase).ok) return 'server.blocker.passphrase';
  if (!connectivityIsCurrent(state)) return 'server.blocker.checkConnection';
  if (state.connectivity?.canRegister !== true) return 'server.blocker.cannotRegister';
  return null;
}

/**
 * The anti-virus step has nothing to show: the check answered and no scanner needs attention, or no check was
 * ever started (a front door without one; the summary then records "not checked").
 */
export function antivirusClear(state: WizardState): boolean {
  const { report, checking, error } = state.antivirus;
  if (report === null) return !checking && error === null;
  // The background check covers the default folders; a custom install folder is checked by the step itself.
  if (!reportCoversFolder(report.folders, state.installDir)) return false;
  return error === null && !report.scanners.some(needsAttention);
}

const withoutTrailingSeparator = (folder: string) => folder.trim().replace(/[\\/]+$/, '');

function reportCoversFolder(folders: readonly string[], installDir: string): boolean {
  const wanted = withoutTrailingSeparator(installDir);
  return wanted === '' || folders.some((f) => withoutTrailingSeparator(f).toLowerCase() === wanted.toLowerCase());
}

/** Why the anti-virus step cannot simply continue (a catalog key), or null. "Continue with warning" is always offered. */
export function antivirusBlocker(state: WizardState): string | null {
  if (antivirusClear(state) || state.antivirus.choice !== null) return null;
  if (state.antivirus.report === null && state.antivirus.error === null) return 'antivirus.blocker.pending';
  if (state.antivirus.checking) return 'antivirus.blocker.pending';
  return 'antivirus.blocker.attention';
}

export function jobFinished(state: WizardState): boolean {
  return state.job !== null && state.job.id === state.jobId && state.job.state !== 'running';
}

/** Whether the wizard may show `step` now; every earlier step's condition must hold. */
export function canEnter(state: WizardState, step: WizardStep): boolean {
  const steps = stepsFor(state.flow);
  if (!steps.includes(step)) return false;
  // Once a job exists the wizard only shows its progress and its outcome; "retry" and "reset" leave.
  if (state.jobId !== null) return step === 'install' || (step === 'summary' && jobFinished(state));
  if (state.starting) return step === 'review';
  switch (step) {
    case 'detect':
      return true;
    case 'installer':
      return detectBlocker(state) === null;
    case 'server':
      if (state.flow === 'register') return detectionComplete(state) && agentInstalled(state);
      return canEnter(state, 'installer') && installerBlocker(state) === null;
    case 'antivirus':
      return canEnter(state, 'server') && registrationBlocker(state) === null;
    case 'review':
      if (state.flow === 'install') return canEnter(state, 'antivirus') && antivirusBlocker(state) === null;
      return canEnter(state, 'server') && registrationBlocker(state) === null;
    case 'install':
    case 'summary':
      return false;
  }
}
