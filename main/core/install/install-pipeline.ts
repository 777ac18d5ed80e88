import { realpath } from 'node:fs/promises';
import type { AgentFacts } from '../../../common/detection';
import type { InstallRequest, JobOutcome, StepId } from '../../../common/install';
import { serverKindOf } from '../../../common/install';
import { UserError } from '../../../common/result';
import { checkInstall } from './check-step';
import type { InstallPlan } from './check-step';
import type { ExitCodeInfo } from './exit-codes';
import { compareVersions } from './installer-finder';
import type { JobHandle } from '../jobs/job-manager';
import { JobStop, failed, failedFromUserError, machineStateAfter, machineStateFromAgent, outcome } from './outcomes';
import type { PipelineEnv } from './pipeline-env';
import { UNINSTALL_HINT, realPath, vendorLogFiles } from './pipeline-env';
import { runRegisterStep, secretsOf } from './register-step';
import { buildSummary } from './summary';
import { runVendorStep } from './vendor-step';

export const INSTALL_STEPS: StepId[] = ['check', 'extract', 'install', 'register', 'verify'];

/** The final outcome of a job that ran its commands: reboot notices and warnings from the vendor carry through. */
export function successOutcome(code: string, message: string, notices: ExitCodeInfo[]): JobOutcome {
  const reboot = notices.find((n) => n.code === 'exit.1641') ?? notices.find((n) => n.rebootRequired);
  if (reboot) return outcome('success', { code: reboot.code, message: `${message} ${reboot.message}`, hint: reboot.hint, exitCode: Number(reboot.code.slice(5)), rebootRequired: true });
  const warning = notices.find((n) => n.severity === 'warning');
  if (warning) return outcome('warning', { code: warning.code, message: `${message} ${warning.message}`, hint: warning.hint, exitCode: Number(warning.code.slice(5)) });
  return outcome('success', { code, message, exitCode: 0 });
}

/** Checks what the vendor tools did: the agent's own state must show the new version (and registration). */
export async function verifyAgent(env: PipelineEnv, expected: { version: string | null; registered: boolean }): Promise<AgentFacts> {
  const agent = await env.detection.readAgent();
  const machineState = machineStateAfter('verify', { installDir: '', upgrade: false, uninstallHint: '' });
  if (!agent.installed || (expected.version !== null && (agent.version === null || compareVersions(agent.version, expected.version) !== 0))) {
    throw failed({ code: 'verify.version', message: `The installer finished, but the installed agent version is ${agent.version ?? 'missing'} instead of ${expected.version ?? 'a version'}.`, hint: 'Read the vendor log for what went wrong, then run the install again.', machineState });
  }
  if (expected.registered && agent.registered !== true) {
    throw failed({ code: 'verify.notRegistered', message: `The configurator finished, but the agent's configuration status is ${agent.configurationStatus ?? 'unknown'}, not Succeeded.`, hint: 'Read the vendor log, then register again.', machineState });
  }
  return agent;
}

/** Finishes a job after an error thrown anywhere in a pipeline (a JobStop, a UserError or a bug). */
export function stopFor(err: unknown, step: StepId, machineState: string): JobStop {
  if (err instanceof JobStop) return err;
  if (err instanceof UserError) return failedFromUserError(err, machineState);
  return failed({ code: 'internal', message: `Mobility Setup hit an unexpected error during the ${step} step.`, hint: 'Read the job log, and send it to support if it happens again.', machineState });
}

