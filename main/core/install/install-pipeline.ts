import { realpath } from 'node:fs/promises';
import type { AgentFacts } from '../../../common/detection';
import type { InstallRequest, JobOutcome } from '../../../common/install';
import { serverKindOf } from '../../../common/install';
import type { JobDefinition } from '../jobs/job-engine';
import { failed, outcome } from '../jobs/job-stop';
import { checkInstall } from './check-step';
import type { InstallPlan } from './check-step';
import { concludeAgentJob } from './conclude-agent-job';
import type { ExitCodeInfo } from './exit-codes';
import { compareVersions } from '../installer/installer-finder';
import { NOTHING_INSTALLED, machineStateAfter } from './outcomes';
import type { PipelineEnv } from './pipeline-env';
import { realPath, vendorLogFiles } from './pipeline-env';
import { runRegisterStep, secretsOf } from './register-step';
import { runVendorStep, vendorRunFor } from './vendor-step';

/** The final outcome of a job that ran its commands: reboot notices and warnings from the vendor carry through. */
export function successOutcome(
  code: 'install.succeeded' | 'register.succeeded',
  message: string,
  notices: ExitCodeInfo[],
): JobOutcome {
  const reboot = notices.find((n) => n.exitCode === 1641) ?? notices.find((n) => n.rebootRequired);
  if (reboot)
    return outcome('success', {
      code: reboot.code,
      message: `${message} ${reboot.message}`,
      hint: reboot.hint,
      exitCode: reboot.exitCode,
      rebootRequired: true,
    });
  const warning = notices.find((n) => n.severity === 'warning');
  if (warning)
    return outcome('warning', {
      code: warning.code,
      message: `${message} ${warning.message}`,
      hint: warning.hint,
      exitCode: warning.exitCode,
    });
  return outcome('success', { code, message, exitCode: 0 });
}

/** Checks what the vendor tools did: the agent's own state must show the new version (and registration). */
export async function verifyAgent(
  env: PipelineEnv,
  expected: { version: string | null; registered: boolean },
): Promise<AgentFacts> {
  const agent = await env.detection.readAgent();
  if (
    !agent.installed ||
    (expected.version !== null && (agent.version === null || compareVersions(agent.version, expected.version) !== 0))
  ) {
    throw failed({
      code: 'verify.version',
      message: `The installer finished, but the installed agent version is ${agent.version ?? 'missing'} instead of ${expected.version ?? 'a version'}.`,
      hint: 'Read the vendor log for what went wrong, then run the install again.',
    });
  }
  if (expected.registered && agent.registered !== true) {
    throw failed({
      code: 'verify.notRegistered',
      message: `The configurator finished, but the agent's configuration status is ${agent.configurationStatus ?? 'unknown'}, not Succeeded.`,
      hint: 'Read the vendor log, then register again.',
    });
  }
  return agent;
}

