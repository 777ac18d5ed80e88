import path from 'node:path';
import type { AgentFacts, DetectionReport, DiskCheck, PrivilegeFacts } from '../../../common/detection';
import { parseEndpoint } from '../../../common/endpoint';
import { registrationNeeded } from '../../../common/install-plan';
import { downgradeMessage, stepwiseMessage, UPGRADE_REMINDER, upgradePath } from '../../../common/upgrade-path';
import type { Endpoint } from '../../../common/endpoint';
import type { InstallRequest, InstallerChoice, Registration } from '../../../common/install';
import { checkPassphrase } from '../../../common/passphrase';
import { checkPathInput } from '../../../common/path-input';
import { UserError } from '../../../common/result';
import type { Elevator } from '../elevation/elevator';
import { assertChecksumOk, findInstaller } from '../installer/installer-finder';
import { checkInstallerSignature } from '../installer/installer-signature';
import type { StepContext } from '../jobs/job-engine';
import { failed } from '../jobs/job-stop';
import type { PipelineEnv } from './pipeline-env';
import { realPath } from './pipeline-env';
import { stopIfRestartPending } from './restart-pending-check';
import { sanitiseEntryName } from '../installer/safe-extract';

/** What the check step decided: every later step only carries this out. */
export interface InstallPlan {
  choice: InstallerChoice;
  /** Install folder as the system sees it. */
  installDir: string;
  installNeeded: boolean;
  upgrade: boolean;
  registerNeeded: boolean;
  /** Same version installed and registered to the same server (or no registration asked): nothing to do. */
  nothingToDo: boolean;
  endpoint: Endpoint | null;
  elevator: Elevator | null;
}

/** Checks the registration input; returns the parsed endpoint for classic. Values never enter messages. */
export function validateRegistration(registration: Registration): Endpoint | null {
  if (registration.mode === 'classic') {
    const parsed = parseEndpoint(registration.endpoint);
    if (!parsed.ok)
      throw failed({
        code: parsed.code,
        message: `The configuration server address is not valid: ${parsed.message}`,
        hint: 'Enter the server as an IP address or FQDN, optionally with :port.',
      });
    const pass = checkPassphrase(registration.passphrase);
    if (!pass.ok)
      throw failed({
        code: pass.code,
        message: pass.message,
        hint: 'Generate the passphrase on the configuration server with genpassphrase.exe -v > MobSvc.passphrase.',
      });
    return parsed.endpoint;
  }
  if (registration.mode === 'modernized') {
    try {
      JSON.parse(registration.configJson);
    } catch {
      throw failed({
        code: 'config.invalid',
        message: 'The appliance configuration (config.json) is not valid JSON.',
        hint: 'Download config.json from the replication appliance again.',
      });
    }
  }
  return null;
}

/**
 * The install folder must be a full path: a relative one would resolve from the extraction folder, which
 * is removed (recursively) after the install. The root of the file system and anything inside the
 * temporary work folder are refused for the same reason. Throws UserError 'installDir.notAbsolute',
 * 'installDir.unsafe' or 'installDir.invalid'.
 */
export function checkInstallDir(
  env: Pick<PipelineEnv, 'deps' | 'commands' | 'profile' | 'workBase'>,
  dir: string,
): void {
  const shown = sanitiseEntryName(dir);
  const hint = `Enter the full path of the install folder, e.g. ${env.commands.defaultInstallDir}, or leave it empty for that default.`;
  // The vendor installer writes the folder into line-based files (.vx_version's INSTALLATION_DIR=…) that the
  // next register trusts: a line break in it would inject a line. The shown text is sanitised, never raw.
  const input = checkPathInput(dir, 'The install folder');
  if (!input.ok) throw new UserError(input.code, `${input.message} (${shown})`, hint, { dir: shown });
  if (!env.profile.isAbsolute(dir)) {
    throw new UserError(
      'installDir.notAbsolute',
      `The install folder "${shown}" is not a full (absolute) path.`,
      hint,
      { dir: shown },
    );
  }
  const api = env.profile.pathApi;
  const normal = api.normalize(dir);
  if (normal === api.parse(normal).root) {
    throw new UserError('installDir.unsafe', `The install folder cannot be the root folder ${shown}.`, hint, {
      dir: shown,
    });
  }
  let real: string;
  try {
    real = realPath(env.deps, dir);
  } catch {
    throw new UserError(
      'installDir.invalid',
      `The install folder "${shown}" cannot be used under the root folder ${env.deps.paths.root}.`,
      hint,
      { dir: shown },
    );
  }
  // The work folder is a path of this host: a path that is not absolute here (a Windows path seen from a Linux
  // test host) cannot be inside it, and resolving it against the current folder would invent a false match.
  const rel = path.isAbsolute(real) ? path.relative(path.resolve(env.workBase), real) : '..';
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
    throw new UserError(
      'installDir.unsafe',
      `The install folder ${shown} is inside the temporary work folder ${env.workBase}, which is removed after the install.`,
      hint,
      { dir: shown },
    );
  }
}

