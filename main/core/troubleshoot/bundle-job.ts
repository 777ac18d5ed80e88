import type { SystemFacts } from '../../../common/troubleshoot';
import type { JobDefinition } from '../jobs/job-engine';
import { cancelled, machineState, outcome } from '../jobs/job-stop';
import type { StagedBundle } from './bundle';
import { discardBundle, stageBundle } from './bundle';
import { bundleInputsFor, runDiagnosis } from './diagnosis';
import type { DiagnosisRun } from './diagnosis';
import type { TroubleshootService } from './troubleshoot-service';

export interface BundleRequest {
  expectedServer: string | null;
}

interface BundleState {
  request: BundleRequest;
  run: DiagnosisRun | null;
  staged: StagedBundle | null;
}

const NOTHING_WRITTEN = machineState('stopped.bundle.nothingWritten');

/**
 * The diagnostics bundle as a job on the engine (diagnose → collect): the live log names each part as it is
 * written, Cancel stops between parts and removes the private folder (no archive exists before the person saves),
 * and it keeps the one-job-at-a-time rule. `onPrepared` receives the staged, listed files; saving is separate.
 */
export function diagnosticsBundleJob(
  service: TroubleshootService,
  secrets: () => readonly string[],
  onPrepared: (staged: StagedBundle) => void,
  systemFacts?: () => Promise<SystemFacts | null>,
): JobDefinition<BundleRequest, BundleState> {
  return {
    kind: 'diagnosticsBundle',
    // The request names a server address at most; the secrets redacted from the files are the session's.
    secrets: () => [],
    begin: (request) => ({ request, run: null, staged: null }),
    steps: [
      {
        id: 'diagnose',
        run: async (s, ctx) => {
          ctx.log('Checking health, connectivity and push-install readiness…');
          s.run = await runDiagnosis(service, { expectedServer: s.request.expectedServer, systemFacts });
          const { health, connectivity } = s.run.diagnosis;
          for (const line of health.lines) ctx.log(`${line.label}: ${line.level}. ${line.reason}`);
          ctx.log(
            connectivity
              ? `Connectivity to ${connectivity.host}: ${connectivity.verdict}.`
              : 'Connectivity: no server named or configured.',
          );
        },
      },
      {
        id: 'collect',
        run: async (s, ctx) => {
          const inputs = bundleInputsFor(service, s.run!, secrets());
          // A Cancel between parts: stageBundle removes its private folder when the checkpoint throws.
          s.staged = await stageBundle(inputs, {
            checkpoint: () => {
              if (ctx.cancelRequested) throw cancelled(NOTHING_WRITTEN);
            },
            onEntry: (entry) =>
              ctx.log(
                `Added ${entry.name} (${entry.sizeBytes} bytes${entry.source ? `, from ${entry.source}` : ''}), redacted.`,
              ),
          });
          ctx.log(`${s.staged.entries.length} files ready to save.`);
        },
      },
    ],
    machineState: () => NOTHING_WRITTEN,
    succeeded: () => ({
      outcome: outcome('success', {
        code: 'bundle.prepared',
        message: 'The diagnostics bundle is prepared; nothing is saved yet.',
      }),
    }),
    conclude: async (s, ending) => {
      if (s.staged && ending.state === 'succeeded') onPrepared(s.staged);
      else if (s.staged) await discardBundle(s.staged);
      return { outcome: ending.outcome, summary: null };
    },
  };
}
