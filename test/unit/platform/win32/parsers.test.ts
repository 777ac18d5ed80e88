import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENT_PRODUCT_KEY, windowsAgentFacts } from '../../../../main/platform/win32/agent-registry';
import { win32AgentCommands } from '../../../../main/platform/win32/agent-commands';
import { isElevatedToken, windowsPrivileges } from '../../../../main/platform/win32/privileges';
import { parseRegQuery, regNumber, regQueryArgs, regString } from '../../../../main/platform/win32/reg-query';
import { parseHotFixIds } from '../../../../main/platform/win32/hotfixes';
import { windowsOsVerdict, windowsVersionFacts } from '../../../../main/platform/win32/windows-os';
import { SUPPORT_MATRIX } from '../../../../main/platform/support-matrix';

const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../../../fixtures/win32', name), 'utf8');
const reg = (name: string) => parseRegQuery(fixture(name));
const osFrom = (name: string, arch = 'x86_64') => windowsOsVerdict(windowsVersionFacts(reg(name)), arch, '10.0.1');

describe('reg query parser (captured output)', () => {
  it('reads the queried key, typed values, empty values and subkeys', () => {
    const keys = reg('reg-currentversion-server-2022.txt');
    expect(keys[0]?.path).toBe('HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion');
    expect(keys.slice(1).every((key) => key.values.size === 0)).toBe(true);
    expect(regString(keys, 'ProductName')).toBe('Windows Server 2022 Datacenter');
    expect(regString(keys, 'productname')).toBe('Windows Server 2022 Datacenter');
    expect(regString(keys, 'RegisteredOrganization')).toBeNull();
    expect(regString(keys, 'RegisteredOwner')).toBe('Windows User');
    expect(regNumber(keys, 'UBR')).toBe(2402);
    expect(keys[0]?.values.get('currentmajorversionnumber')).toEqual({ type: 'REG_DWORD', data: '0xa' });
  });

  it('finds nothing in the "unable to find" error text', () => {
    expect(parseRegQuery(fixture('reg-not-found.txt'))).toEqual([]);
  });

  it('passes the key as one argument (no shell quoting)', () => {
    expect(regQueryArgs(AGENT_PRODUCT_KEY, 'AgentConfigurationStatus')).toEqual([
      'query',
      AGENT_PRODUCT_KEY,
      '/v',
      'AgentConfigurationStatus',
    ]);
  });
});

describe('Windows OS verdict', () => {
  it.each([
    ['reg-currentversion-server-2022.txt', 'Windows Server 2022 Datacenter', '20348.2402', true],
    ['reg-currentversion-server-2012r2.txt', 'Windows Server 2012 R2 Standard', '9600.21620', true],
    ['reg-currentversion-server-2016-core.txt', 'Windows Server 2016 Standard', '14393.6897', true],
    ['reg-currentversion-windows-10.txt', 'Windows 10 Enterprise', '19045.4529', true],
    ['reg-currentversion-windows-11.txt', 'Windows 11 Pro', '22631.3880', false],
    ['reg-currentversion-windows-7.txt', 'Windows 7 Professional', '7601', false],
  ])('%s', (name, distribution, version, supported) => {
    const result = osFrom(name);
    expect(result.os).toMatchObject({ family: 'win32', distribution, version });
    expect(result.supported).toBe(supported);
    expect(result.token).toBe(supported ? 'Windows' : null);
    expect(result.supportReason).toBe(supported ? 'support.ok' : 'support.version');
  });

  it('Windows Server 2008 R2 SP1 is supported with the SHA-2 (KB4474419) and servicing stack (KB4490628) updates', () => {
    const facts = windowsVersionFacts(reg('reg-currentversion-server-2008r2-sp1.txt'));
    const verdict = (qfe: string | null) =>
      windowsOsVerdict(facts, 'x86_64', '6.1.7601', SUPPORT_MATRIX, qfe === null ? null : parseHotFixIds(fixture(qfe)));
    expect(verdict('wmic-qfe-server-2008r2-updated.txt')).toMatchObject({
      supported: true,
      token: 'Windows',
      supportReason: 'support.ok',
      os: { distribution: 'Windows Server 2008 R2 Standard', version: '7601' },
    });
    const missing = verdict('wmic-qfe-server-2008r2-no-ssu.txt');
    expect(missing).toMatchObject({ supported: false, supportReason: 'support.updates' });
    expect(missing.supportMessage).toMatch(/KB4474419 .*KB4490628 .*9\.30 and later; missing: KB4490628\./);
    // The list could not be read: not refused, but told to check.
    expect(verdict(null)).toMatchObject({ supported: true });
    expect(verdict(null).supportMessage).toContain('could not be read');
    // Without SP1 (build 7600) it is not supported at all.
    expect(osFrom('reg-currentversion-server-2008r2-rtm.txt')).toMatchObject({
      supported: false,
      supportReason: 'support.version',
    });
  });

  it('reads KB numbers from wmic qfe output (CR CR LF line ends, padded columns)', () => {
    const ids = parseHotFixIds(fixture('wmic-qfe-server-2008r2-updated.txt'));
    expect(ids.has('KB4474419')).toBe(true);
    expect(ids.has('KB4490628')).toBe(true);
    expect(ids.has('HOTFIXID')).toBe(false);
    expect(parseHotFixIds('')).toEqual(new Set());
  });

  it('refuses 32-bit and ARM Windows', () => {
    expect(osFrom('reg-currentversion-server-2022.txt', 'aarch64')).toMatchObject({
      token: null,
      supportReason: 'support.arch',
    });
  });
});