function stopIfUnsupported(report: DetectionReport): void {
  if (report.supported) return;
  const token = report.token ? ` (installer token ${report.token})` : '';
  const os = [report.os.distribution, report.os.version, report.os.arch].filter(Boolean).join(' ');
  throw failed({
    code: 'install.unsupported',
    message: `This machine is not supported by the Mobility service: ${os || 'unknown OS'}${token}. ${report.supportMessage}`,
    hint: 'Check the support matrix; the agent only installs on the listed 64-bit distributions.',
  });
}

/** The job's log, which is all the check step writes to. */
type CheckLog = Pick<StepContext, 'log'>;

async function chooseInstaller(
  env: PipelineEnv,
  job: CheckLog,
  request: InstallRequest,
  token: string | null,
): Promise<InstallerChoice> {
  const choice = await findInstaller(request.installerDir, token, env.profile.installer);
  if (request.installerFile && path.resolve(request.installerFile) !== path.resolve(choice.chosen.path)) {
    throw failed({
      code: 'installer.changed',
      message: `The installer folder changed since it was searched: ${choice.chosen.fileName} is now the installer for this machine.`,
      hint: 'Search the folder again and confirm the installer.',
    });
  }
  const owner = choice.owner
    ? `, owner ${choice.owner.user ?? 'no user name'} (uid ${choice.owner.uid}), mode ${choice.owner.mode}`
    : '';
  job.log(
    `Installer: ${choice.chosen.fileName} (version ${choice.chosen.version}, ${choice.chosen.sizeBytes} bytes${owner})`,
  );
  job.log(`SHA-256: ${choice.sha256}; checksum file: ${choice.checksumFile ?? 'none'} (${choice.checksum})`);
  assertChecksumOk(choice);
  if (env.profile.signedInstaller) {
    const signature = await checkInstallerSignature(env.deps.runner, choice.chosen.path, choice.chosen.fileName);
    job.log(
      `Signature: ${signature.status}, publisher ${signature.publisher ?? 'unknown'} (certificate ${signature.thumbprint ?? 'unknown'}).`,
    );
  }
  return choice;
}

/** The upgrade rules (common/upgrade-path.ts) as the install job applies them: refusals stop it here. */
function versionPlan(agent: AgentFacts, version: string, job: CheckLog): { installNeeded: boolean; upgrade: boolean } {
  const route = upgradePath(agent.installed ? agent.version : null, version);
  if (route.kind === 'downgrade') throw failed({ code: 'install.downgrade', ...downgradeMessage(route) });
  if (route.kind === 'tooFar') throw failed({ code: 'install.upgradeSteps', ...stepwiseMessage(route) });
  if (route.kind === 'upgrade') job.log(UPGRADE_REMINDER);
  return { installNeeded: route.kind !== 'same', upgrade: route.kind === 'upgrade' };
}

function checkDisk(disk: DiskCheck[]): void {
  const short = disk.filter((d) => d.ok === false);
  if (short.length === 0) return;
  const mb = (n: number | null) => (n === null ? '?' : `${Math.floor(n / 1024 ** 2)} MB`);
  const list = short.map((d) => `${d.path}: ${mb(d.freeBytes)} free, ${mb(d.requiredBytes)} needed`).join('; ');
  throw failed({
    code: 'install.diskSpace',
    message: `Not enough free disk space (${list}).`,
    hint: 'Free some space, then run the install again.',
  });
}

