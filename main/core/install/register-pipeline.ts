import type { AgentFacts } from '../../../common/detection';
import type { JobOutcome, RegisterRequest, StepId } from '../../../common/install';
import { sameServer, validateRegistration } from './check-step';
import { stopFor, successOutcome, verifyAgent } from './install-pipeline';
import type { JobHandle } from '../jobs/job-manager';
import { JobStop, NOTHING_CHANGED, failed, machineStateAfter, machineStateFromAgent, outcome } from './outcomes';
import type { PipelineEnv } from './pipeline-env';
import { UNINSTALL_HINT, vendorLogFiles } from './pipeline-env';
import { runRegisterStep, secretsOf } from './register-step';
import { buildSummary } from './summary';

export const REGISTER_STEPS: StepId[] = ['check', 'register', 'verify'];

/** Starts a register-only job (the agent must be installed): check → register → verify. */
export function startRegisterJob(env: PipelineEnv, request: RegisterRequest): { jobId: string; done: Promise<void> } {
  const job = env.jobs.create('register', REGISTER_STEPS, secretsOf(request.registration));
  job.addLogFiles(vendorLogFiles(env));
  return { jobId: job.id, done: runRegister(env, job, request) };
}

async function runRegister(env: PipelineEnv, job: JobHandle, request: RegisterRequest): Promise<void> {
  let step: StepId = 'check';
  const stateOf = (s: StepId) => (s === 'check' ? NOTHING_CHANGED : machineStateAfter(s, { installDir: '', upgrade: false, uninstallHint: '' }));
  let final: { state: 'succeeded' | 'failed' | 'cancelled'; outcome: JobOutcome; nothingToDo?: boolean; agent?: AgentFacts };
  try {
    job.step('check', 'running');
    const endpoint = validateRegistration(request.registration);
    const report = await env.detection.detect({ refresh: true });
    const before = await env.detection.readAgent();
    if (!before.installed || !before.installDir) {
      throw failed({ code: 'register.notInstalled', message: 'The Mobility service is not installed on this machine, so it cannot be registered.', hint: 'Install the agent first (mobility-setup install …, or Install in the wizard).' });
    }
    job.log(`Installed agent: ${before.version ?? 'unknown version'} in ${before.installDir}, registered: ${String(before.registered)}.`);
    if (before.registered === true && request.registration.mode === 'classic' && sameServer(before.csAddress, endpoint)) {
      job.step('check', 'done');
      job.step('register', 'skipped');
      job.step('verify', 'done');
      final = { state: 'succeeded', nothingToDo: true, agent: before, outcome: outcome('success', { code: 'register.nothingToDo', message: `The agent is already registered with ${before.csAddress ?? 'this server'}: nothing was changed.`, exitCode: 0 }) };
    } else {
      const elevator = env.elevatorFor(report.privileges);
      if ('unavailable' in elevator) {
        throw failed({ code: 'install.notElevated', message: `Registering needs root (Administrator on Windows). ${elevator.unavailable}`, hint: 'Run as root: sudo mobility-setup register … (or start Mobility Setup as root).' });
      }
      if (endpoint && env.checkServer) {
        const conn = await env.checkServer(endpoint.display, undefined);
        for (const c of conn.checks) job.log(`Connectivity ${c.id}: ${c.state} (${c.message})`);
        if (!conn.canRegister) {
          const first = conn.checks.find((c) => c.state === 'fail');
          throw failed({ code: 'install.serverUnreachable', message: `The configuration server ${endpoint.display} cannot be reached: ${first?.message ?? 'the connectivity check failed'}.`, hint: 'Check the address, that port 443 is open to the server, and its certificate; then try again.' });
        }
      }
      job.step('check', 'done');
      if (job.cancelRequested) throw new JobStop('cancelled', outcome('warning', { code: 'job.cancelled', message: 'The job was cancelled.', machineState: NOTHING_CHANGED }));
      step = 'register';
      job.step('register', 'running');
      const notice = await runRegisterStep(env, job, { registration: request.registration, endpoint, installDir: before.installDir, elevator, machineState: stateOf('register') });
      job.step('register', 'done');
      step = 'verify';
      job.step('verify', 'running');
      const agent = await verifyAgent(env, { version: null, registered: true });
      job.step('verify', 'done');
      final = { state: 'succeeded', agent, outcome: successOutcome('register.succeeded', `The agent is registered with ${agent.csAddress ?? 'the server'}.`, [notice]) };
    }
  } catch (err) {
    const stop = stopFor(err, step, stateOf(step));
    final = { state: stop.state, outcome: stop.outcome };
  }
  const agent = final.agent ?? (await env.detection.readAgent().catch(() => null));
  if (final.state !== 'succeeded') {
    const stop = { step, upgrade: false, targetVersion: null, uninstallHint: UNINSTALL_HINT[env.commands.platform] };
    final.outcome = { ...final.outcome, machineState: machineStateFromAgent(final.outcome.machineState, stop, agent) };
  }
  await job.finish(final.state, final.outcome, { summary: agent ? buildSummary(env, agent, job.snapshot().logFiles) : null, nothingToDo: final.nothingToDo ?? false });
}
