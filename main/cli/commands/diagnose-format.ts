import type { ConnectivityTest, Diagnosis, PushReadinessItem, SystemFacts } from '../../../common/troubleshoot';
import type { BundleEntry } from '../../../common/troubleshoot';
import { formatHealthText } from '../../core/troubleshoot/health-report';

const VERDICT = { ok: 'OK  ', warn: 'WARN', fail: 'FAIL', skipped: '--  ' } as const;
const STATE = { ok: 'OK  ', notReady: 'FIX ', unknown: '??  ' } as const;

function connectivityLines(test: ConnectivityTest): string[] {
  const lines = [
    `Connectivity to ${test.host} (${test.totalMs} ms):`,
    `  [${VERDICT[test.dns.verdict]}] DNS: ${test.dns.message}`,
  ];
  for (const port of test.ports) {
    lines.push(
      `  [${VERDICT[port.verdict]}] ${port.role === 'control' ? 'Control' : 'Data'} port ${port.port}: ${port.message}`,
    );
    const d = port.tls.details;
    if (d) {
      lines.push(`         certificate ${d.subject}, issued by ${d.issuer}, valid until ${d.validTo}`);
      lines.push(`         SHA-256 ${d.sha256Fingerprint}`);
    }
  }
  return lines;
}

function readinessLines(items: PushReadinessItem[]): string[] {
  if (items.length === 0) return [];
  const lines = ['Push-install readiness:'];
  for (const item of items) {
    lines.push(`  [${STATE[item.state]}] ${item.label}: ${item.finding} (prevents ${item.preventsErrors.join(', ')})`);
    if (item.remedy) lines.push(`         To fix: ${item.remedy}`);
  }
  return lines;
}

const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

function factLines(f: SystemFacts): string[] {
  const machine = f.virtualization.virtual
    ? `virtual machine${f.virtualization.host ? ` (${f.virtualization.host})` : ''}`
    : `${f.virtualization.manufacturer} ${f.virtualization.model}`.trim();
  const sync =
    f.timeSync.synchronized === null
      ? f.timeSync.source
      : f.timeSync.synchronized
        ? 'synchronized'
        : 'not synchronized';
  return [
    `System facts (${f.tookMs} ms):`,
    `  Machine: ${machine}; ${f.cpus.cores} CPUs (${f.cpus.model}); memory ${gb(f.memory.totalBytes)}, ${gb(f.memory.availableBytes)} available`,
    `  SELinux: ${f.selinux}; time sync: ${sync}`,
    `  Disks: ${
      f.blockDevices
        .filter((b) => b.type === 'disk')
        .map((b) => `${b.name} ${gb(b.sizeBytes)}`)
        .join(', ') || 'none listed'
    }`,
    `  Mounts: ${f.mounts.map((m) => `${m.mount} (${m.fsType}, ${gb(m.sizeBytes - m.usedBytes)} free)`).join(', ')}`,
    `  Network: ${f.networkInterfaces.map((n) => `${n.name} ${[n.ipv4, n.ipv6].filter(Boolean).join(' ')}`).join('; ')}`,
  ];
}

/** The text `mobility-setup diagnose` prints: health, connectivity, push readiness, then the bundle's listing. */
export function formatDiagnosis(d: Diagnosis, bundle: { file: string; entries: BundleEntry[] } | null): string {
  const parts = [formatHealthText(d.health).trimEnd()];
  if (d.connectivity) parts.push(connectivityLines(d.connectivity).join('\n'));
  else parts.push('Connectivity: not tested (no --cs-endpoint, and the agent points to no server).');
  const readiness = readinessLines(d.pushReadiness);
  if (readiness.length > 0) parts.push(readiness.join('\n'));
  if (d.systemFacts) parts.push(factLines(d.systemFacts).join('\n'));
  else parts.push('System facts: not gathered within the time limit.');
  if (bundle) {
    const listing = bundle.entries.map(
      (e) => `  ${e.name} (${e.sizeBytes} bytes${e.source ? `, from ${e.source}` : ''})`,
    );
    parts.push([`Diagnostics bundle ${bundle.file} (secrets redacted):`, ...listing].join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
