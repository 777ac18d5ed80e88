/**
 * The one contract between the renderer (or any front door) and the core. Each request is one object,
 * validated at runtime by the receiving side before the core sees it; each reply is a Result.
 * The preload, the IPC handlers and the browser host are all generated from these tables, so a method
 * added here and missed on one side fails a test.
 */
import * as z from 'zod';
import type { DetectionReport, DetectionSnapshot } from './detection';
import type { ConnectivityReport } from './connectivity';
import type { InstallerChoice, JobSnapshot, LogChunk } from './install';
import { FLAG_REQUESTS } from './flag-requests';
import { lazyTable } from './lazy-table';
import { PATH_MAX_LENGTH, hasControlCharacter } from './path-input';
import { UI_LANGUAGES } from './ui-language';
import type { AntivirusFixReport, AntivirusReport } from './antivirus';
import type { LogSearch, LogWindow, PreparedBundle, TroubleshootReport } from './troubleshoot';

// Control characters (NUL, line breaks, C1, U+2028/2029) are refused in every path any front door sends.
const pathText = () =>
  z
    .string()
    .min(1)
    .max(PATH_MAX_LENGTH)
    .refine((s) => !hasControlCharacter(s), 'path contains a control character');
const jobId = () => z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const port = () => z.number().int().min(1).max(65535);
const bundleId = () => z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

/** A strict object of optional booleans, from the flag list dispatch also checks without zod. */
function flagRequest<F extends string>(flags: readonly F[]) {
  const shape = Object.fromEntries(flags.map((flag) => [flag, z.boolean().optional()]));
  return z.object(shape as { [K in F]: z.ZodOptional<z.ZodBoolean> }).strict();
}
/** The body of the browser host's bundle download (BUNDLE_DOWNLOAD_METHOD in web-session.ts). */
export const bundleDownloadRequest = z.object({ bundleId: bundleId() }).strict();

const classicRegistration = () =>
  z
    .object({
      mode: z.literal('classic'),
      endpoint: z.string().min(1).max(300),
      passphrase: z.string().min(1).max(256),
    })
    .strict();
const modernizedRegistration = () =>
  z.object({ mode: z.literal('modernized'), configJson: z.string().min(2).max(1_000_000) }).strict();
/** An install may also register later ('none'); a registration on its own names a server. */
const registrationSchema = () =>
  z.discriminatedUnion('mode', [
    classicRegistration(),
    modernizedRegistration(),
    z.object({ mode: z.literal('none'), serverKind: z.enum(['classic', 'modernized']) }).strict(),
  ]);

const schemaMakers = {
  /** Session facts: which shell, demo defaults to prefill, the root prefix. */
  getSession: () => flagRequest(FLAG_REQUESTS.getSession),
  /** Detection; sections also stream as `detection` events. */
  detect: () => flagRequest(FLAG_REQUESTS.detect),
  findInstaller: () => z.object({ dir: pathText() }).strict(),
  checkConnectivity: () => z.object({ endpoint: z.string().min(1).max(300), dataPort: port().optional() }).strict(),
  startInstall: () =>
    z
      .object({
        installerDir: pathText(),
        installerFile: pathText().optional(),
        installDir: pathText().optional(),
        registration: registrationSchema(),
        dataPort: port().optional(),
        /** What the person chose on the anti-virus step; recorded in the job's summary. */
        antivirusChoice: z.enum(['allExcluded', 'continuedWithWarning']).optional(),
        ignorePendingRestart: z.boolean().optional(),
      })
      .strict(),
  startRegister: () =>
    z
      .object({
        registration: z.discriminatedUnion('mode', [classicRegistration(), modernizedRegistration()]),
      })
      .strict(),
  /** Removes the installed agent with the vendor's uninstaller (nothing installed: "nothing to do"). */
  startUninstall: () => z.object({}).strict(),
  getJob: () => z.object({ jobId: jobId() }).strict(),
  /** The latest job of this core (running or finished), so a reloaded page or a reconnected tunnel finds it again. */
  getLatestJob: () => flagRequest(FLAG_REQUESTS.getLatestJob),
  readJobLog: () =>
    z
      .object({ jobId: jobId(), from: z.number().int().min(0), max: z.number().int().min(1).max(50_000).optional() })
      .strict(),
  cancelJob: () => z.object({ jobId: jobId() }).strict(),
  /** Text of a log file the core itself named (job logFiles); anything else is refused. */
  readLogFile: () =>
    z.object({ path: pathText(), maxBytes: z.number().int().min(1).max(10_000_000).optional() }).strict(),
  /** Opens a log file the core named in the desktop's viewer (Electron only; the browser host refuses). */
  openLogFile: () => z.object({ path: pathText() }).strict(),
  /** Anti-virus exclusion check for the agent's folders (a custom install folder replaces the default); also an `antivirus` event. */
  checkAntivirus: () => z.object({ refresh: z.boolean().optional(), installDir: pathText().optional() }).strict(),
  /** Applies the automatic fixes for these scanners (root/Administrator only), then checks again. */
  fixAntivirus: () =>
    z
      .object({
        scannerIds: z
          .array(z.string().regex(/^[a-z0-9-]{1,64}$/))
          .min(1)
          .max(32),
        installDir: pathText().optional(),
      })
      .strict(),
  /** The Troubleshoot page: health, connectivity (to `expectedServer`, else the agent's server), push readiness, logs. */
  diagnose: () => z.object({ expectedServer: z.string().min(1).max(300).optional() }).strict(),
  /** A window of lines of a log the core named (a job's, the vendor's, its own); without `from`, the last `count`. */
  readLogLines: () =>
    z
      .object({ path: pathText(), from: z.number().int().min(0).optional(), count: z.number().int().min(1).max(2000) })
      .strict(),
  /** Lines of such a log that contain `query`, or its error lines (with known-error explanations) when `errors`. */
  searchLog: () =>
    z.object({ path: pathText(), query: z.string().max(200).optional(), errors: z.boolean().optional() }).strict(),
  /** Writes the diagnostics bundle's files, redacted, into a private folder and lists them (nothing saved yet). */
  prepareBundle: () => z.object({ expectedServer: z.string().min(1).max(300).optional() }).strict(),
  /** Archives a prepared bundle to a new file the person chose (absolute path; never over an existing file). */
  saveBundle: () => z.object({ bundleId: bundleId(), path: pathText() }).strict(),
  /**
   * Electron only: the main process asks where with the native save dialog and saves there; the page sends no path.
   * A cancelled dialog saves nothing and keeps the bundle prepared.
   */
  // The window's language, for the dialog's title and button (the page picks nothing else of the dialog).
  saveBundleWithDialog: () => z.object({ bundleId: bundleId(), language: z.enum(UI_LANGUAGES).optional() }).strict(),
  discardBundle: () => z.object({ bundleId: bundleId() }).strict(),
} as const;

