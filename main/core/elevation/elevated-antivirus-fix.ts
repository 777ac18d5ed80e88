import type { FixResult } from '../../../common/antivirus';
import type { PrivilegeFacts } from '../../../common/detection';
import type { ElevatedFix } from '../antivirus/antivirus-service';
import { PRIVILEGED_FIX_EXIT } from '../antivirus/privileged-fix';
import type { Elevator } from './elevator';
import { ANTIVIRUS_FIX_SCANNERS } from './elevator';
import type { AntivirusFixScanner } from './elevator';

const OUTCOME_BY_EXIT = new Map<number, FixResult['outcome']>(
  Object.entries(PRIVILEGED_FIX_EXIT).map(([outcome, code]) => [code, outcome as FixResult['outcome']]),
);

const isFixScanner = (id: string): id is AntivirusFixScanner =>
  (ANTIVIRUS_FIX_SCANNERS as readonly string[]).includes(id);

/**
 * A person who is not root fixes a scanner through the elevated helper, as an install does: the system asks for
 * the administrator password (pkexec, UAC) and the helper applies the one fix the request names.
 */
export function createElevatedAntivirusFix(
  elevatorFor: (privileges: PrivilegeFacts) => Elevator | { unavailable: string },
  options: { inactivityTimeoutMs: number; sandboxRoot: string | null },
): ElevatedFix {
  return {
    available: (privileges) => !privileges.elevated && 'run' in elevatorFor(privileges),
    async fix(privileges, request) {
      const result = (outcome: FixResult['outcome'], message: string): FixResult => ({
        scannerId: request.scanner,
        outcome,
        message,
        changedFiles: [],
        backups: [],
        commands: [],
      });
      const elevator = elevatorFor(privileges);
      if (!('run' in elevator)) return result('needsRoot', elevator.unavailable);
      if (!isFixScanner(request.scanner))
        return result('manual', `Mobility Setup cannot change ${request.scanner} itself.`);
      const lines: string[] = [];
      const operation = {
        operation: 'antivirusFix' as const,
        scanner: request.scanner,
        installDir: request.installDir,
      };
      const ran = await elevator.run(operation, { ...options, onLine: (line) => lines.push(line) }).done;
      const said = lines.join(' ').slice(0, 2000);
      if (ran.kind === 'notGranted') {
        return result('needsRoot', 'The administrator password was not given; nothing was changed.');
      }
      // No way to ask here (no polkit agent over SSH): as "no password given", nothing changed, root is the way.
      if (ran.kind === 'unavailable') return result('needsRoot', `${ran.message} ${ran.hint}`);
      if (ran.kind !== 'exited') return result('failed', `${ran.message} ${ran.hint}`);
      const outcome = ran.code === null ? 'failed' : (OUTCOME_BY_EXIT.get(ran.code) ?? 'failed');
      const why = ran.timedOut ? 'it timed out' : ran.cancelled ? 'it was cancelled' : `exit ${ran.code ?? 'none'}`;
      return result(outcome, said || `The elevated helper ended (${why}).`);
    },
  };
}
