import type { Handlers } from '../../api/dispatch';
import type { CoreDeps } from '../core-deps';
import { checkConnectivity } from './check-connectivity';

export { checkConnectivity, certificateFacts } from './check-connectivity';

/** The connectivity check as an API method; the request's dataPort (9443 when absent) is probed too. */
export function createConnectivityHandlers(deps: CoreDeps): Pick<Handlers, 'checkConnectivity'> {
  return {
    checkConnectivity: async ({ endpoint, dataPort }) => {
      const report = await checkConnectivity({ endpoint, dataPort, now: () => deps.clock.now() });
      deps.logger.info('connectivity check', {
        host: report.host,
        port: report.port,
        dataPort: report.dataPort,
        canRegister: report.canRegister,
        checks: report.checks.map((c) => `${c.id}:${c.state}`).join(' '),
      });
      return report;
    },
  };
}
