import { TROUBLESHOOT_METHODS } from './troubleshoot-methods';

/**
 * Channel names only (no validators), so the sandboxed preload bundle stays tiny.
 * A test checks these lists equal the keys of requestSchemas / EventTypes.
 */
export const METHODS = [
  'getSession',
  'detect',
  'findInstaller',
  'checkConnectivity',
  'startInstall',
  'startRegister',
  'startUninstall',
  'getJob',
  'getLatestJob',
  'readJobLog',
  'cancelJob',
  'readLogFile',
  'openLogFile',
  'checkAntivirus',
  'fixAntivirus',
  ...TROUBLESHOOT_METHODS,
] as const;

export const EVENTS = ['detection', 'job', 'jobLog', 'antivirus'] as const;

export const IPC_PREFIX = 'mobility:';
export const EVENT_CHANNEL = 'mobility:event';

export const ipcChannel = (method: string): string => `${IPC_PREFIX}${method}`;