/**
 * Every request's schema, each built at its first use: building all of them took ~20 ms of a CLI `install`
 * (a CPU profile) that validates one request. Keys and types are the same as a plain table's.
 */
export const requestSchemas = lazyTable(schemaMakers);

export interface SessionInfo {
  /** Which front door the core serves: the Electron window, the browser host, or the command line. */
  shell: 'electron' | 'browser' | 'cli';
  root: string;
  demo: boolean;
  defaults: { installerDir: string | null; csEndpoint: string | null; dataPort: number | null };
  appVersion: string;
  /** The OS locale the front door runs in (LANG/LC_ALL, or Electron's app.getLocale()): the wizard's default language. */
  locale?: string | null;
  platform: string;
  /** This OS's folders, from the core's OS profile, so the renderer shows them without knowing the OS. */
  folders: { installDir: string; logDir: string };
}

/** Reply types, by method. */
export interface ReplyTypes {
  getSession: SessionInfo;
  detect: DetectionReport;
  findInstaller: InstallerChoice;
  checkConnectivity: ConnectivityReport;
  startInstall: { jobId: string };
  startRegister: { jobId: string };
  startUninstall: { jobId: string };
  getJob: JobSnapshot;
  getLatestJob: JobSnapshot | null;
  readJobLog: LogChunk;
  cancelJob: JobSnapshot;
  readLogFile: { path: string; text: string; truncated: boolean };
  openLogFile: { opened: boolean };
  checkAntivirus: AntivirusReport;
  fixAntivirus: AntivirusFixReport;
  diagnose: TroubleshootReport;
  readLogLines: LogWindow;
  searchLog: LogSearch;
  prepareBundle: PreparedBundle;
  saveBundle: { file: string; sizeBytes: number };
  saveBundleWithDialog: { saved: true; file: string; sizeBytes: number } | { saved: false };
  discardBundle: { discarded: boolean };
}

export type Method = keyof typeof requestSchemas;
export type RequestOf<M extends Method> = z.infer<(typeof requestSchemas)[M]>;
export type ReplyOf<M extends Method> = ReplyTypes[M];

/** Events the core pushes to every connected front door. */
export interface EventTypes {
  detection: DetectionSnapshot;
  job: JobSnapshot;
  jobLog: LogChunk;
  antivirus: AntivirusReport;
}
export type EventName = keyof EventTypes;

/**
 * One event as its name and payload, a discriminated union by name: a listener that checks the name gets
 * the payload's type with it, so no consumer casts. `EventArgsOf<E>` is the same for a subset of names.
 */
export type EventArgsOf<E extends EventName> = { [K in E]: [name: K, payload: EventTypes[K]] }[E];
export type EventArgs = EventArgsOf<EventName>;
export type EventListener = (...event: EventArgs) => void;
