import { UserError } from '../../../common/result';
import type { Handlers } from '../../api/dispatch';
import type { CoreDeps } from '../core-deps';

/** Detection handlers. (Stub: replaced by the detection service.) */
export function createDetectionHandlers(_deps: CoreDeps): Pick<Handlers, 'detect'> {
  return {
    detect: () => Promise.reject(new UserError('notImplemented', 'Detection is not implemented yet.')),
  };
}
