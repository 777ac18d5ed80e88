import type { AgentFacts } from '../../../common/detection';
import type { Endpoint } from '../../../common/endpoint';
import type { RegisterRequest } from '../../../common/install';
import type { Elevator } from '../elevation/elevator';
import type { JobDefinition } from '../jobs/job-engine';
import { failed } from '../jobs/job-stop';
import { requireElevator, requireServerReachable, validateRegistration } from './check-step';
import { concludeAgentJob } from './conclude-agent-job';
import type { ExitCodeInfo } from './exit-codes';
import { successOutcome, verifyAgent } from './install-pipeline';
import { NOTHING_CHANGED, machineStateAfter } from './outcomes';
import type { PipelineEnv } from './pipeline-env';
import { vendorLogFiles } from './pipeline-env';
import { runRegisterStep, secretsOf } from './register-step';

/** What the register job's steps share. */
interface RegisterState {
  request: RegisterRequest;
  target: { endpoint: Endpoint | null; installDir: string; elevator: Elevator } | null;
  notice: ExitCodeInfo | null;
  agent: AgentFacts | null;
}

/**
 * Register only (the agent must be installed): check → register → verify. Register is an explicit request and
 * always runs the configurator, even for the server the agent already uses: a rotated passphrase or a rebuilt
 * server are the usual reasons to ask (only install is idempotent).
 */
export function registerJob(env: PipelineEnv): JobDefinition<RegisterRequest, RegisterState> {
  return {
    kind: 'register',
    secrets: (request) => secretsOf(request.registration),
    logFiles: vendorLogFiles(env),
    begin: (request) => ({ request, target: null, notice: null, agent: null }),
    steps: [
      {
        id: 'check',
        run: async (state, ctx) => {
          const { registration } = state.request;
          const endpoint = validateRegistration(registration);
          const report = await env.detection.detect({ refresh: true });
          const before = await env.detection.readAgent();
          if (!before.installed || !before.installDir) {
            throw failed({
              code: 'register.notInstalled',
              message: 'The Mobility service is not installed on this machine, so it cannot be registered.',
              hint: 'Install the agent first (mobility-setup install …, or Install in the wizard).',
            });
          }
          ctx.log(
            `Installed agent: ${before.version ?? 'unknown version'} in ${before.installDir}, registered: ${String(before.registered)}.`,
          );
          const elevator = requireElevator(env, report.privileges, 'register');
          if (endpoint) await requireServerReachable(env, ctx, endpoint, undefined);
          state.target = { endpoint, installDir: before.installDir, elevator };
        },
      },
      {
        id: 'register',
        run: async (state, ctx) => {
          if (!state.target) throw failed({ code: 'internal', message: 'The registration target is missing.' });
          state.notice = await runRegisterStep(env, ctx, { registration: state.request.registration, ...state.target });
        },
      },
      {
        id: 'verify',
        run: async (state) => {
          state.agent = await verifyAgent(env, { version: null, registered: true });
        },
      },
    ],
    machineState: (step) =>
      step === 'check'
        ? NOTHING_CHANGED
        : machineStateAfter(step, { installDir: '', upgrade: false, uninstallHint: '' }),
    succeeded: (state) => {
      const server = state.agent?.csAddress;
      return {
        outcome: successOutcome(
          'register.succeeded',
          `The agent is registered with ${server ?? 'the server'}.`,
          state.notice ? [state.notice] : [],
        ),
      };
    },
    conclude: (state, ending, logFiles) =>
      concludeAgentJob(env, ending, { agent: state.agent, logFiles, upgrade: false, targetVersion: null }),
  };
}
