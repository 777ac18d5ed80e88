import type { AntivirusFixReport, FixResult } from '../../../common/antivirus';
import type { JobDefinition } from '../jobs/job-engine';
import { cancelled, failed, machineState, outcome } from '../jobs/job-stop';
import type { AntivirusService, FixOptions, PlannedFix } from './antivirus-service';

interface FixState {
  request: FixOptions;
  planned: PlannedFix | null;
  results: FixResult[];
  report: AntivirusFixReport | null;
}

const NOTHING_CHANGED = machineState('stopped.antivirus.nothingChanged');

/**
 * The anti-virus fix as a job on the engine (check → fix → verify): one live log, Cancel between scanners, the
 * one-job-at-a-time rule (no fix while an install runs) and one way to end. `onReport` receives the check after
 * the fixes, which the wizard and `av-check --fix` show per scanner.
 */
export function antivirusFixJob(
  service: AntivirusService,
  onReport: (report: AntivirusFixReport) => void,
): JobDefinition<FixOptions, FixState> {
  return {
    kind: 'antivirusFix',
    // The request holds scanner ids and a folder, nothing secret.
    secrets: () => [],
    begin: (request) => ({ request, planned: null, results: [], report: null }),
    steps: [
      {
        id: 'check',
        run: async (s, ctx) => {
          s.planned = await service.planFix(s.request);
          for (const scanner of s.planned.report.scanners)
            ctx.log(`${scanner.product}: ${scanner.status}. ${scanner.reason}`);
          ctx.log(s.planned.wanted.length > 0 ? `To fix: ${s.planned.wanted.join(', ')}` : 'Nothing to fix.');
        },
      },
      {
        id: 'fix',
        settled: (s) => (s.planned?.wanted.length === 0 ? 'skipped' : null),
        run: async (s, ctx) => {
          const planned = s.planned!;
          for (const id of planned.wanted) {
            // A fix is short and changes one product: Cancel takes effect between scanners, never halfway.
            if (ctx.cancelRequested) throw cancelled();
            const result = await service.fixScanner(id, planned);
            s.results.push(result);
            ctx.log(`${id}: ${result.outcome}. ${result.message}`);
          }
        },
      },
      {
        id: 'verify',
        run: async (s, ctx) => {
          s.report = await service.readBack(s.results, s.request);
          for (const scanner of s.report.report.scanners)
            ctx.log(`After the fix: ${scanner.product}: ${scanner.status}.`);
          const notTaken = s.report.results.filter((r) => r.outcome === 'failed');
          if (notTaken.length > 0) {
            throw failed({
              code: 'antivirus.fixIncomplete',
              message: `Not every exclusion could be added: ${notTaken.map((r) => r.message).join(' ')}`,
              hint: "Follow that scanner's manual steps, or send the request to the security team.",
              machineState: machineState('stopped.antivirus.othersInPlace'),
            });
          }
        },
      },
    ],
    machineState: (step, s) =>
      step === 'check' || s.results.length === 0
        ? NOTHING_CHANGED
        : machineState('stopped.antivirus.fixedBefore', {
            fixed: s.results.map((r) => `${r.scannerId} (${r.outcome})`).join(', '),
          }),
    succeeded: () => ({
      outcome: outcome('success', {
        code: 'antivirus.fixDone',
        message: 'The exclusions were added (or were already there).',
      }),
    }),
    conclude: (s, ending) => {
      if (s.report) onReport(s.report);
      return Promise.resolve({ outcome: ending.outcome, summary: null });
    },
  };
}
