import type { ConnectivityTest, Diagnosis, PushReadinessItem, SystemFacts } from '../../../common/troubleshoot';
import type { BundleEntry } from '../../../common/troubleshoot';
import { cliText } from '../i18n/cli-text';
import { coreLine, knownErrorText } from '../i18n/code-text';
import { formatHealthText } from '../../core/troubleshoot/health-report';
import type { HealthTextWords } from '../../core/troubleshoot/health-report';

const VERDICT = { ok: 'OK  ', warn: 'WARN', fail: 'FAIL', skipped: '--  ' } as const;
const STATE = { ok: 'OK  ', notReady: 'FIX ', unknown: '??  ' } as const;
/** The health report in the bundle's health.txt layout, said in the run's language. */
const HEALTH_WORDS: HealthTextWords = {
  label: (line) => coreLine({ code: `health.label.${line.id}`, params: {} }, line.label),
  reason: (line) => coreLine(line.text, line.reason),
  lastVendorError: (file) => cliText('diag.lastVendorError', { file }),
  explanation: (explanation) => {
    const { meaning, action } = knownErrorText(explanation);
    return [cliText('diag.meaning', { meaning }), cliText('diag.action', { action })];
  },
};

function connectivityLines(test: ConnectivityTest): string[] {
  const lines = [
    cliText('diag.connectivity', { host: test.host, ms: test.totalMs }),
    `  [${VERDICT[test.dns.verdict]}] ${cliText('diag.dns')}: ${coreLine(test.dns.text, test.dns.message)}`,
  ];
  for (const port of test.ports) {
    const name = cliText(port.role === 'control' ? 'diag.controlPort' : 'diag.dataPort', { port: port.port });
    lines.push(`  [${VERDICT[port.verdict]}] ${name}: ${coreLine(port.text, port.message)}`);
    const d = port.tls.details;
    if (d) {
      lines.push(
        `         ${cliText('diag.certificate', { subject: d.subject, issuer: d.issuer, validTo: d.validTo })}`,
      );
      lines.push(`         SHA-256 ${d.sha256Fingerprint}`);
    }
  }
  return lines;
}

function readinessLines(items: PushReadinessItem[]): string[] {
  if (items.length === 0) return [];
  const lines = [cliText('diag.readiness')];
  for (const item of items) {
    const errors = item.preventsErrors.join(', ');
    lines.push(
      `  [${STATE[item.state]}] ${cliText('diag.prevents', {
        label: coreLine(item.labelText, item.label),
        finding: coreLine(item.findingText, item.finding),
        errors,
      })}`,
    );
    if (item.remedy)
      lines.push(`         ${cliText('diag.toFix', { remedy: coreLine(item.remedyText, item.remedy) })}`);
  }
  return lines;
}

const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

function factLines(f: SystemFacts): string[] {
  const machine = f.virtualization.virtual
    ? `${cliText('diag.virtualMachine')}${f.virtualization.host ? ` (${f.virtualization.host})` : ''}`
    : `${f.virtualization.manufacturer} ${f.virtualization.model}`.trim();
  const sync =
    f.timeSync.synchronized === null
      ? f.timeSync.source
      : cliText(f.timeSync.synchronized ? 'diag.synchronized' : 'diag.notSynchronized');
  const disks = f.blockDevices
    .filter((b) => b.type === 'disk')
    .map((b) => `${b.name} ${gb(b.sizeBytes)}`)
    .join(', ');
  const mounts = f.mounts
    .map((m) => cliText('diag.mount', { mount: m.mount, fsType: m.fsType, free: gb(m.sizeBytes - m.usedBytes) }))
    .join(', ');
  const interfaces = f.networkInterfaces
    .map((n) => `${n.name} ${[n.ipv4, n.ipv6].filter(Boolean).join(' ')}`)
    .join('; ');
  const memory = { total: gb(f.memory.totalBytes), available: gb(f.memory.availableBytes) };
  return [
    cliText('diag.facts', { ms: f.tookMs }),
    `  ${cliText('diag.machine', { machine, cores: f.cpus.cores, model: f.cpus.model, ...memory })}`,
    `  ${cliText('diag.selinux', { selinux: f.selinux, sync })}`,
    `  ${cliText('diag.disks', { disks: disks || cliText('diag.noneListed') })}`,
    `  ${cliText('diag.mounts', { mounts })}`,
    `  ${cliText('diag.network', { interfaces })}`,
  ];
}

/** The text `mobility-setup diagnose` prints: health, connectivity, push readiness, then the bundle's listing. */
export function formatDiagnosis(d: Diagnosis, bundle: { file: string; entries: BundleEntry[] } | null): string {
  const parts = [formatHealthText(d.health, HEALTH_WORDS).replace(/\n$/, '')];
  if (d.connectivity) parts.push(connectivityLines(d.connectivity).join('\n'));
  else parts.push(cliText('diag.notTested'));
  const readiness = readinessLines(d.pushReadiness);
  if (readiness.length > 0) parts.push(readiness.join('\n'));
  if (d.systemFacts) parts.push(factLines(d.systemFacts).join('\n'));
  else parts.push(cliText('diag.noFacts'));
  if (bundle) {
    const listing = bundle.entries.map((e) => {
      const source = e.source ? cliText('diag.entrySource', { source: e.source }) : '';
      return `  ${cliText('diag.entry', { name: e.name, size: e.sizeBytes, source })}`;
    });
    parts.push([cliText('diag.bundle', { file: bundle.file }), ...listing].join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
