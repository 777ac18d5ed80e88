import { UserError } from '../../../common/result';
import type { Handlers } from '../../api/dispatch';
import type { CoreDeps } from '../core-deps';

type InstallMethods = 'findInstaller' | 'startInstall' | 'startRegister' | 'getJob' | 'readJobLog' | 'cancelJob' | 'readLogFile' | 'openLogFile';

/** Install/register/job handlers. (Stub: replaced by the install service.) */
export function createInstallHandlers(_deps: CoreDeps): Pick<Handlers, InstallMethods> & { dispose: () => Promise<void> } {
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