describe('Windows agent facts', () => {
  const server = reg('reg-sv-systems.txt');
  const missing = reg('reg-not-found.txt');

  it('installed and registered', () => {
    expect(windowsAgentFacts(reg('reg-agent-registered.txt'), reg('reg-uninstall-installed.txt'), server)).toEqual({
      installed: true,
      version: '9.65.0.0',
      // The install location (/InstallLocation); the registry's InstallDirectory is its \\agent subfolder.
      installDir: 'C:\\Program Files (x86)\\Microsoft Azure Site Recovery',
      registered: true,
      configurationStatus: 'Succeeded',
      csAddress: '10.150.24.8',
      source: AGENT_PRODUCT_KEY,
    });
  });

  it('register and upgrade commands from captured reg query output: one \\agent, the install location for the installer', () => {
    const location = 'C:\\Program Files (x86)\\Microsoft Azure Site Recovery';
    for (const facts of [
      windowsAgentFacts(reg('reg-agent-registered.txt'), reg('reg-uninstall-installed.txt'), server),
      // The MSI entry alone: InstallLocation, with its trailing backslash.
      windowsAgentFacts(missing, reg('reg-uninstall-installed.txt'), missing),
    ]) {
      const installDir = facts.installDir ?? '';
      const register = win32AgentCommands.register({
        operation: 'register',
        installDir,
        architecture: 'classic',
        endpoint: 'cs:443',
        passphraseFile: 'C:\\p',
      });
      expect(register.file).toBe(`${location}\\agent\\UnifiedAgentConfigurator.exe`);
      const upgrade = win32AgentCommands.install({
        operation: 'install',
        extractedDir: 'C:\\x',
        installDir,
        architecture: 'classic',
        upgrade: true,
      });
      expect(upgrade.args[upgrade.args.indexOf('/InstallLocation') + 1]).toBe(location);
    }
  });

  it('installed, not registered', () => {
    expect(
      windowsAgentFacts(reg('reg-agent-not-registered.txt'), reg('reg-uninstall-installed.txt'), missing),
    ).toMatchObject({
      installed: true,
      version: '9.64.0.0',
      registered: false,
      configurationStatus: null,
      csAddress: null,
    });
  });

  it('installed per the MSI entry only: version from DisplayVersion, registration unknown', () => {
    expect(windowsAgentFacts(missing, reg('reg-uninstall-installed.txt'), missing)).toMatchObject({
      installed: true,
      version: '9.65.0.0',
      registered: null,
    });
  });

  it('not installed', () => {
    expect(windowsAgentFacts(missing, missing, missing)).toMatchObject({
      installed: false,
      version: null,
      registered: null,
    });
  });
});

describe('Windows privileges', () => {
  it('reads the integrity level from whoami /groups', () => {
    expect(isElevatedToken(fixture('whoami-groups-elevated.txt'))).toBe(true);
    expect(isElevatedToken(fixture('whoami-groups-filtered.txt'))).toBe(false);
  });

  it('elevated, UAC available, or neither', () => {
    const uacOn = regNumber(reg('reg-uac-enabled.txt'), 'EnableLUA');
    const uacOff = regNumber(reg('reg-uac-disabled.txt'), 'EnableLUA');
    expect(
      windowsPrivileges({ user: 'a', whoamiGroups: fixture('whoami-groups-elevated.txt'), enableLua: uacOn }),
    ).toMatchObject({ elevated: true, method: 'none-needed' });
    expect(
      windowsPrivileges({ user: 'a', whoamiGroups: fixture('whoami-groups-filtered.txt'), enableLua: uacOn }),
    ).toMatchObject({ elevated: false, canElevate: true, method: 'uac' });
    const off = windowsPrivileges({
      user: 'a',
      whoamiGroups: fixture('whoami-groups-filtered.txt'),
      enableLua: uacOff,
    });
    expect(off).toMatchObject({ canElevate: false, method: 'unavailable' });
    expect(off.hint).toContain('Run as administrator');
  });
});
