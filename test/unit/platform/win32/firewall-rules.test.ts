/**
 * The firewall's push-install groups from `netsh advfirewall firewall show rule name=all`. The fixtures in
 * test/fixtures/win32/netsh-*.txt are written by hand in netsh's documented output format (CRLF, 38-column
 * labels), not captured on a Windows machine.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandRunner } from '../../../../main/ports/ports';
import { parseFirewallRules } from '../../../../main/platform/win32/firewall-rules';
import { FILE_AND_PRINTER_SHARING, WMI, firewallGroupItem } from '../../../../main/platform/win32/firewall-readiness';
import { createWin32TroubleshootProbes } from '../../../../main/platform/win32/troubleshoot-probes';
import { SystemPaths } from '../../../../main/platform/system-paths';

const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../../../fixtures/win32', name), 'utf8');
const rules = (name: string) => parseFirewallRules(fixture(name));

describe('netsh advfirewall firewall show rule name=all', () => {
  it('reads each rule: name, enabled, direction, profiles, group, action', () => {
    const all = rules('netsh-firewall-rules-domain-only.txt');
    expect(all).toHaveLength(3 + 15 + 7);
    expect(all[0]).toEqual({
      name: 'Remote Desktop - User Mode (TCP-In)',
      enabled: true,
      direction: 'In',
      profiles: ['Domain', 'Private', 'Public'],
      group: 'Remote Desktop',
      action: 'Allow',
    });
    // A name holding a colon, in no group; ICMP's Type/Code lines are not fields.
    expect(all[2]).toMatchObject({ name: 'Block legacy share: NB: name contains a colon', group: '', action: 'Block' });
    const smb = all.filter((r) => r.name === 'File and Printer Sharing (SMB-In)');
    expect(smb.map((r) => [r.enabled, r.profiles])).toEqual([
      [false, ['Private', 'Public']],
      [true, ['Domain']],
    ]);
  });

  it('both groups disabled (a default server): not ready, with the netsh fix and the error IDs each prevents', () => {
    const all = rules('netsh-firewall-rules-closed.txt');
    const sharing = firewallGroupItem(all, FILE_AND_PRINTER_SHARING);
    expect(sharing).toMatchObject({
      state: 'notReady',
      finding: 'All 7 inbound rules of the group are disabled.',
      preventsErrors: ['95105', '95106', '95117', '95523'],
      remedy: 'netsh advfirewall firewall set rule group="File and Printer Sharing" new enable=Yes',
    });
    expect(firewallGroupItem(all, WMI)).toMatchObject({
      state: 'notReady',
      finding: 'All 3 inbound rules of the group are disabled.',
      preventsErrors: ['95103'],
      remedy: 'netsh advfirewall firewall set rule group="Windows Management Instrumentation (WMI)" new enable=Yes',
    });
  });

  it('both groups enabled: ready for every profile, no fix to run', () => {
    const all = rules('netsh-firewall-rules-open.txt');
    for (const group of [FILE_AND_PRINTER_SHARING, WMI]) {
      const item = firewallGroupItem(all, group);
      expect(item).toMatchObject({ state: 'ok', remedy: null });
      expect(item.finding).toContain('enabled for every network profile');
    }
  });

  it('enabled for the Domain profile only: ready, and says so; one WMI rule disabled: not ready, named', () => {
    const all = rules('netsh-firewall-rules-domain-only.txt');
    expect(firewallGroupItem(all, FILE_AND_PRINTER_SHARING)).toMatchObject({
      state: 'ok',
      finding: expect.stringContaining('for the Domain profile only') as string,
    });
    expect(firewallGroupItem(all, WMI)).toMatchObject({
      state: 'notReady',
      finding: '1 of 3 inbound rules of the group are disabled: Windows Management Instrumentation (DCOM-In).',
    });
  });

  it('another display language or no list: cannot tell (never "blocked"), with the command to run', () => {
    const german = rules('netsh-firewall-rules-german.txt');
    expect(german).toEqual([]);
    for (const list of [german, null]) {
      const item = firewallGroupItem(list, FILE_AND_PRINTER_SHARING);
      expect(item.state).toBe('unknown');
      expect(item.remedy).toContain('netsh advfirewall firewall set rule group=');
    }
  });

  it('the probe runs netsh and reg with fixed argument arrays and gives the three Windows items', async () => {
    const calls: string[][] = [];
    const answers: Record<string, string> = {
      'netsh.exe': fixture('netsh-firewall-rules-domain-only.txt'),
      'reg.exe': fixture('reg-policies-system-token-filter.txt'),
    };
    const runner: CommandRunner = {
      run(file, args) {
        const name = path.win32.basename(file);
        calls.push([name, ...args]);
        return Promise.resolve({ code: 0, signal: null, stdout: answers[name] ?? '', stderr: '' });
      },
      spawn() {
        throw new Error('not used');
      },
    };
    const probes = createWin32TroubleshootProbes({ paths: new SystemPaths(os.tmpdir()), platform: 'win32', runner });
    const items = await probes.pushReadiness();
    expect(calls).toEqual(
      expect.arrayContaining([
        ['netsh.exe', 'advfirewall', 'firewall', 'show', 'rule', 'name=all'],
        ['reg.exe', 'query', 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System'],
      ]),
    );
    expect(items.map((i) => [i.id, i.state])).toEqual([
      ['fileAndPrinterSharing', 'ok'],
      ['wmi', 'notReady'],
      ['localAccountTokenFilterPolicy', 'ok'],
    ]);
  });
});
