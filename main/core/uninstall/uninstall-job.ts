import { existsSync } from 'node:fs';
import type { AgentFacts } from '../../../common/detection';
import type { UninstallRequest } from '../../../common/install';
import type { Elevator } from '../elevation/elevator';
import { requireElevator } from '../install/check-step';
import { concludeAgentJob } from '../install/conclude-agent-job';
import { NOTHING_CHANGED, machineStateAfter } from '../install/outcomes';
import type { PipelineEnv } from '../install/pipeline-env';
import { realPath, vendorLogFiles } from '../install/pipeline-env';
import { runVendorStep, vendorRunFor } from '../install/vendor-step';
import type { JobDefinition } from '../jobs/job-engine';
import { failed, machineState, outcome } from '../jobs/job-stop';
import { agentLeftovers } from './leftovers';

/** What the uninstall job's steps share. */
interface UninstallState {
  /** The agent as the check step read it (null until then). */
  before: AgentFacts | null;
  /** Nothing is installed: nothing to remove. */
  nothingToDo: boolean;
  elevator: Elevator | null;
  /** Read back after the uninstaller ran. */
  after: AgentFacts | null;
}

const installDirOf = (state: UninstallState): string => state.before?.installDir ?? '';

/**
 * Uninstall: check → uninstall → verify. The vendor's own uninstaller runs in the installed agent's folder
 * (Linux `./uninstall.sh -Y` as root, Windows the MsiExec command of the product code); verify reads the
 * machine back and names whatever the uninstaller left, with how to remove it.
 */
export function uninstallJob(env: PipelineEnv): JobDefinition<UninstallRequest, UninstallState> {
  return {
    kind: 'uninstall',
    secrets: () => [],
    logFiles: vendorLogFiles(env),
    begin: () => ({ before: null, nothingToDo: false, elevator: null, after: null }),
    steps: [
      {
        id: 'check',
        run: async (state, ctx) => {
          const report = await env.detection.detect({ refresh: true });
          const before = await env.detection.readAgent();
          state.before = before;
          if (!before.installed) {
            ctx.log('No Mobility service is installed on this machine: nothing to uninstall.');
            state.nothingToDo = true;
            return;
          }
          ctx.log(
            `Installed agent: ${before.version ?? 'unknown version'} in ${before.installDir ?? 'unknown folder'}, ` +
              `registered: ${String(before.registered)}${before.csAddress ? ` with ${before.csAddress}` : ''}.`,
          );
          if (!before.installDir) {
            throw failed({
              code: 'uninstall.leftovers',
              message:
                'The agent is installed, but its install folder is not recorded, so its uninstaller cannot be found.',
              hint: env.profile.uninstallHint(env.commands.defaultInstallDir),
              machineState: NOTHING_CHANGED,
            });
          }
          state.elevator = requireElevator(env, report.privileges, 'uninstall');
        },
      },
      {
        id: 'uninstall',
        settled: (state) => (state.nothingToDo ? 'skipped' : null),
        run: async (state, ctx) => {
          if (!state.elevator) throw failed({ code: 'internal', message: 'No way to run the uninstaller was chosen.' });
          const operation = { operation: 'uninstall', installDir: realPath(env.deps, installDirOf(state)) } as const;
          await runVendorStep('uninstall', operation, ctx, vendorRunFor(env, state.elevator));
        },
      },
      {
        id: 'verify',
        settled: (state) => (state.nothingToDo ? 'done' : null),
        run: async (state, ctx) => {
          state.after = await env.detection.readAgent();
          const left = agentLeftovers(env, state.before, state.after, existsSync);
          if (left.length === 0) return;
          for (const item of left) ctx.log(`Left after uninstall: ${item}`);
          throw failed({
            code: 'uninstall.leftovers',
            message: `The uninstaller finished, but parts of the agent remain: ${left.join('; ')}.`,
            hint: 'Run the uninstall again; if they stay, remove them as root (Administrator) after checking nothing else uses them.',
            machineState: machineState('stopped.uninstall.partlyRemoved'),
          });
        },
      },
    ],
    machineState: (step, state) =>
      machineStateAfter(step, {
        installDir: installDirOf(state),
        upgrade: false,
        uninstallHint: env.profile.uninstallHint(installDirOf(state)),
      }),
    succeeded: (state) => {
      if (state.nothingToDo) {
        const message = 'No Mobility service is installed on this machine: nothing to uninstall.';
        return {
          nothingToDo: true,
          outcome: outcome('success', { code: 'uninstall.nothingToDo', message, exitCode: 0 }),
        };
      }
      const { before } = state;
      const was = `${before?.version ?? ''} in ${installDirOf(state)}`.trim();
      const message = `The Mobility service ${was} was uninstalled; replication of this server has stopped.`;
      return { outcome: outcome('success', { code: 'uninstall.succeeded', message, exitCode: 0 }) };
    },
    conclude: (state, ending, logFiles) =>
      concludeAgentJob(env, ending, { agent: state.after, logFiles, upgrade: false, targetVersion: null }),
  };
}
