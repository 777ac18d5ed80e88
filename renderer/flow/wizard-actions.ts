/**
 * The calls a step makes to the core, each turned into reducer actions. Components call these and stay
 * thin; every failure (a Result error or a dropped connection) becomes an AppError the step can show.
 */
import type { Dispatch } from 'react';
import type { Transport } from '../../common/bridge';
import type { Method, ReplyOf, RequestOf } from '../../common/api';
import type { AppError, Result } from '../../common/result';
import type { WizardAction, WizardState } from './wizard-state';
import type { Registration } from '../../common/install';
import { needsAttention } from '../../common/antivirus';

function transportError(err: unknown): AppError {
  return {
    code: 'transport.failed',
    message: `The connection to the setup service failed: ${err instanceof Error ? err.message : String(err)}`,
    hint: 'Check that mobility-setup is still running, then reload this page.',
  };
}

async function safeCall<M extends Method>(
  transport: Transport,
  method: M,
  input: RequestOf<M>,
): Promise<Result<ReplyOf<M>>> {
  try {
    return await transport.call(method, input);
  } catch (err) {
    return { ok: false, error: transportError(err) };
  }
}

/** The registration as the core takes it; null when the draft is incomplete. */
export function registrationFor(state: WizardState): Registration | null {
  const reg = state.registration;
  if (reg.mode === 'none') return reg.laterKind ? { mode: 'none', serverKind: reg.laterKind } : null;
  if (reg.mode === 'modernized') return reg.configJson ? { mode: 'modernized', configJson: reg.configJson } : null;
  return { mode: 'classic', endpoint: reg.endpoint.trim(), passphrase: reg.passphrase };
}

/** What the summary records: all clear, or the person's "continue with warning" (nothing when the check never answered). */
function antivirusChoiceFor(state: WizardState): { antivirusChoice?: 'allExcluded' | 'continuedWithWarning' } {
  if (state.antivirus.choice) return { antivirusChoice: state.antivirus.choice };
  return state.antivirus.report && !state.antivirus.report.scanners.some(needsAttention)
    ? { antivirusChoice: 'allExcluded' }
    : {};
}

export interface WizardActions {
  loadSession(): Promise<void>;
  detect(refresh: boolean): Promise<void>;
  findInstaller(dir: string): Promise<void>;
  checkConnection(endpoint: string, dataPort: number | null): Promise<boolean>;
  start(state: WizardState): Promise<void>;
  /** Starts the uninstall job once the person confirmed it (the core finds the installed agent itself). */
  startUninstall(state: WizardState): Promise<void>;
  cancel(jobId: string): Promise<AppError | null>;
  syncJob(jobId: string): Promise<void>;
  attachLatestJob(): Promise<void>;
  checkAntivirus(installDir: string | null, refresh?: boolean): Promise<void>;
  fixAntivirus(scannerId: string, installDir: string | null): Promise<void>;
}

export function createWizardActions(transport: Transport, dispatch: Dispatch<WizardAction>): WizardActions {
  return {
    async loadSession() {
      const reply = await safeCall(transport, 'getSession', {});
      dispatch(
        reply.ok ? { type: 'sessionLoaded', session: reply.value } : { type: 'sessionFailed', error: reply.error },
      );
    },
    async detect(refresh) {
      dispatch({ type: 'detectionStarted' });
      const reply = await safeCall(transport, 'detect', refresh ? { refresh: true } : {});
      dispatch(
        reply.ok ? { type: 'detectionDone', report: reply.value } : { type: 'detectionFailed', error: reply.error },
      );
    },
    async findInstaller(dir) {
      dispatch({ type: 'installerSearchStarted' });
      const reply = await safeCall(transport, 'findInstaller', { dir });
      dispatch(
        reply.ok
          ? { type: 'installerFound', dir, choice: reply.value }
          : { type: 'installerFailed', error: reply.error },
      );
    },
    async checkConnection(endpoint, dataPort) {
      dispatch({ type: 'connectivityStarted' });
      const input = dataPort === null ? { endpoint: endpoint.trim() } : { endpoint: endpoint.trim(), dataPort };
      const reply = await safeCall(transport, 'checkConnectivity', input);
      dispatch(
        reply.ok
          ? { type: 'connectivityChecked', endpoint, report: reply.value }
          : { type: 'connectivityFailed', error: reply.error },
      );
      return reply.ok && reply.value.canRegister;
    },
    async start(state) {
      const registration = registrationFor(state);
      if (registration === null || state.starting || state.jobId !== null) return;
      dispatch({ type: 'startRequested' });
      let reply: Result<{ jobId: string }>;
      if (state.flow === 'register') {
        if (registration.mode === 'none') return;
        reply = await safeCall(transport, 'startRegister', { registration });
      } else {
        const dataPort = state.session?.defaults.dataPort ?? null;
        reply = await safeCall(transport, 'startInstall', {
          installerDir: state.searchedDir ?? state.installerDir,
          ...(state.installer ? { installerFile: state.installer.chosen.path } : {}),
          ...(state.installDir.trim() ? { installDir: state.installDir.trim() } : {}),
          registration,
          ...(dataPort !== null ? { dataPort } : {}),
          ...antivirusChoiceFor(state),
          // The Review showed the pending-restart warning before this button: the person chose to try anyway.
          ...(state.detection?.pendingRestart?.pending === true ? { ignorePendingRestart: true } : {}),
        });
      }
      dispatch(
        reply.ok ? { type: 'jobStarted', jobId: reply.value.jobId } : { type: 'startFailed', error: reply.error },
      );
    },
    async startUninstall(state) {
      if (!state.confirmingUninstall || state.starting || state.jobId !== null) return;
      dispatch({ type: 'uninstallRequested' });
      const reply = await safeCall(transport, 'startUninstall', {});
      dispatch(
        reply.ok ? { type: 'jobStarted', jobId: reply.value.jobId } : { type: 'startFailed', error: reply.error },
      );
    },
    async checkAntivirus(installDir, refresh = false) {
      dispatch({ type: 'antivirusStarted' });
      const reply = await safeCall(transport, 'checkAntivirus', {
        ...(refresh ? { refresh: true } : {}),
        ...(installDir ? { installDir } : {}),
      });
      dispatch(
        reply.ok ? { type: 'antivirusChecked', report: reply.value } : { type: 'antivirusFailed', error: reply.error },
      );
    },
    async fixAntivirus(scannerId, installDir) {
      dispatch({ type: 'antivirusFixStarted', scannerId });
      const reply = await safeCall(transport, 'fixAntivirus', {
        scannerIds: [scannerId],
        ...(installDir ? { installDir } : {}),
      });
      dispatch(
        reply.ok ? { type: 'antivirusFixed', fix: reply.value } : { type: 'antivirusFixFailed', error: reply.error },
      );
    },
    async cancel(jobId) {
      const reply = await safeCall(transport, 'cancelJob', { jobId });
      if (!reply.ok) return reply.error;
      dispatch({ type: 'jobUpdated', job: reply.value });
      return null;
    },
    async attachLatestJob() {
      const reply = await safeCall(transport, 'getLatestJob', {});
      if (reply.ok && reply.value !== null) dispatch({ type: 'jobAttached', job: reply.value });
    },
    async syncJob(jobId) {
      const reply = await safeCall(transport, 'getJob', { jobId });
      if (reply.ok) dispatch({ type: 'jobUpdated', job: reply.value });
    },
  };
}
