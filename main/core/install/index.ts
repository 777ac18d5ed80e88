import { UserError } from '../../../common/result';
import type { Handlers } from '../../api/dispatch';
import type { CoreDeps } from '../core-deps';
import type { DetectionService } from '../detect/detection-service';

type InstallMethods = 'findInstaller' | 'startInstall' | 'startRegister' | 'getJob' | 'readJobLog' | 'cancelJob' | 'readLogFile' | 'openLogFile';

/** Install/register/job handlers. (Stub: replaced by the install service.) */
export function createInstallHandlers(_deps: CoreDeps, _detection: DetectionService): Pick<Handlers, InstallMethods> & { dispose: () => Promise<void> } {
  const notYet = () => Promise.reject(new UserError('notImplemented', 'Installing is not implemented yet.'));
  return {
    findInstaller: notYet,
    startInstall: notYet,
    startRegister: notYet,
    getJob: notYet,
    readJobLog: notYet,
    cancelJob: notYet,
    readLogFile: notYet,
    openLogFile: notYet,
    dispose: () => Promise.resolve(),
  };
}
