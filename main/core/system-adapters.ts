import type { CoreAdapters } from './app-core';
import { defaultHelperCommand, helperEntryExists } from './elevation/helper-command';
import { sudoPromptLauncher } from './elevation/sudo-prompt-launcher';

/**
 * The real adapters, for the front doors to pass to createCore: the password prompt (sudo-prompt: pkexec or
 * UAC) and the helper command of this build (next to the bundled CLI). Running from source (vitest) there is
 * no helper entry, so there is no helper; tests pass their own adapters instead.
 */
export function systemAdapters(): CoreAdapters {
  return { helper: helperEntryExists() ? { launcher: sudoPromptLauncher, command: defaultHelperCommand() } : null };
}
