/**
 * The health report's lines from facts already gathered (detection, the agent's services, the anti-virus
 * check, the expected server, the vendor log): pure, so every colour and reason is tested without a machine.
 * Each line is green, amber, red or grey (not checked here) with one reason a person can act on.
 */
import type { AntivirusReport } from '../../../common/antivirus';
import { needsAttention } from '../../../common/antivirus';
import type { DetectionReport, PendingRestartFacts } from '../../../common/detection';
import { parseEndpoint } from '../../../common/endpoint';
import type { ErrorExplanation } from '../../../common/known-errors';
import { columnsOf, padColumns } from '../../../common/text-columns';
import type { AgentServiceState, HealthLevel, HealthLine, HealthReport } from '../../../common/troubleshoot';
import type { TextParams } from '../../../common/core-text/coded-text';
import { composeText } from '../../../common/core-text/coded-text';
import { healthTextsEn } from '../../../common/core-text/health-texts';
import type { HealthTextCode } from '../../../common/core-text/health-texts';

export interface HealthFacts {
  detection: DetectionReport;
  /** The server the person expects (`--cs-endpoint`, the wizard's field); null when not given. */
  expectedServer: string | null;
  services: AgentServiceState[] | null;
  antivirus: AntivirusReport | null;
  lastVendorError: HealthReport['lastVendorError'];
}

/** host[:port] in one spelling (lower-case host, 443 left out), so "CS.local:443" and "cs.local" compare equal. */
function sameServer(a: string, b: string): boolean {
  const norm = (text: string) => {
    const parsed = parseEndpoint(text);
    return parsed.ok ? `${parsed.endpoint.host.toLowerCase()}:${parsed.endpoint.port}` : text.toLowerCase();
  };
  return norm(a) === norm(b);
}

/** A line whose label and reason come from common/core-text/health-texts.ts (English here, the code for others). */
function line(id: HealthLine['id'], level: HealthLevel, code: HealthTextCode, params: TextParams = {}): HealthLine {
  const { message, ...text } = composeText(healthTextsEn, code, params);
  return { id, level, label: healthTextsEn[`health.label.${id}`], reason: message, text };
}

function systemLine(d: DetectionReport): HealthLine {
  const said = { system: [d.os.distribution ?? '?', d.os.version].filter(Boolean).join(' '), arch: d.os.arch };
  return d.token
    ? line('system', 'green', 'health.system.ok', { ...said, token: d.token })
    : line('system', 'red', 'health.system.noInstaller', said);
}

function agentLines(d: DetectionReport, expected: string | null): HealthLine[] {
  const agent = d.agent;
  if (!agent.installed) return [line('agent', 'amber', 'health.agent.missing')];
  const lines: HealthLine[] = [
    line('agent', 'green', 'health.agent.installed', {
      version: agent.version ?? '?',
      folder: agent.installDir ?? '?',
    }),
  ];
  lines.push(
    agent.registered === true
      ? line('registration', 'green', 'health.registration.ok', { status: agent.configurationStatus ?? 'Succeeded' })
      : line('registration', 'red', 'health.registration.missing', { status: agent.configurationStatus ?? '?' }),
  );
  const server = agent.csAddress;
  if (expected === null) {
    lines.push(
      server
        ? line('server', 'green', 'health.server.pointsTo', { server })
        : line('server', 'amber', 'health.server.none'),
    );
  } else if (server && !sameServer(server, expected)) {
    lines.push(line('server', 'red', 'health.server.other', { server, expected }));
  } else {
    lines.push(
      server
        ? line('server', 'green', 'health.server.asExpected', { server })
        : line('server', 'amber', 'health.server.noneYet', { expected }),
    );
  }
  return lines;
}

function servicesLine(d: DetectionReport, services: AgentServiceState[] | null): HealthLine {
  if (!d.agent.installed) return line('services', 'grey', 'health.services.noAgent');
  if (services === null) return line('services', 'grey', 'health.services.notChecked');
  const stopped = services.filter((s) => s.running === false).map((s) => s.name);
  // A state that could not be read (`sc query` access denied) is no answer, never "running".
  const unknown = services.filter((s) => s.running === null).map((s) => s.name);
  if (stopped.length === 0 && unknown.length > 0)
    return line('services', 'grey', 'health.services.unreadable', { names: unknown.join(', ') });
  return stopped.length === 0
    ? line('services', 'green', 'health.services.running', { names: services.map((s) => s.name).join(', ') })
    : line('services', 'red', 'health.services.stopped', { names: stopped.join(', ') });
}

