import fs from 'node:fs';
import path from 'node:path';
import { buildVendorCommand, sameCommand, selectAgentPlatform } from '../../platform/agent-platform';
import type { VendorCommand } from '../../platform/agent-platform';
import { spawnProcess } from '../process-runner';
import { vendorEnvironment } from './elevator';
import type { HelperRequest, HelperResult } from './helper-request';
import { CANCEL_FILE, OUTPUT_FILE, REQUEST_FILE, RESULT_FILE, helperRequestSchema } from './helper-request';

/** How often the helper looks for the app's cancel file. */
const CANCEL_POLL_MS = 200;

export class HelperRefusal extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'HelperRefusal';
  }
}

const refuse = (code: string, message: string): never => {
  throw new HelperRefusal(code, message);
};

/** The folder and file must belong to one user and be private to it: nobody else can have changed the request. */
function checkPrivate(requestFile: string): void {
  if (!path.isAbsolute(requestFile) || path.basename(requestFile) !== REQUEST_FILE) refuse('helper.requestPath', 'The request path is not a request file.');
  const dir = path.dirname(requestFile);
  const dirStat = fs.lstatSync(dir);
  const fileStat = fs.lstatSync(requestFile);
  if (!dirStat.isDirectory() || (dirStat.mode & 0o077) !== 0) refuse('helper.requestDir', 'The request folder is not private (0700).');
  if (!fileStat.isFile() || (fileStat.mode & 0o077) !== 0) refuse('helper.requestFile', 'The request file is not a private regular file (0600).');
  if (fileStat.uid !== dirStat.uid) refuse('helper.requestOwner', 'The request file and its folder belong to different users.');
}

/**
 * Reads and checks a request: schema, private location, and that its command is exactly the vendor
 * command the builders make from its spec. Anything else is refused: the helper runs vendor commands only.
 */
export function loadHelperRequest(requestFile: string, platform: NodeJS.Platform = process.platform): { request: HelperRequest; command: VendorCommand } {
  checkPrivate(requestFile);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(requestFile, 'utf8'));
  } catch {
    return refuse('helper.requestUnreadable', 'The request file is not valid JSON.');
  }
  const parsed = helperRequestSchema.safeParse(raw);
  if (!parsed.success) return refuse('helper.requestInvalid', 'The request file does not match the helper request format.');
  const request = parsed.data;
  if (request.platform !== platform) refuse('helper.platform', 'The request was written for another platform.');
  const commands = selectAgentPlatform(platform);
  const rebuilt = commands ? buildVendorCommand(commands, request.spec) : null;
  if (!rebuilt || !sameCommand(rebuilt, request.command)) refuse('helper.notVendorCommand', 'The requested command is not a vendor command this app builds.');
  const specSecret = request.spec.operation === 'register' ? (request.spec.architecture === 'classic' ? request.spec.passphraseFile : request.spec.configFile) : null;
  if (request.secretFile !== specSecret) refuse('helper.secretFile', 'The secret file does not match the command.');
  return { request, command: rebuilt as VendorCommand };
}

/** Opens a file the app created, refusing a symlink put in its place. */
function openExisting(file: string, flags: number): number {
  return fs.openSync(file, flags | fs.constants.O_NOFOLLOW);
}

function writeResult(dir: string, result: HelperResult): void {
  const fd = openExisting(path.join(dir, RESULT_FILE), fs.constants.O_WRONLY | fs.constants.O_TRUNC);
  try {
    fs.writeSync(fd, JSON.stringify(result));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The elevated helper: validates the request, runs the vendor command, appends its output to output.log
 * and writes result.json. Ends the command when the app creates the cancel file or when it is silent for
 * the request's inactivity timeout. Returns the process exit code for the helper itself (0 when it ran).
 */
export async function runHelper(requestFile: string): Promise<number> {
  const dir = path.dirname(path.resolve(requestFile));
  let loaded: ReturnType<typeof loadHelperRequest>;
  try {
    loaded = loadHelperRequest(path.resolve(requestFile));
  } catch (err) {
    const code = err instanceof HelperRefusal ? err.code : 'helper.requestUnreadable';
    try {
      writeResult(dir, { ok: false, code: null, signal: null, timedOut: false, cancelled: false, refused: code });
    } catch {
      // No result file to write to: the app reports the helper as failed.
    }
    process.stderr.write(`mobility-setup helper: refused (${code})\n`);
    return 3;
  }
  const { request, command } = loaded;
  if (fs.existsSync(path.join(dir, CANCEL_FILE))) {
    // The app cancelled while the password prompt was open: the vendor command never starts.
    writeResult(dir, { ok: true, code: null, signal: null, timedOut: false, cancelled: true, refused: null });
    return 0;
  }
  const out = openExisting(path.join(dir, OUTPUT_FILE), fs.constants.O_WRONLY | fs.constants.O_APPEND);
  const running = spawnProcess(command.file, command.args, {
    cwd: command.cwd ?? undefined,
    env: vendorEnvironment(request.sandboxRoot),
    inactivityTimeoutMs: request.inactivityTimeoutMs,
    onLine: (line) => fs.writeSync(out, line + '\n'),
  });
  const cancelPoll = setInterval(() => {
    if (fs.existsSync(path.join(dir, CANCEL_FILE))) running.cancel();
  }, CANCEL_POLL_MS);
  const result = await running.done;
  clearInterval(cancelPoll);
  fs.closeSync(out);
  writeResult(dir, { ok: true, code: result.code, signal: result.signal, timedOut: result.timedOut, cancelled: result.cancelled, refused: null });
  return 0;
}
