import { describe, expect, it } from 'vitest';
import { buildVendorCommand, selectAgentPlatform } from '../../../../main/platform/agent-platform';
import { sameCommand } from '../../../../main/platform/vendor-command';
import { linuxAgentCommands as linux } from '../../../../main/platform/linux/agent-commands';
import { AGENT_PRODUCT_CODE, win32AgentCommands as win } from '../../../../main/platform/win32/agent-commands';

const HOSTILE = ['/opt/my dir; rm -rf / #', '$(reboot)', '`id`', '"quoted" \'single\'', 'a\nb', '--evil -Y'];

describe('Linux vendor commands', () => {
  it('classic install, upgrade and modernized install', () => {
    const base = {
      operation: 'install',
      extractedDir: '/tmp/x',
      installDir: '/usr/local/ASR',
      architecture: 'classic',
      upgrade: false,
    } as const;
    expect(linux.install(base)).toEqual({
      operation: 'install',
      file: './install',
      args: ['-d', '/usr/local/ASR', '-r', 'MS', '-v', 'VmWare', '-q', '-c', 'CSLegacy'],
      cwd: '/tmp/x',
    });
    expect(linux.install({ ...base, upgrade: true }).args).toEqual([
      '-d',
      '/usr/local/ASR',
      '-r',
      'MS',
      '-v',
      'VmWare',
      '-q',
      '-c',
      'CSLegacy',
      '-a',
      'Upgrade',
    ]);
    expect(linux.install({ ...base, architecture: 'modernized' }).args).toEqual([
      '-d',
      '/usr/local/ASR',
      '-r',
      'MS',
      '-v',
      'VmWare',
      '-q',
      '-c',
      'CSPrime',
    ]);
  });

  it('register (classic and modernized), uninstall, no extract command', () => {
    expect(
      linux.register({
        operation: 'register',
        installDir: '/usr/local/ASR',
        architecture: 'classic',
        endpoint: '10.0.0.5',
        passphraseFile: '/tmp/p/MobSvc.passphrase',
      }),
    ).toEqual({
      operation: 'register',
      file: '/usr/local/ASR/Vx/bin/UnifiedAgentConfigurator.sh',
      args: ['-i', '10.0.0.5', '-P', '/tmp/p/MobSvc.passphrase', '-c', 'CSLegacy'],
      cwd: null,
    });
    expect(
      linux.register({
        operation: 'register',
        installDir: '/usr/local/ASR',
        architecture: 'modernized',
        configFile: '/tmp/c/config.json',
      }).args,
    ).toEqual(['-S', '/tmp/c/config.json', '-q', '-c', 'CSPrime']);
    expect(linux.uninstall({ operation: 'uninstall', installDir: '/usr/local/ASR' })).toEqual({
      operation: 'uninstall',
      file: './uninstall.sh',
      args: ['-Y'],
      cwd: '/usr/local/ASR',
    });
    expect(linux.extract({ operation: 'extract', installerFile: '/x.tar.gz', extractedDir: '/tmp/x' })).toBeNull();
    expect(linux.defaultInstallDir).toBe('/usr/local/ASR');
    expect(linux.vendorLogs).toEqual(['/var/log/ua_install.log']);
  });

  it('hostile values stay single array elements', () => {
    for (const value of HOSTILE) {
      const install = linux.install({
        operation: 'install',
        extractedDir: '/tmp/x',
        installDir: value,
        architecture: 'classic',
        upgrade: false,
      });
      expect(install.args).toHaveLength(9);
      expect(install.args[1]).toBe(value);
      const reg = linux.register({
        operation: 'register',
        installDir: '/usr/local/ASR',
        architecture: 'classic',
        endpoint: value,
        passphraseFile: value,
      });
      expect(reg.args).toEqual(['-i', value, '-P', value, '-c', 'CSLegacy']);
    }
  });
});

