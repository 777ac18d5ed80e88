import type { AgentFacts } from '../../../common/detection';
import type { Endpoint } from '../../../common/endpoint';
import type { RegisterRequest } from '../../../common/install';
import type { Elevator } from '../elevation/elevator';
import type { JobDefinition } from '../jobs/job-engine';
import { failed, outcome } from '../jobs/job-stop';
import { requireElevator, requireServerReachable, sameServer, validateRegistration } from './check-step';
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
  /** Set by check: the agent is already registered with this server. */
  nothingToDo: boolean;
  target: { endpoint: Endpoint | null; installDir: string; elevator: Elevator } | null;
  notice: ExitCodeInfo | null;
  agent: AgentFacts | null;
}

/** Register only (the agent must be installed): check → register → verify. */
export function registerJob(env: PipelineEnv): JobDefinition<RegisterRequest, RegisterState> {
  return {
    kind: 'register',
    secrets: (request) => secretsOf(request.registration),
    logFiles: vendorLogFiles(env),
    begin: (request) => ({ request, nothingToDo: false, target: null, notice: null, agent: null }),
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
          if (before.registered === true && registration.mode === 'classic' && sameServer(before.csAddress, endpoint)) {
            state.nothingToDo = true;
            state.agent = before;
            return;
          }
          const elevator = requireElevator(env, report.privileges, 'register');
          if (endpoint) await requireServerReachable(env, ctx, endpoint, undefined);
          state.target = { endpoint, installDir: before.installDir, elevator };
        },
      },
      {
        id: 'register',
        settled: (state) => (state.nothingToDo ? 'skipped' : null),
        run: async (state, ctx) => {
          if (!state.target) throw failed({ code: 'internal', message: 'The registration target is missing.' });
          state.notice = await runRegisterStep(env, ctx, { registration: state.request.registration, ...state.target });
        },
      },
      {
        id: 'verify',
        // The check step read the agent already registered with this server.
        settled: (state) => (state.nothingToDo ? 'done' : null),
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
      if (state.nothingToDo) {
        const message = `The agent is already registered with ${server ?? 'this server'}: nothing was changed.`;
        return {
          nothingToDo: true,
          outcome: outcome('success', { code: 'register.nothingToDo', message, exitCode: 0 }),
        };
      }
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
