import path from 'node:path';
import type { AgentCommands, Architecture, VendorCommand } from '../vendor-command';

const csType = (architecture: Architecture): string => (architecture === 'classic' ? 'CSLegacy' : 'CSPrime');

/** The agent's MSI product code (its uninstall key). */
export const AGENT_PRODUCT_CODE = '{275197FC-14FD-4560-A5EB-38217F80CBD1}';
export const WIN32_LOG_DIR = 'C:\\ProgramData\\ASRSetupLogs';

/**
 * Windows vendor commands (../../../shared/domain.md "Commands"). Node quotes each array element for the
 * Windows command line itself; no element is ever joined into a string here.
 */
export const win32AgentCommands: AgentCommands = {
  platform: 'win32',
  defaultInstallDir: 'C:\\Program Files (x86)\\Microsoft Azure Site Recovery',
  vendorLogs: [
    path.win32.join(WIN32_LOG_DIR, 'ASRUnifiedAgentInstaller.log'),
    path.win32.join(WIN32_LOG_DIR, 'ASRUnifiedAgentConfigurator.log'),
  ],

  extract(spec): VendorCommand {
    // The self-extracting .exe takes the folder glued to /x: (one argument, as the vendor documents).
    return { operation: 'extract', file: spec.installerFile, args: ['/q', `/x:${spec.extractedDir}`], cwd: null };
  },

  install(spec): VendorCommand {
    const args = [
      '/Role',
      'MS',
      '/InstallLocation',
      spec.installDir,
      '/Platform',
      'VmWare',
      '/Silent',
      '/CSType',
      csType(spec.architecture),
    ];
    if (spec.upgrade) args.push('/InstallationType', 'Upgrade');
    return {
      operation: 'install',
      file: path.win32.join(spec.extractedDir, 'UnifiedAgent.exe'),
      args,
      cwd: spec.extractedDir,
    };
  },

  register(spec): VendorCommand {
    const file = path.win32.join(spec.installDir, 'agent', 'UnifiedAgentConfigurator.exe');
    const args =
      spec.architecture === 'classic'
        ? ['/CSEndPoint', spec.endpoint, '/PassphraseFilePath', spec.passphraseFile]
        : ['/SourceConfigFilePath', spec.configFile, '/CSType', 'CSPrime'];
    return { operation: 'register', file, args, cwd: null };
  },

  uninstall(): VendorCommand {
    const log = path.win32.join(WIN32_LOG_DIR, 'UnifiedAgentMSIUninstall.log');
    return {
      operation: 'uninstall',
      file: 'MsiExec.exe',
      args: ['/qn', '/x', AGENT_PRODUCT_CODE, '/L+*V', log],
      cwd: null,
    };
  },
};
