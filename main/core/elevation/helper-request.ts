import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as z from 'zod';
import type { VendorCommand, VendorSpec } from '../../platform/agent-platform';

/**
 * The request file the unprivileged app writes for its elevated helper. It names a vendor operation, the
 * values its command is built from, the command itself (which the helper re-builds and compares), the
 * working folder, the sandbox root and the secret FILE path. Never the secret: the file holds it.
 * Files next to it: output.log (the helper appends the command's output), result.json (exit code), cancel
 * (created by the app to ask the helper to end the command).
 */
export const REQUEST_FILE = 'request.json';
export const OUTPUT_FILE = 'output.log';
export const RESULT_FILE = 'result.json';
export const CANCEL_FILE = 'cancel';

const text = z.string().min(1).max(4096).refine((s) => !s.includes('\0'), 'NUL');
const architecture = z.enum(['classic', 'modernized']);

// Two register shapes share the operation name, so a plain union (each member strict) rather than a discriminated one.
const specSchema = z.union([
  z.object({ operation: z.literal('extract'), installerFile: text, extractedDir: text }).strict(),
  z.object({ operation: z.literal('install'), extractedDir: text, installDir: text, architecture, upgrade: z.boolean() }).strict(),
  z.object({ operation: z.literal('register'), installDir: text, architecture: z.literal('classic'), endpoint: text, passphraseFile: text }).strict(),
  z.object({ operation: z.literal('register'), installDir: text, architecture: z.literal('modernized'), configFile: text }).strict(),
  z.object({ operation: z.literal('uninstall'), installDir: text }).strict(),
]);

export const helperRequestSchema = z
  .object({
    version: z.literal(1),
    platform: z.enum(['linux', 'win32']),
    spec: specSchema,
    command: z
      .object({
        operation: z.enum(['extract', 'install', 'register', 'uninstall']),
        file: text,
        args: z.array(z.string().max(4096)).max(64),
        cwd: text.nullable(),
      })
      .strict(),
    sandboxRoot: text.nullable(),
    secretFile: text.nullable(),
    inactivityTimeoutMs: z.number().int().min(100).max(24 * 3600_000),
  })
  .strict();

export type HelperRequest = z.infer<typeof helperRequestSchema>;

export const helperResultSchema = z
  .object({
    ok: z.boolean(),
    code: z.number().int().nullable(),
    signal: z.string().nullable(),
    timedOut: z.boolean(),
    cancelled: z.boolean(),
    /** Why the helper refused the request (a catalog code), when it did. */
    refused: z.string().nullable(),
  })
  .strict();
export type HelperResult = z.infer<typeof helperResultSchema>;

export interface WrittenRequest {
  dir: string;
  requestFile: string;
  outputFile: string;
  resultFile: string;
  cancelFile: string;
  remove(): Promise<void>;
}

/**
 * Writes a request into a fresh 0700 folder (0600 files). The output and result files are created here,
 * by the unprivileged user, so the helper (root) writes into files this user can read, and never has to
 * create a file the user cannot.
 */
export async function writeHelperRequest(request: HelperRequest, parent = os.tmpdir()): Promise<WrittenRequest> {
  const dir = await fs.promises.mkdtemp(path.join(parent, 'mobility-setup-elevate-'));
  await fs.promises.chmod(dir, 0o700);
  const files = {
    requestFile: path.join(dir, REQUEST_FILE),
    outputFile: path.join(dir, OUTPUT_FILE),
    resultFile: path.join(dir, RESULT_FILE),
    cancelFile: path.join(dir, CANCEL_FILE),
  };
  await fs.promises.writeFile(files.requestFile, JSON.stringify(request), { mode: 0o600, flag: 'wx' });
  await fs.promises.writeFile(files.outputFile, '', { mode: 0o600, flag: 'wx' });
  await fs.promises.writeFile(files.resultFile, '', { mode: 0o600, flag: 'wx' });
  return { dir, ...files, remove: () => fs.promises.rm(dir, { recursive: true, force: true }) };
}

export function requestFor(
  platform: 'linux' | 'win32',
  spec: VendorSpec,
  command: VendorCommand,
  options: { sandboxRoot: string | null; inactivityTimeoutMs: number },
): HelperRequest {
  const secretFile = spec.operation === 'register' ? (spec.architecture === 'classic' ? spec.passphraseFile : spec.configFile) : null;
  return { version: 1, platform, spec, command, sandboxRoot: options.sandboxRoot, secretFile, inactivityTimeoutMs: options.inactivityTimeoutMs };
}
