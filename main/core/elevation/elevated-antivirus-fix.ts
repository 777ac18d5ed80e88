import type { FixResult } from '../../../common/antivirus';
import type { ComposedText } from '../../../common/core-text/coded-text';
import type { PrivilegeFacts } from '../../../common/detection';
import type { ElevatedFix } from '../antivirus/antivirus-service';
import { fixMessage } from '../antivirus/apply-fix';
import { PRIVILEGED_FIX_EXIT } from '../antivirus/privileged-fix';
import { avText, exitPart } from '../../platform/antivirus-findings';
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
      const result = (outcome: FixResult['outcome'], said: ComposedText | string): FixResult => ({
        scannerId: request.scanner,
        outcome,
        ...(typeof said === 'string' ? { message: said } : fixMessage([said])),
        changedFiles: [],
        backups: [],
        commands: [],
      });
      const elevator = elevatorFor(privileges);
      if (!('run' in elevator)) return result('needsRoot', elevator.unavailable);
      if (!isFixScanner(request.scanner))
        return result('manual', avText('av.fix.elevation.cannotChange', { scanner: request.scanner }));
      const lines: string[] = [];
      const operation = {
        operation: 'antivirusFix' as const,
        scanner: request.scanner,
        installDir: request.installDir,
      };
      const ran = await elevator.run(operation, { ...options, onLine: (line) => lines.push(line) }).done;
      if (ran.kind === 'notGranted') return result('needsRoot', avText('av.fix.elevation.notGranted'));
      // No way to ask here (no polkit agent over SSH): as "no password given", nothing changed, root is the way.
      if (ran.kind === 'unavailable') return result('needsRoot', `${ran.message} ${ran.hint}`);
      if (ran.kind !== 'exited') return result('failed', `${ran.message} ${ran.hint}`);
      const outcome = ran.code === null ? 'failed' : (OUTCOME_BY_EXIT.get(ran.code) ?? 'failed');
      // The helper's own report, as the root app's fix returns it: what it did (coded), the files it changed, the
      // backups it kept, the commands it ran. The outcome is the one its exit code says.
      if (ran.fix) return { ...ran.fix, scannerId: request.scanner, outcome };
      // A helper that sent no report (it stopped early): its output lines, or how it ended.
      const said = lines.join(' ').slice(0, 2000);
      if (said) return result(outcome, said);
      const why = ran.timedOut
        ? avText('av.word.timedOut')
        : ran.cancelled
          ? avText('av.word.cancelled')
          : avText('av.word.exit', { exit: exitPart(ran.code) });
      return result(outcome, avText('av.fix.elevation.ended', { why }));
    },
  };
}
