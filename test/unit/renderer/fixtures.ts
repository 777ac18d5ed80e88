/** Realistic contract values for the renderer tests (what the core would send for an Ubuntu 22.04 server). */
import type { SessionInfo } from '../../../common/api';
import type { ConnectivityReport } from '../../../common/connectivity';
import type { DetectionReport } from '../../../common/detection';
import type { InstallerChoice, JobSnapshot } from '../../../common/install';
import { FakeTransport } from './fake-transport';

export const session: SessionInfo = {
  shell: 'browser',
  root: '/tmp/sandbox-root',
  demo: false,
  defaults: { installerDir: '/srv/installers', csEndpoint: '10.0.0.5', dataPort: 9443 },
  appVersion: '0.1.0',
  platform: 'linux',
  folders: { installDir: '/usr/local/ASR', logDir: '/var/log/mobility-setup' },
};

export const report: DetectionReport = {
  root: '/tmp/sandbox-root',
  os: {
    family: 'linux',
    distribution: 'Ubuntu',
    version: '22.04',
    kernel: '5.15.0-91-generic',
    arch: 'x86_64',
    source: '/etc/lsb-release',
  },
  token: 'UBUNTU-22.04-64',
  supported: true,
  supportReason: 'support.ok',
  supportMessage: 'Ubuntu 22.04 on x86_64 is supported.',
  privileges: { elevated: true, user: 'root', canElevate: true, method: 'none-needed' },
  agent: {
    installed: false,
    version: null,
    installDir: null,
    registered: null,
    configurationStatus: null,
    csAddress: null,
    source: null,
  },
  disk: [
    { path: '/', requiredBytes: 2 * 1024 ** 3, freeBytes: 40 * 1024 ** 3, ok: true },
    { path: '/usr/local/ASR', requiredBytes: 250 * 1024 ** 2, freeBytes: 40 * 1024 ** 3, ok: true },
  ],
  durationMs: 120,
};

export const unsupportedReport: DetectionReport = {
  ...report,
  os: { ...report.os, arch: 'aarch64' },
  token: null,
  supported: false,
  supportReason: 'support.arch',
  supportMessage: 'The Mobility service runs only on 64-bit x86 (x86_64); this machine is aarch64.',
};

export const installedReport: DetectionReport = {
  ...report,
  agent: {
    installed: true,
    version: '9.60.0.0',
    installDir: '/usr/local/ASR',
    registered: false,
    configurationStatus: 'Failed',
    csAddress: null,
    source: '/usr/local/.vx_version',
  },
};

export const installerChoice: InstallerChoice = {
  chosen: {
    fileName: 'Microsoft-ASR_UA_9.65.0.0_UBUNTU-22.04-64_GA_23Apr2025_release.tar.gz',
    path: '/srv/installers/Microsoft-ASR_UA_9.65.0.0_UBUNTU-22.04-64_GA_23Apr2025_release.tar.gz',
    version: '9.65.0.0',
    token: 'UBUNTU-22.04-64',
    platform: 'linux',
    sizeBytes: 187_654_321,
  },
  sha256: 'a'.repeat(64),
  checksum: 'match',
  checksumFile: '/srv/installers/SHA256SUMS',
  seen: ['Microsoft-ASR_UA_9.65.0.0_UBUNTU-22.04-64_GA_23Apr2025_release.tar.gz'],
};

export const connectivityOk: ConnectivityReport = {
  host: '10.0.0.5',
  port: 443,
  dataPort: 9443,
  addresses: ['10.0.0.5'],
  checks: [
    { id: 'dns', state: 'ok', code: 'conn.dns.ok', message: 'Resolved.', durationMs: 1 },
    { id: 'control', state: 'ok', code: 'conn.control.ok', message: 'Port 443 answered.', durationMs: 3 },
    { id: 'tls', state: 'warn', code: 'conn.tls.untrusted', message: 'Certificate is not trusted.', durationMs: 5 },
    { id: 'data', state: 'warn', code: 'conn.data.refused', message: 'Port 9443 refused.', durationMs: 2 },
  ],
  certificate: {
    subject: 'CN=cs01',
    issuer: 'CN=cs01',
    validFrom: '2025-01-01T00:00:00Z',
    validTo: '2030-01-01T00:00:00Z',
    expired: false,
    trusted: false,
    sha256Fingerprint: 'AB:CD:EF',
  },
  canRegister: true,
};

export const connectivityRefused: ConnectivityReport = {
  ...connectivityOk,
  checks: [
    { id: 'dns', state: 'ok', code: 'conn.dns.ok', message: 'Resolved.', durationMs: 1 },
    {
      id: 'control',
      state: 'fail',
      code: 'conn.control.refused',
      message: 'Connection refused on port 443.',
      durationMs: 3,
    },
    { id: 'tls', state: 'skipped', code: 'conn.tls.skipped', message: 'Skipped.', durationMs: 0 },
    { id: 'data', state: 'skipped', code: 'conn.data.skipped', message: 'Skipped.', durationMs: 0 },
  ],
  certificate: null,
  canRegister: false,
};

export function jobSnapshot(overrides: Partial<JobSnapshot> = {}): JobSnapshot {
  return {
    id: 'job-1',
    kind: 'install',
    state: 'running',
    steps: [
      { id: 'check', state: 'done', startedAt: 1, finishedAt: 2 },
      { id: 'extract', state: 'running', startedAt: 2, finishedAt: null },
      { id: 'install', state: 'pending', startedAt: null, finishedAt: null },
      { id: 'register', state: 'pending', startedAt: null, finishedAt: null },
      { id: 'verify', state: 'pending', startedAt: null, finishedAt: null },
    ],
    startedAt: Date.now(),
    finishedAt: null,
    logLines: 0,
    logFiles: [],
    outcome: null,
    summary: null,
    nothingToDo: false,
    ...overrides,
  };
}

/** A fake core answering the calls from detection up to a started install (job-1 with an empty log) with the values above. */
export function toInstallFake(): FakeTransport {
  return (
    new FakeTransport()
      .on('getSession', session)
      .on('detect', report)
      .on('findInstaller', installerChoice)
      .on('checkConnectivity', connectivityOk)
      // As the core: the folders checked are the install folder asked for (else the default) and /usr/local/InMage.
      .on('checkAntivirus', (input) => ({
        ok: true,
        value: {
          platform: 'linux',
          folders: [input.installDir ?? '/usr/local/ASR', '/usr/local/InMage'],
          scanners: [],
          canFix: true,
          checkedAt: 0,
        },
      }))
      .on('startInstall', { jobId: 'job-1' })
      .on('readJobLog', (input) => ({ ok: true, value: { jobId: input.jobId, from: input.from, lines: [] } }))
  );
}