/** The installer's own path (a link the finder accepted inside the folder resolved), which the privileged side opens without following links. */
async function installerRealPath(file: string, fileName: string): Promise<string> {
  try {
    return await realpath(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'ERROR';
    throw failed({ code: 'installer.unreadable', message: `The installer ${fileName} could not be read (${code}).`, hint: 'Check the installer folder, search it again and retry.', machineState: 'Nothing was installed.' });
  }
}

/** Starts an install job and returns its id at once; the job runs on and reports through events. */
export function startInstallJob(env: PipelineEnv, request: InstallRequest): { jobId: string; done: Promise<void> } {
  const job = env.jobs.create('install', INSTALL_STEPS, secretsOf(request.registration));
  job.addLogFiles(vendorLogFiles(env));
  return { jobId: job.id, done: runInstall(env, job, request) };
}

async function runInstall(env: PipelineEnv, job: JobHandle, request: InstallRequest): Promise<void> {
  let step: StepId = 'check';
  let plan: InstallPlan | null = null;
  const state = () =>
    machineStateAfter(step, { installDir: plan?.installDir ?? env.commands.defaultInstallDir, upgrade: plan?.upgrade ?? false, uninstallHint: UNINSTALL_HINT[env.commands.platform](plan?.installDir ?? env.commands.defaultInstallDir) });
  const enter = (next: StepId) => {
    if (job.cancelRequested) throw new JobStop('cancelled', outcome('warning', { code: 'job.cancelled', message: 'The job was cancelled.', machineState: state() }));
    step = next;
    job.step(next, 'running');
  };
  let final: { state: 'succeeded' | 'failed' | 'cancelled'; outcome: JobOutcome; nothingToDo?: boolean; agent?: AgentFacts };
  try {
    enter('check');
    plan = await checkInstall(env, job, request);
    job.step('check', 'done');
    const notices: ExitCodeInfo[] = [];
    if (plan.nothingToDo) {
      for (const s of ['extract', 'install', 'register'] as const) job.step(s, 'skipped');
      enter('verify');
      const agent = await env.detection.readAgent();
      job.step('verify', 'done');
      const what = request.registration.mode === 'none' ? '' : ` and registered with ${agent.csAddress ?? 'this server'}`;
      final = { state: 'succeeded', nothingToDo: true, agent, outcome: outcome('success', { code: 'install.nothingToDo', message: `The Mobility service ${plan.choice.chosen.version} is already installed${what}: nothing was changed.`, exitCode: 0 }) };
    } else {
      const elevator = plan.elevator;
      if (!elevator) throw failed({ code: 'internal', message: 'No way to run the privileged steps was chosen.' });
      if (plan.installNeeded) {
        enter('extract');
        const installer = { file: await installerRealPath(plan.choice.chosen.path, plan.choice.chosen.fileName), sha256: plan.choice.sha256 };
        // The privileged side (this root process, or the elevated helper) copies, hashes and extracts the
        // installer itself, then runs it from its own copy: a folder the user can change is never run.
        const operation = { operation: 'install', installer, installDir: realPath(env.deps, plan.installDir), architecture: serverKindOf(request.registration), upgrade: plan.upgrade } as const;
        notices.push(
          await runVendorStep('install', operation, {
            job,
            elevator,
            platform: env.deps.platform,
            inactivityTimeoutMs: env.inactivityTimeoutMs,
            sandboxRoot: env.deps.paths.isSandbox ? env.deps.paths.root : null,
            vendorLog: vendorLogFiles(env)[0] ?? 'the vendor log',
            machineState: state,
            onInstallerStarting: () => {
              job.step('extract', 'done');
              step = 'install';
              job.step('install', 'running');
            },
          }),
        );
        job.step('extract', 'done');
        step = 'install';
        job.step('install', 'done');
      } else {
        job.step('extract', 'skipped');
        job.step('install', 'skipped');
      }
      if (plan.registerNeeded && request.registration.mode !== 'none') {
        enter('register');
        notices.push(await runRegisterStep(env, job, { registration: request.registration, endpoint: plan.endpoint, installDir: plan.installDir, elevator, machineState: state() }));
        job.step('register', 'done');
      } else job.step('register', 'skipped');
      enter('verify');
      const agent = await verifyAgent(env, { version: plan.choice.chosen.version, registered: request.registration.mode !== 'none' });
      job.step('verify', 'done');
      const version = agent.version ?? plan.choice.chosen.version;
      const server = request.registration.mode === 'none' ? ' (not registered)' : ` and registered with ${agent.csAddress ?? 'the server'}`;
      const what = plan.upgrade ? `The Mobility service was upgraded to ${version}` : `The Mobility service ${version} is installed`;
      final = { state: 'succeeded', agent, outcome: successOutcome('install.succeeded', `${what}${server}.`, notices) };
    }
  } catch (err) {
    const stop = stopFor(err, step, state());
    final = { state: stop.state, outcome: stop.outcome };
  }
  const snapshot = job.snapshot();
  const agent = final.agent ?? (final.state === 'succeeded' ? null : await env.detection.readAgent().catch(() => null));
  const summary = agent ? buildSummary(env, agent, snapshot.logFiles, request.antivirusChoice) : null;
  if (final.state !== 'succeeded') {
    const stop = { step, upgrade: plan?.upgrade ?? false, targetVersion: plan?.choice.chosen.version ?? null, uninstallHint: UNINSTALL_HINT[env.commands.platform] };
    final.outcome = { ...final.outcome, machineState: machineStateFromAgent(final.outcome.machineState, stop, agent) };
  }
  await job.finish(final.state, final.outcome, { summary, nothingToDo: final.nothingToDo ?? false });
}
