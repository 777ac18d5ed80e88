import { describeExitCode } from '../core/install/exit-codes';
export const describe = describeExitCode;
