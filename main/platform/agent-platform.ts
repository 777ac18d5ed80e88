import { linuxAgentCommands } from './linux/agent-commands';
import { win32AgentCommands } from './win32/agent-commands';
import type { AgentCommands, VendorCommand, VendorSpec } from './vendor-command';

/**
 * The vendor's own commands (extract, install, register, uninstall) as argument arrays. One interface,
 * one builder per OS; the elevated helper re-builds a command from its spec with these same builders and
 * refuses to run anything that is not byte-for-byte what they produce.
 */

/** The only platform switch for vendor commands. */
export function selectAgentPlatform(platform: NodeJS.Platform): AgentCommands | null {
  if (platform === 'linux') return linuxAgentCommands;
  if (platform === 'win32') return win32AgentCommands;
  return null;
}

/** Builds the vendor command a spec describes; null when the platform has none for it. */
export function buildVendorCommand(commands: AgentCommands, spec: VendorSpec): VendorCommand | null {
  switch (spec.operation) {
    case 'extract':
      return commands.extract(spec);
    case 'install':
      return commands.install(spec);
    case 'register':
      return commands.register(spec);
    case 'uninstall':
      return commands.uninstall(spec);
  }
}
