import type { Handlers } from '../../api/dispatch';
import type { AntivirusService } from './antivirus-service';

export function createAntivirusHandlers(antivirus: AntivirusService): Pick<Handlers, 'checkAntivirus' | 'fixAntivirus'> {
  return {
    checkAntivirus: (input) => antivirus.check(input),
    fixAntivirus: (input) => antivirus.fix(input),
  };
}
