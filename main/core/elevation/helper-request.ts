import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as z from 'zod';
import type { FixResult } from '../../../common/antivirus';
import type { CodedText } from '../../../common/core-text/coded-text';
import { ANTIVIRUS_FIX_SCANNERS } from './elevator';
import type { PrivilegedOperation } from './elevator';

/**
 * The request file the unprivileged app writes for its elevated helper: one privileged operation and
 * the values it is made of. No command, no folder to run: for an install it names the installer FILE and
 * its SHA-256, and the helper copies, hashes and extracts it itself. Never the secret: for a registration
 * it names the secret FILE (the helper copies it too). Files next to it, created by the app so the helper
 * (root) only ever writes into existing files of the requesting user: output.log (the command's output),
 * stage (the helper writes "install" when the vendor installer starts), result.json; and cancel (created by
 * the app to ask the helper to stop).
 */
export const REQUEST_FILE = 'request.json';
export const OUTPUT_FILE = 'output.log';
export const STAGE_FILE = 'stage';
export const RESULT_FILE = 'result.json';
export const CANCEL_FILE = 'cancel';

/** The stage file's content once the hash-checked copy is extracted and the vendor installer starts. */
export const INSTALLER_STARTING = 'install';

const text = z
  .string()
  .min(1)
  .max(4096)
  .refine((s) => !s.includes('\0'), 'NUL');
const architecture = z.enum(['classic', 'modernized']);

// Two register shapes share the operation name, so a plain union (each member strict) rather than a discriminated one.
const operationSchema = z.union([
  z
    .object({
      operation: z.literal('install'),
      installer: z.object({ file: text, sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
      installDir: text,
      architecture,
      upgrade: z.boolean(),
    })
    .strict(),
  z
    .object({
      operation: z.literal('register'),
      installDir: text,
      architecture: z.literal('classic'),
      endpoint: text,
      passphraseFile: text,
    })
    .strict(),
  z
    .object({
      operation: z.literal('register'),
      installDir: text,
      architecture: z.literal('modernized'),
      configFile: text,
    })
    .strict(),
  // Only the product and the agent folder: the helper finds the product's configuration itself.
  z
    .object({ operation: z.literal('antivirusFix'), scanner: z.enum(ANTIVIRUS_FIX_SCANNERS), installDir: text })
    .strict(),
  // Nothing but the word: the helper finds the installed agent and its uninstaller itself (helper-uninstaller.ts).
  z.object({ operation: z.literal('uninstall') }).strict(),
]);

export const helperRequestSchema = z
  .object({
    version: z.literal(2),
    platform: z.enum(['linux', 'win32']),
    operation: operationSchema,
    sandboxRoot: text.nullable(),
    inactivityTimeoutMs: z
      .number()
      .int()
      .min(100)
      .max(24 * 3600_000),
  })
  .strict();

export type HelperRequest = z.infer<typeof helperRequestSchema>;

/** A coded sentence (common/core-text/coded-text.ts); a parameter may be coded sentences itself. */
const codedTextSchema: z.ZodType<CodedText> = z.lazy(() =>
  z
    .object({
      code: z.string().max(200),
      params: z.record(z.string().max(100), z.union([z.string().max(8000), z.number()])),
      paramTexts: z.record(z.string().max(100), z.array(codedTextSchema).max(50)).optional(),
    })
    .strict(),
);

/** An anti-virus fix's report from the helper: what the root app's own fix returns (common/antivirus.ts). */
const fixResultSchema = z
  .object({
    scannerId: z.string().max(100),
    outcome: z.enum(['fixed', 'unchanged', 'failed', 'needsRoot', 'manual', 'notFound']),
    message: z.string().max(8000),
    messageTexts: z.array(codedTextSchema).max(50).optional(),
    changedFiles: z.array(text).max(50),
    backups: z.array(text).max(50),
    commands: z.array(text).max(50),
  })
  .strict() satisfies z.ZodType<FixResult>;

export const helperResultSchema = z.union([
  z
    .object({
      ok: z.literal(true),
      code: z.number().int().nullable(),
      signal: z.string().nullable(),
      timedOut: z.boolean(),
      cancelled: z.boolean(),
      fix: fixResultSchema.optional(),
    })
    .strict(),
  /** Nothing ran: the request, or the installer it names, was refused (a catalog code and what to do). */
  z
    .object({
      ok: z.literal(false),
      refused: z.string().max(100),
      message: z.string().max(2000),
      hint: z.string().max(2000),
    })
    .strict(),
]);
export type HelperResult = z.infer<typeof helperResultSchema>;

export interface WrittenRequest {
  dir: string;
  requestFile: string;
  outputFile: string;
  stageFile: string;
  resultFile: string;
  cancelFile: string;
  remove(): Promise<void>;
}

/**
 * Writes a request into a fresh 0700 folder (0600 files). The output, stage and result files are created
 * here, by the unprivileged user, so the helper (root) writes into files this user owns and can read, and
 * never has to create a file in a folder of another user.
 */
export async function writeHelperRequest(request: HelperRequest, parent = os.tmpdir()): Promise<WrittenRequest> {
  const dir = await fs.promises.mkdtemp(path.join(parent, 'mobility-setup-elevate-'));
  await fs.promises.chmod(dir, 0o700);
  const files = {
    requestFile: path.join(dir, REQUEST_FILE),
    outputFile: path.join(dir, OUTPUT_FILE),
    stageFile: path.join(dir, STAGE_FILE),
    resultFile: path.join(dir, RESULT_FILE),
    cancelFile: path.join(dir, CANCEL_FILE),
  };
  await fs.promises.writeFile(files.requestFile, JSON.stringify(request), { mode: 0o600, flag: 'wx' });
  for (const file of [files.outputFile, files.stageFile, files.resultFile])
    await fs.promises.writeFile(file, '', { mode: 0o600, flag: 'wx' });
  return { dir, ...files, remove: () => fs.promises.rm(dir, { recursive: true, force: true }) };
}

/** The request for an operation: an uninstall drops the folder the app found (the helper finds it itself, as root). */
export function requestFor(
  platform: 'linux' | 'win32',
  operation: PrivilegedOperation,
  options: { sandboxRoot: string | null; inactivityTimeoutMs: number },
): HelperRequest {
  const named: HelperRequest['operation'] =
    operation.operation === 'uninstall' ? { operation: 'uninstall' } : operation;
  return {
    version: 2,
    platform,
    operation: named,
    sandboxRoot: options.sandboxRoot,
    inactivityTimeoutMs: options.inactivityTimeoutMs,
  };
}
