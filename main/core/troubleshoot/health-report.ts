/**
 * The health report's lines from facts already gathered (detection, the agent's services, the anti-virus
 * check, the expected server, the vendor log): pure, so every colour and reason is tested without a machine.
 * Each line is green, amber, red or grey (not checked here) with one reason a person can act on.
 */
import type { AntivirusReport } from '../../../common/antivirus';
import { needsAttention } from '../../../common/antivirus';
import type { DetectionReport, PendingRestartFacts } from '../../../common/detection';
import { parseEndpoint } from '../../../common/endpoint';
import type { AgentServiceState, HealthLine, HealthReport } from '../../../common/troubleshoot';

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

function systemLine(d: DetectionReport): HealthLine {
  const name = [d.os.distribution ?? 'unknown system', d.os.version].filter(Boolean).join(' ');
  return d.token
    ? { id: 'system', level: 'green', label: 'System', reason: `${name} (${d.os.arch}), installer token ${d.token}.` }
    : { id: 'system', level: 'red', label: 'System', reason: `${name} (${d.os.arch}): no installer is built for it.` };
}

function agentLines(d: DetectionReport, expected: string | null): HealthLine[] {
  const agent = d.agent;
  if (!agent.installed) {
    return [{ id: 'agent', level: 'amber', label: 'Agent', reason: 'The Mobility service is not installed.' }];
  }
  const lines: HealthLine[] = [
    {
      id: 'agent',
      level: 'green',
      label: 'Agent',
      reason: `Version ${agent.version ?? 'unknown'} in ${agent.installDir ?? 'an unknown folder'}.`,
    },
  ];
  if (agent.registered === true) {
    lines.push({
      id: 'registration',
      level: 'green',
      label: 'Registration',
      reason: `Registered (${agent.configurationStatus ?? 'Succeeded'}).`,
    });
  } else {
    const status = agent.configurationStatus ?? 'unknown';
    lines.push({
      id: 'registration',
      level: 'red',
      label: 'Registration',
      reason: `Not registered (status ${status}): register it with its server.`,
    });
  }
  const pointsTo = agent.csAddress;
  if (expected === null) {
    lines.push({
      id: 'server',
      level: pointsTo ? 'green' : 'amber',
      label: 'Configuration server',
      reason: pointsTo
        ? `The agent points to ${pointsTo}.`
        : 'The agent points to no configuration server (drscout.conf Hostname).',
    });
  } else if (pointsTo && !sameServer(pointsTo, expected)) {
    lines.push({
      id: 'server',
      level: 'red',
      label: 'Configuration server',
      reason: `The agent points to ${pointsTo}, not ${expected}: registering with ${expected} fails with exit 13 until it is unregistered.`,
    });
  } else {
    lines.push({
      id: 'server',
      level: pointsTo ? 'green' : 'amber',
      label: 'Configuration server',
      reason: pointsTo
        ? `The agent points to ${pointsTo}, as expected.`
        : `The agent points to no server yet; expected ${expected}.`,
    });
  }
  return lines;
}

function servicesLine(d: DetectionReport, services: AgentServiceState[] | null): HealthLine {
  if (!d.agent.installed)
    return { id: 'services', level: 'grey', label: 'Agent services', reason: 'No agent installed.' };
  if (services === null)
    return { id: 'services', level: 'grey', label: 'Agent services', reason: 'Not checked on this system.' };
  const stopped = services.filter((s) => s.running === false).map((s) => s.name);
  // A state that could not be read (`sc query` access denied) is no answer, never "running".
  const unknown = services.filter((s) => s.running === null).map((s) => s.name);
  if (stopped.length === 0 && unknown.length > 0)
    return {
      id: 'services',
      level: 'grey',
      label: 'Agent services',
      reason: `Could not read the state of: ${unknown.join(', ')}.`,
    };
  return stopped.length === 0
    ? {
        id: 'services',
        level: 'green',
        label: 'Agent services',
        reason: `Running: ${services.map((s) => s.name).join(', ')}.`,
      }
    : {
        id: 'services',
        level: 'red',
        label: 'Agent services',
        reason: `Not running: ${stopped.join(', ')}. Start them or restart the machine.`,
      };
}

