import fs from 'node:fs';
import path from 'node:path';
import { ROOT_SECRET_BASE, withSecretFile } from '../jobs/secret-file';
import { processRunner } from '../../platform/process-runner';
import type { PrivilegedOperation, PrivilegedResult } from './elevator';
import {
  HelperRefusal,
  checkEndpointValue,
  checkRootOnlySandbox,
  checkPathValue,
  checkPrivateFolder,
  helperWorkBase,
  openPrivateFile,
  readRequesterSecret,
  refuse,
  requesterUid,
} from './helper-checks';
import type { HelperRequest, HelperResult } from './helper-request';
import {
  CANCEL_FILE,
  INSTALLER_STARTING,
  OUTPUT_FILE,
  REQUEST_FILE,
  RESULT_FILE,
  STAGE_FILE,
  helperRequestSchema,
} from './helper-request';
import { findInstalledUninstaller } from './helper-uninstaller';
import { runPrivileged } from './run-privileged';

export { HelperRefusal } from './helper-checks';

/** How often the helper looks for the app's cancel file. */
const CANCEL_POLL_MS = 200;
const MAX_REQUEST_BYTES = 64 * 1024;

/**
 * Reads and checks a request: it must be a private file in a private folder, both owned by the user who
 * asked for elevation (PKEXEC_UID / SUDO_UID), match the request format, and every value must pass the
 * same checks as at the front doors. Anything else is refused, and nothing runs.
 */
export function loadHelperRequest(
  requestFile: string,
  platform: NodeJS.Platform = process.platform,
  requester: number | null = requesterUid(),
): HelperRequest {
  if (!path.isAbsolute(requestFile) || path.basename(requestFile) !== REQUEST_FILE)
    refuse('helper.requestPath', 'The request path is not a request file.');
  checkPrivateFolder(path.dirname(requestFile), requester, 'helper.requestDir', 'request folder');
  const fd = openPrivateFile(requestFile, fs.constants.O_RDONLY, requester, 'helper.requestFile', 'request file');
  let raw: unknown;
  try {
    if (fs.fstatSync(fd).size > MAX_REQUEST_BYTES) refuse('helper.requestInvalid', 'The request file is too large.');
    raw = JSON.parse(fs.readFileSync(fd, 'utf8'));
  } catch (err) {
    if (err instanceof HelperRefusal) throw err;
    return refuse('helper.requestUnreadable', 'The request file is not valid JSON.');
  } finally {
    fs.closeSync(fd);
  }
  const parsed = helperRequestSchema.safeParse(raw);
  if (!parsed.success)
    return refuse('helper.requestInvalid', 'The request file does not match the helper request format.');
  const request = parsed.data;
  if (request.platform !== platform) refuse('helper.platform', 'The request was written for another platform.');
  const { operation } = request;
  if (operation.operation !== 'uninstall')
    checkPathValue(operation.installDir, request.platform, 'helper.installDir', 'install folder');
  if (request.sandboxRoot !== null)
    checkPathValue(request.sandboxRoot, request.platform, 'helper.sandboxRoot', 'sandbox root');
  if (operation.operation === 'antivirusFix' || operation.operation === 'uninstall')
    checkRootOnlySandbox(request, requester, operation.operation);
  if (operation.operation === 'install')
    checkPathValue(operation.installer.file, request.platform, 'helper.installerFile', 'installer file path');
  if (operation.operation === 'register' && operation.architecture === 'classic')
    checkEndpointValue(operation.endpoint);
  return request;
}

/** Opens one of the files the app created for the helper's output, refusing anything but the requester's private single-link file. */
function openOutput(dir: string, name: string, requester: number | null, flags: number): number {
  return openPrivateFile(
    path.join(dir, name),
    fs.constants.O_WRONLY | flags,
    requester,
    'helper.outputFile',
    `${name} file`,
  );
}

function writeResult(dir: string, requester: number | null, result: HelperResult): void {
  const fd = openOutput(dir, RESULT_FILE, requester, fs.constants.O_TRUNC);
  try {
    fs.writeSync(fd, JSON.stringify(result));
  } finally {
    fs.closeSync(fd);
  }
}

function resultOf(outcome: PrivilegedResult): HelperResult {
  if (outcome.kind === 'exited')
    return {
      ok: true,
      code: outcome.code,
      signal: outcome.signal,
      timedOut: outcome.timedOut,
      cancelled: outcome.cancelled,
      ...(outcome.fix ? { fix: outcome.fix } : {}),
    };
  if (outcome.kind === 'unavailable')
    return { ok: false, refused: outcome.code, message: outcome.message, hint: outcome.hint };
  return {
    ok: false,
    refused: 'helper.internal',
    message: 'The helper could not run the operation.',
    hint: 'Run Mobility Setup as root instead.',
  };
}

