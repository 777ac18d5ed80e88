/**
 * The wizard's state and actions. Kept apart from the reducer so step components can import the types
 * without pulling in the transition logic.
 */
import type { SessionInfo } from '../../common/api';
import type { ConnectivityReport } from '../../common/connectivity';
import type { DetectionReport, DetectionSnapshot } from '../../common/detection';
import type { InstallerChoice, JobSnapshot, ServerKind } from '../../common/install';
import type { AppError } from '../../common/result';
import type { AntivirusChoice, AntivirusFixReport, AntivirusReport, FixResult } from '../../common/antivirus';

export const STEPS = ['detect', 'installer', 'server', 'antivirus', 'review', 'install', 'summary'] as const;
export type WizardStep = (typeof STEPS)[number];

/**
 * "install" runs the installer (fresh, upgrade or reinstall); "register" only registers an installed agent;
 * "uninstall" removes it (its confirmation screen, then the same progress and summary steps).
 */
export type WizardFlow = 'install' | 'register' | 'uninstall';

export type RegistrationMode = 'classic' | 'modernized' | 'none';

export interface RegistrationDraft {
  mode: RegistrationMode;
  endpoint: string;
  /** The secret. Lives only here until the job starts, then it is cleared. */
  passphrase: string;
  /** Text of the appliance's config.json (modernized); never displayed. */
  configJson: string | null;
  configFileName: string | null;
  /** "Skip registration": the kind of server the agent will be registered with later (the installer needs it). */
  laterKind: ServerKind | null;
}

export interface WizardState {
  step: WizardStep;
  flow: WizardFlow;
  session: SessionInfo | null;
  sessionError: AppError | null;
  /** Merged detection snapshots; `complete` says whether the slow probes have answered. */
  detection: DetectionSnapshot | null;
  detecting: boolean;
  detectionError: AppError | null;
  installerDir: string;
  /** The folder the current `installer` choice was found in (what startInstall sends). */
  searchedDir: string | null;
  findingInstaller: boolean;
  installer: InstallerChoice | null;
  installerError: AppError | null;
  installDir: string;
  registration: RegistrationDraft;
  checkingConnection: boolean;
  /** The last connectivity report, for `connectivityEndpoint`; stale once the address changes. */
  connectivity: ConnectivityReport | null;
  connectivityEndpoint: string | null;
  connectivityError: AppError | null;
  starting: boolean;
  startError: AppError | null;
  jobId: string | null;
  job: JobSnapshot | null;
  /** The anti-virus check: runs in the background from the start, never holds up the detection screen. */
  antivirus: AntivirusState;
  /** The Troubleshoot page is shown over the current step (from detection or a failed summary); the step stays. */
  troubleshooting: boolean;
  /** The uninstall confirmation is shown over the detection step until the uninstall job starts. */
  confirmingUninstall: boolean;
}

export interface AntivirusState {
  report: AntivirusReport | null;
  checking: boolean;
  error: AppError | null;
  /** The scanner whose Fix is running. */
  fixing: string | null;
  fixResults: FixResult[];
  /** The fix's job (check → fix → verify) while it runs and after: the step shows its progress and live log. */
  fixJob: JobSnapshot | null;
  /** Set when the person goes on although a scanner still needs attention. */
  choice: AntivirusChoice | null;
}

export type WizardAction =
  | { type: 'sessionLoaded'; session: SessionInfo }
  | { type: 'sessionFailed'; error: AppError }
  | { type: 'detectionStarted' }
  | { type: 'detectionSnapshot'; snapshot: DetectionSnapshot }
  | { type: 'detectionDone'; report: DetectionReport }
  | { type: 'detectionFailed'; error: AppError }
  | { type: 'chooseFlow'; flow: WizardFlow }
  | { type: 'goTo'; step: WizardStep }
  | { type: 'setInstallerDir'; dir: string }
  | { type: 'installerSearchStarted' }
  | { type: 'installerFound'; dir: string; choice: InstallerChoice }
  | { type: 'installerFailed'; error: AppError }
  | { type: 'setInstallDir'; dir: string }
  | { type: 'setRegistrationMode'; mode: RegistrationMode }
  | { type: 'setLaterKind'; kind: ServerKind }
  | { type: 'setEndpoint'; endpoint: string }
  | { type: 'setPassphrase'; passphrase: string }
  | { type: 'setConfigJson'; fileName: string; text: string }
  | { type: 'clearConfigJson' }
  | { type: 'connectivityStarted' }
  | { type: 'connectivityChecked'; endpoint: string; report: ConnectivityReport }
  | { type: 'connectivityFailed'; error: AppError }
  | { type: 'startRequested' }
  | { type: 'startFailed'; error: AppError }
  | { type: 'jobStarted'; jobId: string }
  | { type: 'jobAttached'; job: JobSnapshot }
  | { type: 'jobUpdated'; job: JobSnapshot }
  | { type: 'antivirusStarted' }
  | { type: 'antivirusChecked'; report: AntivirusReport }
  | { type: 'antivirusFailed'; error: AppError }
  | { type: 'antivirusFixStarted'; scannerId: string }
  | { type: 'antivirusFixed'; fix: AntivirusFixReport }
  | { type: 'antivirusFixFailed'; error: AppError }
  | { type: 'antivirusContinueWithWarning' }
  | { type: 'retry' }
  | { type: 'troubleshoot'; open: boolean }
  | { type: 'confirmUninstall'; open: boolean }
  | { type: 'uninstallRequested' }
  | { type: 'reset' };

export const emptyRegistration: RegistrationDraft = {
  mode: 'classic',
  endpoint: '',
  passphrase: '',
  configJson: null,
  configFileName: null,
  laterKind: null,
};

export const initialWizardState: WizardState = {
  step: 'detect',
  flow: 'install',
  session: null,
  sessionError: null,
  detection: null,
  detecting: false,
  detectionError: null,
  installerDir: '',
  searchedDir: null,
  findingInstaller: false,
  installer: null,
  installerError: null,
  installDir: '',
  registration: emptyRegistration,
  checkingConnection: false,
  connectivity: null,
  connectivityEndpoint: null,
  connectivityError: null,
  starting: false,
  startError: null,
  jobId: null,
  job: null,
  antivirus: { report: null, checking: false, error: null, fixing: null, fixResults: [], fixJob: null, choice: null },
  troubleshooting: false,
  confirmingUninstall: false,
};