function diskLine(d: DetectionReport): HealthLine {
  const disk = d.disk ?? [];
  const short = disk.filter((c) => c.ok === false);
  if (disk.length === 0) return { id: 'disk', level: 'grey', label: 'Free disk', reason: 'Not checked.' };
  if (short.length > 0) {
    const what = short.map(
      (c) =>
        `${c.path} has ${Math.round((c.freeBytes ?? 0) / 1024 ** 2)} MB, needs ${Math.round(c.requiredBytes / 1024 ** 2)} MB`,
    );
    return { id: 'disk', level: 'red', label: 'Free disk', reason: `${what.join('; ')}.` };
  }
  return {
    id: 'disk',
    level: 'green',
    label: 'Free disk',
    reason: `Enough free space (${disk.map((c) => c.path).join(', ')}).`,
  };
}

/** From detection's pending-restart probe; grey when it could not answer (absent or null). */
function rebootLine(facts: PendingRestartFacts | null | undefined): HealthLine {
  const label = 'Pending restart';
  if (facts == null)
    return { id: 'reboot', level: 'grey', label, reason: 'Could not tell whether a restart is pending.' };
  if (!facts.pending) return { id: 'reboot', level: 'green', label, reason: 'No restart pending.' };
  // Name what said so, so the person can check that marker rather than restart on faith.
  const seen = facts.markers.map((m) => m.detail).join('; ');
  return {
    id: 'reboot',
    level: 'red',
    label,
    reason: `A restart is pending (${seen}): the installer stops with exit 62 until the machine restarts.`,
  };
}

function antivirusLine(report: AntivirusReport | null): HealthLine {
  if (report === null)
    return { id: 'antivirus', level: 'grey', label: 'Anti-virus', reason: 'The anti-virus check did not finish.' };
  const notExcluded = report.scanners.filter((s) => s.status === 'notExcluded').map((s) => s.product);
  const unknown = report.scanners.filter((s) => s.status === 'cannotTell').map((s) => s.product);
  if (notExcluded.length > 0) {
    return {
      id: 'antivirus',
      level: 'red',
      label: 'Anti-virus',
      reason: `${notExcluded.join(', ')} scans the agent's folders: exclude them (mobility-setup av-check).`,
    };
  }
  if (report.scanners.some(needsAttention)) {
    return {
      id: 'antivirus',
      level: 'amber',
      label: 'Anti-virus',
      reason: `Cannot tell whether ${unknown.join(', ')} excludes the agent's folders.`,
    };
  }
  return {
    id: 'antivirus',
    level: 'green',
    label: 'Anti-virus',
    reason:
      report.scanners.length === 0
        ? 'No scanner found.'
        : "Every scanner found excludes the agent's folders (or does not scan).",
  };
}

export function buildHealthReport(facts: HealthFacts): HealthReport {
  const d = facts.detection;
  const lines: HealthLine[] = [
    systemLine(d),
    { id: 'support', level: d.supported ? 'green' : 'red', label: 'Support', reason: d.supportMessage },
    ...agentLines(d, facts.expectedServer),
    servicesLine(d, facts.services),
    diskLine(d),
    rebootLine(d.pendingRestart),
    antivirusLine(facts.antivirus),
  ];
  return { root: d.root, lines, lastVendorError: facts.lastVendorError };
}

const MARK = { green: 'OK ', amber: 'WARN', red: 'FAIL', grey: '--  ' } as const;

/** The report as text (the CLI's output and the bundle's health.txt). */
export function formatHealthText(report: HealthReport): string {
  const width = Math.max(...report.lines.map((l) => l.label.length)) + 2;
  const out = report.lines.map((l) => `[${MARK[l.level].padEnd(4)}] ${`${l.label}:`.padEnd(width)}${l.reason}`);
  const e = report.lastVendorError;
  if (e) {
    out.push('', `Last vendor error (${e.file}):`, `  ${e.line}`);
    if (e.explanation) out.push(`  Meaning: ${e.explanation.meaning}`, `  What to do: ${e.explanation.action}`);
  }
  return `${out.join('\n')}\n`;
}