function diskLine(d: DetectionReport): HealthLine {
  const disk = d.disk ?? [];
  const short = disk.filter((c) => c.ok === false);
  if (disk.length === 0) return line('disk', 'grey', 'health.disk.notChecked');
  if (short.length > 0) {
    // Numbers and units only between the template's words, so every language reads them the same way.
    const mb = (bytes: number) => Math.round(bytes / 1024 ** 2);
    const folders = short.map((c) => `${c.path} ${mb(c.freeBytes ?? 0)} MB / ${mb(c.requiredBytes)} MB`);
    return line('disk', 'red', 'health.disk.short', { folders: folders.join('; ') });
  }
  return line('disk', 'green', 'health.disk.ok', { folders: disk.map((c) => c.path).join(', ') });
}

/** From detection's pending-restart probe; grey when it could not answer (absent or null). */
function rebootLine(facts: PendingRestartFacts | null | undefined): HealthLine {
  if (facts == null) return line('reboot', 'grey', 'health.reboot.unknown');
  if (!facts.pending) return line('reboot', 'green', 'health.reboot.none');
  // Name what said so, so the person can check that marker rather than restart on faith.
  return line('reboot', 'red', 'health.reboot.pending', { markers: facts.markers.map((m) => m.detail).join('; ') });
}

function antivirusLine(report: AntivirusReport | null): HealthLine {
  if (report === null) return line('antivirus', 'grey', 'health.antivirus.notFinished');
  const notExcluded = report.scanners.filter((s) => s.status === 'notExcluded').map((s) => s.product);
  const unknown = report.scanners.filter((s) => s.status === 'cannotTell').map((s) => s.product);
  if (notExcluded.length > 0)
    return line('antivirus', 'red', 'health.antivirus.scanning', { products: notExcluded.join(', ') });
  if (report.scanners.some(needsAttention))
    return line('antivirus', 'amber', 'health.antivirus.cannotTell', { products: unknown.join(', ') });
  return report.scanners.length === 0
    ? line('antivirus', 'green', 'health.antivirus.noScanner')
    : line('antivirus', 'green', 'health.antivirus.allExcluded');
}

/** The Support line says the detection's own verdict, in its own code (common/core-text/support-texts.ts). */
function supportLine(d: DetectionReport): HealthLine {
  const level = d.supported ? 'green' : 'red';
  return {
    id: 'support',
    level,
    label: healthTextsEn['health.label.support'],
    reason: d.supportMessage,
    text: d.supportText,
  };
}

export function buildHealthReport(facts: HealthFacts): HealthReport {
  const d = facts.detection;
  const lines: HealthLine[] = [
    systemLine(d),
    supportLine(d),
    ...agentLines(d, facts.expectedServer),
    servicesLine(d, facts.services),
    diskLine(d),
    rebootLine(d.pendingRestart),
    antivirusLine(facts.antivirus),
  ];
  return { root: d.root, lines, lastVendorError: facts.lastVendorError };
}

const MARK = { green: 'OK  ', amber: 'WARN', red: 'FAIL', grey: '--  ' } as const;

/** The words around the report's data: the bundle's health.txt is English; the CLI passes its run's language. */
export interface HealthTextWords {
  label(line: HealthLine): string;
  reason(line: HealthLine): string;
  /** The heading of the last vendor error, and its explanation's two lines. */
  lastVendorError(file: string): string;
  explanation(explanation: ErrorExplanation): [meaning: string, action: string];
}

const ENGLISH_WORDS: HealthTextWords = {
  label: (line) => line.label,
  reason: (line) => line.reason,
  lastVendorError: (file) => `Last vendor error (${file}):`,
  explanation: (e) => [`Meaning: ${e.meaning}`, `What to do: ${e.action}`],
};

/** The report as text (the bundle's health.txt, and `diagnose` on the command line in its language). */
export function formatHealthText(report: HealthReport, words: HealthTextWords = ENGLISH_WORDS): string {
  const labels = report.lines.map((line) => words.label(line));
  const width = Math.max(...labels.map(columnsOf)) + 2;
  const out = report.lines.map((l, i) => `[${MARK[l.level]}] ${padColumns(`${labels[i]}:`, width)}${words.reason(l)}`);
  const e = report.lastVendorError;
  if (e) {
    out.push('', words.lastVendorError(e.file), `  ${e.line}`);
    if (e.explanation) out.push(...words.explanation(e.explanation).map((line) => `  ${line}`));
  }
  return `${out.join('\n')}\n`;
}
