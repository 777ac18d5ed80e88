/**
 * Korean for the sentences the core composes on the later screens (health lines, connectivity details, the
 * anti-virus console steps and request, the machine's state after a job stopped): added to the `codes` namespace
 * with the later steps' strings, so the first screen's Korean chunk carries only detection's. English needs none:
 * the core's own English is shown.
 */
import { antivirusTextsKo } from '../../common/core-text/antivirus-texts-ko';
import { connectivityTextsKo } from '../../common/core-text/connectivity-texts-ko';
import { healthTextsKo } from '../../common/core-text/health-texts-ko';
import { jobTextsKo } from '../../common/core-text/job-texts-ko';
import { pushTextsKo } from '../../common/core-text/push-texts-ko';

export const koLaterCodes = {
  ...healthTextsKo,
  ...connectivityTextsKo,
  ...antivirusTextsKo,
  ...pushTextsKo,
  ...jobTextsKo,
};
