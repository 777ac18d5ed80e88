import { UserError } from '../../../common/result';
import type { Handlers } from '../../api/dispatch';
import type { CoreDeps } from '../core-deps';

/** Connectivity handlers. (Stub: replaced by the connectivity check.) */
export function createConnectivityHandlers(_deps: CoreDeps): Pick<Handlers, 'checkConnectivity'> {
  return {
    checkConnectivity: () => Promise.reject(new UserError('notImplemented', 'The connectivity check is not implemented yet.')),
  };
}
