import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DetectionService } from '../../../../main/core/detect/detection-service';
import { FIXTURE_ROOTS, fixtureRoot, testDeps } from './helpers';

/** Every fixture root and the verdict the vendor's rules give for it. */
const EXPECTED: Record<
  string,
  { token: string | null; supported: boolean; reason: string; distribution: string | null }
> = {
  'rhel-6': {
    token: 'RHEL6-64',
    supported: true,
    reason: 'support.ok',
    distribution: 'Red Hat Enterprise Linux Server',
  },
  'rhel-7': {
    token: 'RHEL7-64',
    supported: true,
    reason: 'support.ok',
    distribution: 'Red Hat Enterprise Linux Server',
  },
  'rhel-8': { token: 'RHEL8-64', supported: true, reason: 'support.ok', distribution: 'Red Hat Enterprise Linux' },
  'rhel-8-agent-unregistered': {
    token: 'RHEL8-64',
    supported: true,
    reason: 'support.ok',
    distribution: 'Red Hat Enterprise Linux',
  },
  'rhel-9': { token: 'RHEL9-64', supported: true, reason: 'support.ok', distribution: 'Red Hat Enterprise Linux' },
  'centos-7': { token: 'RHEL7-64', supported: true, reason: 'support.ok', distribution: 'CentOS Linux' },
  'rocky-9': { token: 'RHEL9-64', supported: true, reason: 'support.ok', distribution: 'Rocky Linux' },
  'alma-9': { token: 'RHEL9-64', supported: true, reason: 'support.ok', distribution: 'AlmaLinux' },
  'oracle-8': { token: 'OL8-64', supported: true, reason: 'support.ok', distribution: 'Oracle Linux Server' },
  'oracle-6.3': { token: null, supported: false, reason: 'support.version', distribution: 'Oracle Linux Server' },
  'sles-11-sp4': {
    token: 'SLES11-SP4-64',
    supported: true,
    reason: 'support.ok',
    distribution: 'SUSE Linux Enterprise Server',
  },
  'sles-12': {
    token: 'SLES12-64',
    supported: true,
    reason: 'support.ok',
    distribution: 'SUSE Linux Enterprise Server',
  },
  'sles-15': { token: 'SLES15-64', supported: true, reason: 'support.ok', distribution: 'SLES' },
  'ubuntu-16.04': { token: 'UBUNTU-16.04-64', supported: true, reason: 'support.ok', distribution: 'Ubuntu' },
  'ubuntu-18.04': { token: 'UBUNTU-18.04-64', supported: true, reason: 'support.ok', distribution: 'Ubuntu' },
  'ubuntu-20.04': { token: 'UBUNTU-20.04-64', supported: true, reason: 'support.ok', distribution: 'Ubuntu' },
  'ubuntu-22.04': { token: 'UBUNTU-22.04-64', supported: true, reason: 'support.ok', distribution: 'Ubuntu' },
  'ubuntu-22.04-agent-registered': {
    token: 'UBUNTU-22.04-64',
    supported: true,
    reason: 'support.ok',
    distribution: 'Ubuntu',
  },
  'ubuntu-24.04': { token: 'UBUNTU-24.04-64', supported: true, reason: 'support.ok', distribution: 'Ubuntu' },
  'ubuntu-23.10': { token: null, supported: false, reason: 'support.version', distribution: 'Ubuntu' },
  'ubuntu-22.04-aarch64': { token: null, supported: false, reason: 'support.arch', distribution: 'Ubuntu' },
  'debian-8': { token: 'DEBIAN8-64', supported: true, reason: 'support.ok', distribution: 'Debian GNU/Linux' },
  'debian-9': { token: 'DEBIAN9-64', supported: true, reason: 'support.ok', distribution: 'Debian GNU/Linux' },
  'debian-10': { token: 'DEBIAN10-64', supported: true, reason: 'support.ok', distribution: 'Debian GNU/Linux' },
  'debian-11': { token: 'DEBIAN11-64', supported: true, reason: 'support.ok', distribution: 'Debian GNU/Linux' },
  'debian-12': { token: 'DEBIAN12-64', supported: true, reason: 'support.ok', distribution: 'Debian GNU/Linux' },
  'debian-13': { token: null, supported: false, reason: 'support.version', distribution: 'Debian GNU/Linux' },
  'fedora-40': { token: null, supported: false, reason: 'support.distribution', distribution: 'Fedora' },
  'alpine-3.20': { token: null, supported: false, reason: 'support.distribution', distribution: 'Alpine Linux' },
  arch: { token: null, supported: false, reason: 'support.distribution', distribution: 'Arch Linux' },
};

describe('detection over every fixture root', () => {
  it('has an expectation for every fixture root (a new root must be added to the table)', () => {
    expect(readdirSync(FIXTURE_ROOTS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (name, expected) => {
    const report = await new DetectionService(testDeps(fixtureRoot(name))).detect();
    expect(report.token).toBe(expected.token);
    expect(report.supported).toBe(expected.supported);
    expect(report.supportReason).toBe(expected.reason);
    expect(report.os.distribution).toBe(expected.distribution);
    expect(report.os.family).toBe('linux');
    expect(report.supportMessage.length).toBeGreaterThan(10);
    expect(report.root).toBe(fixtureRoot(name));
  });

  it('takes arch and kernel from the fixture file in a sandbox root', async () => {
    const report = await new DetectionService(testDeps(fixtureRoot('ubuntu-22.04-aarch64'))).detect();
    expect(report.os).toMatchObject({
      arch: 'aarch64',
      kernel: '5.15.0-1051-aws',
      version: '22.04',
      source: '/etc/lsb-release',
    });
    expect(report.supportMessage).toContain('aarch64');
  });

  it('reads the registered agent and the CS it points to', async () => {
    const report = await new DetectionService(testDeps(fixtureRoot('ubuntu-22.04-agent-registered'))).detect();
    expect(report.agent).toEqual({
      installed: true,
      version: '9.65.0.0',
      installDir: '/usr/local/ASR',
      registered: true,
      configurationStatus: 'Succeeded',
      csAddress: '10.150.24.8',
      source: '/usr/local/.vx_version',
    });
  });

  it('reads an installed agent that is not registered', async () => {
    const agent = await new DetectionService(testDeps(fixtureRoot('rhel-8-agent-unregistered'))).readAgent();
    expect(agent).toMatchObject({
      installed: true,
      version: '9.64.0.0',
      registered: false,
      configurationStatus: 'Failed',
      csAddress: null,
    });
  });

  it('says no agent where none is installed', async () => {
    const agent = await new DetectionService(testDeps(fixtureRoot('debian-12'))).readAgent();
    expect(agent.installed).toBe(false);
    expect(agent.registered).toBeNull();
  });
});
