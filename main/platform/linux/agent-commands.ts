import path from 'node:path';
import type { AgentCommands, Architecture, VendorCommand } from '../vendor-command';

/** `-c` value: the vendor's name for each registration architecture. */
const csType = (architecture: Architecture): string => (architecture === 'classic' ? 'CSLegacy' : 'CSPrime');

/**
 * Linux vendor commands (../../../shared/domain.md "Commands"). Every value is one array element, so a
 * folder or address with spaces, quotes or `;` stays one argument: there is no shell to split it.
 */
export const linuxAgentCommands: AgentCommands = {
  platform: 'linux',
  defaultInstallDir: '/usr/local/ASR',
  vendorLogs: ['/var/log/ua_install.log'],

  // The tar.gz is extracted in-process (safe-extract), not by a vendor program.
  extract: () => null,

  install(spec): VendorCommand {
    const args = ['-d', spec.installDir, '-r', 'MS', '-v', 'VmWare', '-q', '-c', csType(spec.architecture)];
    if (spec.upgrade) args.push('-a', 'Upgrade');
    // ./install is run from the extracted folder, as the vendor documents; it finds its payload next to it.
    return { operation: 'install', file: './install', args, cwd: spec.extractedDir };
  },

  register(spec): VendorCommand {
    const file = path.posix.join(spec.installDir, 'Vx', 'bin', 'UnifiedAgentConfigurator.sh');
    const args =
      spec.architecture === 'classic'
        ? ['-i', spec.endpoint, '-P', spec.passphraseFile, '-c', 'CSLegacy']
        : ['-S', spec.configFile, '-q', '-c', 'CSPrime'];
    return { operation: 'register', file, args, cwd: null };
  },

  uninstall(spec): VendorCommand {
    return { operation: 'uninstall', file: './uninstall.sh', args: ['-Y'], cwd: spec.installDir };
  },
};