/** Stops the job when the configuration server cannot be reached, before anything is installed or registered. */
export async function requireServerReachable(
  env: PipelineEnv,
  job: CheckLog,
  endpoint: Endpoint,
  dataPort: number | undefined,
): Promise<void> {
  if (!env.checkServer) return;
  const report = await env.checkServer(endpoint.display, dataPort);
  for (const c of report.checks) job.log(`Connectivity ${c.id}: ${c.state} (${c.message})`);
  if (report.canRegister) return;
  const first = report.checks.find((c) => c.state === 'fail');
  throw failed({
    code: 'install.serverUnreachable',
    message: `The configuration server ${endpoint.display} cannot be reached: ${first?.message ?? 'the connectivity check failed'}.`,
    hint: 'Check the address, that port 443 is open to the server, and its certificate; then try again.',
  });
}

/** The check step: everything that can stop the install stops it here, before anything privileged runs. */
/** Stops the job when nothing can run the privileged steps: not root, and no way to ask for the password. */
export function requireElevator(
  env: PipelineEnv,
  privileges: PrivilegeFacts,
  command: 'install' | 'register' | 'uninstall',
): Elevator {
  const elevator = env.elevatorFor(privileges);
  if (!('unavailable' in elevator)) return elevator;
  const doing = { install: 'Installing', register: 'Registering', uninstall: 'Uninstalling' }[command];
  throw failed({
    code: 'install.notElevated',
    message: `${doing} needs root (Administrator on Windows). ${elevator.unavailable}`,
    hint: `Run as root: sudo mobility-setup ${command} … (or start Mobility Setup as root).`,
  });
}

export async function checkInstall(env: PipelineEnv, job: CheckLog, request: InstallRequest): Promise<InstallPlan> {
  const report = await env.detection.detect({ refresh: true });
  job.log(
    `Detected: ${[report.os.distribution, report.os.version, report.os.arch].filter(Boolean).join(' ') || 'unknown OS'}; installer token ${report.token ?? 'none'}.`,
  );
  stopIfUnsupported(report);
  stopIfRestartPending(report, request.ignorePendingRestart === true, job);
  const endpoint = validateRegistration(request.registration);
  const choice = await chooseInstaller(env, job, request, report.token);
  const agent = await env.detection.readAgent();
  const { installNeeded, upgrade } = versionPlan(agent, choice.chosen.version, job);
  const installDir =
    agent.installed && agent.installDir ? agent.installDir : (request.installDir ?? env.commands.defaultInstallDir);
  if (request.installDir !== undefined) checkInstallDir(env, request.installDir);
  checkInstallDir(env, installDir);
  if (agent.installed)
    job.log(
      `Installed agent: ${agent.version ?? 'unknown version'} in ${agent.installDir ?? 'unknown folder'}, registered: ${String(agent.registered)}.`,
    );
  if (upgrade) job.log(`Upgrade from ${agent.version ?? '?'} to ${choice.chosen.version}.`);

  const mode = request.registration.mode;
  const registerNeeded = registrationNeeded(agent, mode, endpoint, installNeeded);
  const nothingToDo = !installNeeded && !registerNeeded;
  if (nothingToDo) {
    job.log(
      `Version ${choice.chosen.version} is already installed${mode === 'none' ? '' : ' and registered to this server'}: nothing to do.`,
    );
    return { choice, installDir, installNeeded, upgrade, registerNeeded, nothingToDo, endpoint, elevator: null };
  }

  const elevator = requireElevator(env, report.privileges, 'install');
  // Checked at the folder that will be used, not the default one the detection screen shows.
  if (installNeeded) checkDisk(await env.detection.diskFor(installDir));
  if (registerNeeded && endpoint) await requireServerReachable(env, job, endpoint, request.dataPort);
  return { choice, installDir, installNeeded, upgrade, registerNeeded, nothingToDo, endpoint, elevator };
}
