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

const pathText = z.string().min(1).max(4096).refine((s) => !s.includes('\0'), 'path contains NUL');
const jobId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const port = z.number().int().min(1).max(65535);

export const registrationSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('classic'), endpoint: z.string().min(1).max(300), passphrase: z.string().min(1).max(256) }).strict(),
  z.object({ mode: z.literal('modernized'), configJson: z.string().min(2).max(1_000_000) }).strict(),
  z.object({ mode: z.literal('none') }).strict(),
]);

export const requestSchemas = {
  /** Session facts: which shell, demo defaults to prefill, the root prefix. */
  getSession: z.object({}).strict(),
  /** Detection; sections also stream as `detection` events. */
  detect: z.object({ refresh: z.boolean().optional() }).strict(),
  findInstaller: z.object({ dir: pathText }).strict(),
  checkConnectivity: z.object({ endpoint: z.string().min(1).max(300), dataPort: port.optional() }).strict(),
  startInstall: z
    .object({
      installerDir: pathText,
      installerFile: pathText.optional(),
      installDir: pathText.optional(),
      registration: registrationSchema,
      dataPort: port.optional(),
    })
    .strict(),
  startRegister: z
    .object({
      registration: z.discriminatedUnion('mode', [
        z.object({ mode: z.literal('classic'), endpoint: z.string().min(1).max(300), passphrase: z.string().min(1).max(256) }).strict(),
        z.object({ mode: z.literal('modernized'), configJson: z.string().min(2).max(1_000_000) }).strict(),
      ]),
    })
    .strict(),
  getJob: z.object({ jobId }).strict(),
  /** The latest job of this core (running or finished), so a reloaded page or a reconnected tunnel finds it again. */
  getLatestJob: z.object({}).strict(),
  readJobLog: z.object({ jobId, from: z.number().int().min(0), max: z.number().int().min(1).max(50_000).optional() }).strict(),
  cancelJob: z.object({ jobId }).strict(),
  /** Text of a log file the core itself named (job logFiles); anything else is refused. */
  readLogFile: z.object({ path: pathText, maxBytes: z.number().int().min(1).max(10_000_000).optional() }).strict(),
  /** Opens a log file the core named in the desktop's viewer (Electron only; the browser host refuses). */
  openLogFile: z.object({ path: pathText }).strict(),
} as const;

export interface SessionInfo {
  shell: 'electron' | 'browser';
  root: string;
  demo: boolean;
  defaults: { installerDir: string | null; csEndpoint: string | null; dataPort: number | null };
  appVersion: string;
  platform: string;
}

/** Reply types, by method. */
export interface ReplyTypes {
  getSession: SessionInfo;
  detect: DetectionReport;
  findInstaller: InstallerChoice;
  checkConnectivity: ConnectivityReport;
  startInstall: { jobId: string };
  startRegister: { jobId: string };
  getJob: JobSnapshot;
  getLatestJob: JobSnapshot | null;
  readJobLog: LogChunk;
  cancelJob: JobSnapshot;
  readLogFile: { path: string; text: string; truncated: boolean };
  openLogFile: { opened: boolean };
}

export type Method = keyof typeof requestSchemas;
export type RequestOf<M extends Method> = z.infer<(typeof requestSchemas)[M]>;
export type ReplyOf<M extends Method> = ReplyTypes[M];

/** Events the core pushes to every connected front door. */
export interface EventTypes {
  detection: DetectionSnapshot;
  job: JobSnapshot;
  jobLog: LogChunk;
}
export type EventName = keyof EventTypes;
