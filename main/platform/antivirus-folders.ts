import path from 'node:path';
import { linuxAgentCommands } from './linux/agent-commands';
import { win32AgentCommands } from './win32/agent-commands';

/** The vendor's folders (../shared/antivirus.md): what real-time scanning must leave alone. */
export const LINUX_AGENT_FOLDERS = [linuxAgentCommands.defaultInstallDir, '/usr/local/InMage'] as const;
export const WINDOWS_AGENT_FOLDERS = ['C:\\ProgramData\\ASR\\agent', win32AgentCommands.defaultInstallDir] as const;

/**
 * The folders to exclude on this OS, with a custom install folder in place of the default one.
 * Folders are written without a trailing separator; the matchers add it where a product needs it.
 */
export function agentFoldersToExclude(platform: NodeJS.Platform, installDir?: string | null): string[] {
  if (platform === 'win32') {
    const folders: string[] = [...WINDOWS_AGENT_FOLDERS];
    const custom = installDir ? path.win32.normalize(installDir).replace(/\\+$/, '') : null;
    if (custom && path.win32.isAbsolute(custom) && !folders.some((f) => f.toLowerCase() === custom.toLowerCase()))
      folders[1] = custom;
    return folders;
  }
  const custom = installDir ? path.posix.normalize(installDir).replace(/\/+$/, '') : null;
  const main = custom && path.posix.isAbsolute(custom) && custom !== '' ? custom : LINUX_AGENT_FOLDERS[0];
  return main === LINUX_AGENT_FOLDERS[1] ? [main] : [main, LINUX_AGENT_FOLDERS[1]];
}
