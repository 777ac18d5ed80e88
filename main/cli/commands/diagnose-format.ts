import type { ConnectivityTest, Diagnosis, PushReadinessItem, SystemFacts } from '../../../common/troubleshoot';
import type { BundleEntry, HealthReport } from '../../../common/troubleshoot';
import { cliText, columnsOf, coreLine, padColumns } from '../i18n/cli-text';
import { knownErrorText } from '../i18n/code-text';

const VERDICT = { ok: 'OK  ', warn: 'WARN', fail: 'FAIL', skipped: '--  ' } as const;
const STATE = { ok: 'OK  ', notReady: 'FIX ', unknown: '??  ' } as const;
const MARK = { green: 'OK  ', amber: 'WARN', red: 'FAIL', grey: '--  ' } as const;

/**
 * The health report as the CLI prints it: the same layout as the bundle's health.txt (formatHealthText), with the
 * CLI's headings in the run's language; the lines' labels and reasons are the core's own words.
 */
function healthLines(report: HealthReport): string[] {
  const labels = report.lines.map((l) => coreLine({ code: `health.label.${l.id}`, params: {} }, l.label));
  const width = Math.max(...labels.map(columnsOf)) + 2;
  const out = report.lines.map(
    (l, i) => `[${MARK[l.level]}] ${padColumns(`${labels[i]}:`, width)}${coreLine(l.text, l.reason)}`,
  );
  const e = report.lastVendorError;
  if (e) {
    out.push('', cliText('diag.lastVendorError', { file: e.file }), `  ${e.line}`);
    if (e.explanation) {
      const { meaning, action } = knownErrorText(e.explanation);
      out.push(`  ${cliText('diag.meaning', { meaning })}`, `  ${cliText('diag.action', { action })}`);
    }
  }
  return out;
}

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
  const parts = [healthLines(d.health).join('\n')];
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