describe('Windows vendor commands', () => {
  it('extract, install, upgrade, register and uninstall', () => {
    expect(
      win.extract({
        operation: 'extract',
        installerFile: 'C:\\dl\\Microsoft-ASR_UA_9.65.0.0_Windows_GA_23Apr2025_release.exe',
        extractedDir: 'C:\\Temp\\x',
      }),
    ).toEqual({
      operation: 'extract',
      file: 'C:\\dl\\Microsoft-ASR_UA_9.65.0.0_Windows_GA_23Apr2025_release.exe',
      args: ['/q', '/x:C:\\Temp\\x'],
      cwd: null,
    });
    const install = win.install({
      operation: 'install',
      extractedDir: 'C:\\Temp\\x',
      installDir: win.defaultInstallDir,
      architecture: 'classic',
      upgrade: false,
    });
    expect(install).toEqual({
      operation: 'install',
      file: 'C:\\Temp\\x\\UnifiedAgent.exe',
      args: [
        '/Role',
        'MS',
        '/InstallLocation',
        'C:\\Program Files (x86)\\Microsoft Azure Site Recovery',
        '/Platform',
        'VmWare',
        '/Silent',
        '/CSType',
        'CSLegacy',
      ],
      cwd: 'C:\\Temp\\x',
    });
    expect(
      win.install({
        operation: 'install',
        extractedDir: 'C:\\x',
        installDir: 'D:\\ASR',
        architecture: 'modernized',
        upgrade: true,
      }).args,
    ).toEqual([
      '/Role',
      'MS',
      '/InstallLocation',
      'D:\\ASR',
      '/Platform',
      'VmWare',
      '/Silent',
      '/CSType',
      'CSPrime',
      '/InstallationType',
      'Upgrade',
    ]);
    expect(
      win.register({
        operation: 'register',
        installDir: 'D:\\ASR',
        architecture: 'classic',
        endpoint: 'cs01.contoso.com',
        passphraseFile: 'C:\\Temp\\p\\MobSvc.passphrase',
      }),
    ).toEqual({
      operation: 'register',
      file: 'D:\\ASR\\agent\\UnifiedAgentConfigurator.exe',
      args: ['/CSEndPoint', 'cs01.contoso.com', '/PassphraseFilePath', 'C:\\Temp\\p\\MobSvc.passphrase'],
      cwd: null,
    });
    expect(
      win.register({
        operation: 'register',
        installDir: 'D:\\ASR',
        architecture: 'modernized',
        configFile: 'C:\\t\\config.json',
      }).args,
    ).toEqual(['/SourceConfigFilePath', 'C:\\t\\config.json', '/CSType', 'CSPrime']);
    expect(win.uninstall({ operation: 'uninstall', installDir: 'D:\\ASR' })).toEqual({
      operation: 'uninstall',
      file: 'MsiExec.exe',
      args: ['/qn', '/x', AGENT_PRODUCT_CODE, '/L+*V', 'C:\\ProgramData\\ASRSetupLogs\\UnifiedAgentMSIUninstall.log'],
      cwd: null,
    });
  });

  it('hostile values stay single array elements', () => {
    for (const value of HOSTILE) {
      const reg = win.register({
        operation: 'register',
        installDir: 'D:\\ASR',
        architecture: 'classic',
        endpoint: value,
        passphraseFile: value,
      });
      expect(reg.args).toEqual(['/CSEndPoint', value, '/PassphraseFilePath', value]);
      expect(
        win.install({
          operation: 'install',
          extractedDir: 'C:\\x',
          installDir: value,
          architecture: 'classic',
          upgrade: false,
        }).args[3],
      ).toBe(value);
    }
  });
});

describe('platform selection', () => {
  it('chooses by platform; builds from a spec; compares commands exactly', () => {
    expect(selectAgentPlatform('linux')).toBe(linux);
    expect(selectAgentPlatform('win32')).toBe(win);
    expect(selectAgentPlatform('darwin')).toBeNull();
    const spec = { operation: 'uninstall', installDir: '/usr/local/ASR' } as const;
    const a = buildVendorCommand(linux, spec)!;
    expect(sameCommand(a, linux.uninstall(spec))).toBe(true);
    expect(sameCommand(a, { ...a, args: ['-Y', '-x'] })).toBe(false);
    expect(sameCommand(a, { ...a, cwd: '/' })).toBe(false);
  });
});