/** The installer's own path (a link the finder accepted inside the folder resolved), which the privileged side opens without following links. */
async function installerRealPath(file: string, fileName: string): Promise<string> {
  try {
    return await realpath(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'ERROR';
    throw failed({
      code: 'installer.unreadable',
      message: `The installer ${fileName} could not be read (${code}).`,
      hint: 'Check the installer folder, search it again and retry.',
      machineState: NOTHING_INSTALLED,
    });
  }
}

/** What the install job's steps share: the check step's plan, the vendor's notices, the agent read back. */
interface InstallState {
  request: InstallRequest;
  plan: InstallPlan | null;
  notices: ExitCodeInfo[];
  agent: AgentFacts | null;
}

/** The plan of a step after check (the engine runs check first, and stops the job when it throws). */
function planOf(state: InstallState): InstallPlan {
  if (!state.plan) throw failed({ code: 'internal', message: 'The install plan is missing.' });
  return state.plan;
}

function elevatorOf(state: InstallState): NonNullable<InstallPlan['elevator']> {
  const elevator = planOf(state).elevator;
  if (!elevator) throw failed({ code: 'internal', message: 'No way to run the privileged steps was chosen.' });
  return elevator;
}

/** Install: check → extract (then the installer runs from the private copy) → register → verify. */
export function installJob(env: PipelineEnv): JobDefinition<InstallRequest, InstallState> {
  const installDirOf = (state: InstallState) => state.plan?.installDir ?? env.commands.defaultInstallDir;
  return {
    kind: 'install',
    secrets: (request) => secretsOf(request.registration),
    logFiles: vendorLogFiles(env),
    begin: (request) => ({ request, plan: null, notices: [], agent: null }),
    steps: [
      {
        id: 'check',
        run: async (state, ctx) => {
          state.plan = await checkInstall(env, ctx, state.request);
          if (!state.plan.nothingToDo) elevatorOf(state);
        },
      },
      {
        id: 'extract',
        continuesAs: 'install',
        settled: (state) => (planOf(state).nothingToDo || !planOf(state).installNeeded ? 'skipped' : null),
        run: async (state, ctx) => {
          const plan = planOf(state);
          const installer = {
            file: await installerRealPath(plan.choice.chosen.path, plan.choice.chosen.fileName),
            sha256: plan.choice.sha256,
          };
          // The privileged side (this root process, or the elevated helper) copies, hashes and extracts the
          // installer itself, then runs it from its own copy: a folder the user can change is never run.
          const architecture = serverKindOf(state.request.registration);
          const operation = {
            operation: 'install',
            installer,
            installDir: realPath(env.deps, plan.installDir),
            architecture,
            upgrade: plan.upgrade,
          } as const;
          const vendor = {
            ...vendorRunFor(env, elevatorOf(state)),
            onInstallerStarting: () => ctx.continue(),
            // What the install folder needs (the documented prerequisite), read only if the vendor's disk fills up.
            diskNeed: async () => {
              const disk = await env.detection.diskFor(plan.installDir);
              const neededBytes = disk.find((d) => d.path === plan.installDir)?.requiredBytes ?? null;
              return { installDir: plan.installDir, neededBytes };
            },
          };
          state.notices.push(await runVendorStep('install', operation, ctx, vendor));
        },
      },
      {
        id: 'register',
        settled: (state) => {
          const plan = planOf(state);
          return plan.nothingToDo || !plan.registerNeeded || state.request.registration.mode === 'none'
            ? 'skipped'
            : null;
        },
        run: async (state, ctx) => {
          const { registration } = state.request;
          if (registration.mode === 'none') return;
          const plan = planOf(state);
          const options = {
            registration,
            endpoint: plan.endpoint,
            installDir: plan.installDir,
            elevator: elevatorOf(state),
          };
          state.notices.push(await runRegisterStep(env, ctx, options));
        },
      },
      {
        id: 'verify',
        run: async (state) => {
          const plan = planOf(state);
          const registered = state.request.registration.mode !== 'none';
          state.agent = plan.nothingToDo
            ? await env.detection.readAgent()
            : await verifyAgent(env, { version: plan.choice.chosen.version, registered });
        },
      },
    ],
    machineState: (step, state) =>
      machineStateAfter(step, {
        installDir: installDirOf(state),
        upgrade: state.plan?.upgrade ?? false,
        uninstallHint: env.profile.uninstallHint(installDirOf(state)),
      }),
    succeeded: (state) => {
      const plan = planOf(state);
      const { agent } = state;
      const unregistered = state.request.registration.mode === 'none';
      if (plan.nothingToDo) {
        const what = unregistered ? '' : ` and registered with ${agent?.csAddress ?? 'this server'}`;
        const message = `The Mobility service ${plan.choice.chosen.version} is already installed${what}: nothing was changed.`;
        return {
          nothingToDo: true,
          outcome: outcome('success', { code: 'install.nothingToDo', message, exitCode: 0 }),
        };
      }
      const version = agent?.version ?? plan.choice.chosen.version;
      const server = unregistered ? ' (not registered)' : ` and registered with ${agent?.csAddress ?? 'the server'}`;
      // An upgrade keeps the registration; the vendor recommends a restart after it (shared/domain.md "Updates").
      const message = plan.upgrade
        ? `The Mobility service was upgraded to ${version}${server}. A restart of this server is recommended.`
        : `The Mobility service ${version} is installed${server}.`;
      return { outcome: successOutcome('install.succeeded', message, state.notices) };
    },
    conclude: (state, ending, logFiles) =>
      concludeAgentJob(env, ending, {
        agent: state.agent,
        logFiles,
        upgrade: state.plan?.upgrade ?? false,
        targetVersion: state.plan?.choice.chosen.version ?? null,
        ...(state.request.antivirusChoice ? { antivirusChoice: state.request.antivirusChoice } : {}),
      }),
  };
}