/** The operation the helper carries out: an uninstall runs what the helper itself found, never a folder from the request. */
function privilegedOperationOf(request: HelperRequest): PrivilegedOperation {
  const { operation } = request;
  return operation.operation === 'uninstall'
    ? findInstalledUninstaller(request.platform, request.sandboxRoot)
    : operation;
}

/** The secret the configurator reads lives in a root-owned copy while it runs, never in the requester's file. */
async function withRootCopyOfSecret<T>(
  request: HelperRequest,
  requester: number | null,
  fn: (operation: PrivilegedOperation) => Promise<T>,
): Promise<T> {
  const operation = privilegedOperationOf(request);
  if (operation.operation !== 'register') return fn(operation);
  const classic = operation.architecture === 'classic';
  const fileName = classic ? 'MobSvc.passphrase' : 'config.json';
  const content = readRequesterSecret(
    classic ? operation.passphraseFile : operation.configFile,
    fileName,
    requester,
    request.platform,
  );
  const base =
    request.platform === 'win32'
      ? path.win32.join(helperWorkBase('win32'), 'mobility-setup-secrets')
      : process.getuid?.() === 0
        ? ROOT_SECRET_BASE
        : path.join(helperWorkBase(), 'mobility-setup-secrets');
  return withSecretFile(
    content,
    (copy) => fn(classic ? { ...operation, passphraseFile: copy } : { ...operation, configFile: copy }),
    { base, fileName },
  );
}

/**
 * The elevated helper: checks the request, then carries out its one operation itself (an install from its
 * own hash-checked copy of the installer, in root-owned private folders removed in every outcome), appends
 * the output to output.log and writes result.json. Ends the work when the app creates the cancel file or
 * when the command is silent for the request's inactivity timeout. Returns the helper's exit code (0 when
 * it ran the operation, 3 when it refused the request).
 */
export async function runHelper(requestFile: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const dir = path.dirname(path.resolve(requestFile));
  let requester: number | null = null;
  const refused = (err: unknown): number => {
    const refusal =
      err instanceof HelperRefusal
        ? err
        : new HelperRefusal(
            'helper.failed',
            `The helper failed: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500),
          );
    try {
      // Only ever into the requester's own private single-link result file; otherwise the app reports "no result".
      if (requester !== null || process.platform === 'win32')
        writeResult(dir, requester, { ok: false, refused: refusal.code, message: refusal.message, hint: refusal.hint });
    } catch {
      // No result file to write to: the app reports the helper as failed.
    }
    process.stderr.write(`mobility-setup helper: refused (${refusal.code}): ${refusal.message}\n`);
    return 3;
  };
  let request: HelperRequest;
  let out: number;
  try {
    requester = requesterUid(env);
    request = loadHelperRequest(path.resolve(requestFile), process.platform, requester);
    out = openOutput(dir, OUTPUT_FILE, requester, fs.constants.O_APPEND);
  } catch (err) {
    return refused(err);
  }
  const cancelRequested = () => fs.existsSync(path.join(dir, CANCEL_FILE));
  let outcome: PrivilegedResult;
  try {
    if (cancelRequested()) {
      // The app cancelled while the password prompt was open: nothing starts.
      outcome = { kind: 'exited', code: null, signal: null, timedOut: false, cancelled: true };
    } else {
      outcome = await withRootCopyOfSecret(request, requester, async (operation) => {
        const running = runPrivileged(operation, {
          runner: processRunner,
          platform: request.platform,
          workBase: helperWorkBase(request.platform),
          sandboxRoot: request.sandboxRoot,
          inactivityTimeoutMs: request.inactivityTimeoutMs,
          onLine: (line) => fs.writeSync(out, line + '\n'),
          onInstallerStarting: () => {
            const stage = openOutput(dir, STAGE_FILE, requester, fs.constants.O_TRUNC);
            try {
              fs.writeSync(stage, INSTALLER_STARTING);
            } finally {
              fs.closeSync(stage);
            }
          },
        });
        const cancelPoll = setInterval(() => {
          if (cancelRequested()) running.cancel();
        }, CANCEL_POLL_MS);
        try {
          return await running.done;
        } finally {
          clearInterval(cancelPoll);
        }
      });
    }
  } catch (err) {
    return refused(err);
  } finally {
    fs.closeSync(out);
  }
  if (outcome.kind === 'refused') return refused(new HelperRefusal(outcome.code, outcome.message, outcome.hint));
  writeResult(dir, requester, resultOf(outcome));
  return 0;
}
