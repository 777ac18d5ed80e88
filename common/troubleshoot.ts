/**
 * The troubleshooting page's and `mobility-setup diagnose`'s findings, shared by the core, the CLI and the
 * renderer.
 */
import type { CertificateFacts } from './connectivity';
import type { CodedText } from './core-text/coded-text';
import type { ErrorExplanation, VendorError } from './known-errors';

/** green: fine; amber: works but needs a look; red: a known cause of failure; grey: could not be checked here. */
export type HealthLevel = 'green' | 'amber' | 'red' | 'grey';

export interface HealthLine {
  id: 'system' | 'support' | 'agent' | 'registration' | 'server' | 'services' | 'disk' | 'reboot' | 'antivirus';
  level: HealthLevel;
  /** Short label, e.g. "Agent", "Configuration server". */
  label: string;
  /** One line: what was found and, when not green, why it matters. */
  reason: string;
  /** The reason as a code and parameters (common/core-text/health-texts.ts); the label's code is health.label.<id>. */
  text?: CodedText;
}

export interface HealthReport {
  root: string;
  lines: HealthLine[];
  /** The first error line of the newest vendor log, when it has one. */
  lastVendorError: (VendorError & { file: string }) | null;
}

export type ProbeVerdict = 'ok' | 'warn' | 'fail' | 'skipped';

/** The certificate as the connectivity check describes it, plus the negotiated protocol. */
export interface TlsDetails extends CertificateFacts {
  protocol: string | null;
}

/** One port of the connectivity test: TCP connect, then a TLS handshake, each timed. */
export interface PortProbe {
  port: number;
  role: 'control' | 'data';
  tcp: { verdict: ProbeVerdict; ms: number; code: string | null; address: string | null };
  tls: { verdict: ProbeVerdict; ms: number; code: string | null; details: TlsDetails | null };
  verdict: ProbeVerdict;
  /** The plain verdict in one sentence, with what to do when it is not ok. */
  message: string;
  /** The sentence as a code and parameters (common/core-text/connectivity-texts.ts). */
  text?: CodedText;
}

export interface ConnectivityTest {
  host: string;
  dns: { verdict: ProbeVerdict; ms: number; addresses: string[]; message: string; text?: CodedText };
  ports: PortProbe[];
  verdict: ProbeVerdict;
  totalMs: number;
}

export interface AgentServiceState {
  name: string;
  running: boolean | null;
  /** How it was judged (a process seen in /proc, `sc query` STATE). */
  detail: string;
}

/** One push-install prerequisite on this machine. */
export interface PushReadinessItem {
  id: string;
  label: string;
  state: 'ok' | 'notReady' | 'unknown';
  /** What was found. */
  finding: string;
  /** The configuration server's push-install error IDs this item prevents. */
  preventsErrors: string[];
  /** What to run or change by hand (never run without consent). */
  remedy: string | null;
  /** Label, finding and remedy as codes and parameters, where they have them (common/core-text/push-texts.ts). */
  labelText?: CodedText;
  findingText?: CodedText;
  remedyText?: CodedText;
}

/** Everything `diagnose` and the Troubleshoot page find in one run. */
export interface Diagnosis {
  health: HealthReport;
  /** null when no server was named and the agent points to none. */
  connectivity: ConnectivityTest | null;
  pushReadiness: PushReadinessItem[];
  /** The vendor logs found (system paths). */
  vendorLogs: string[];
  /** The system facts gathered off the fast path (systeminformation); null when timed out or not asked for. */
  systemFacts: SystemFacts | null;
}

/** True when a finding is red: a known cause of a failed install or registration. */
export function hasRedFinding(d: Pick<Diagnosis, 'health' | 'connectivity'>): boolean {
  return d.health.lines.some((l) => l.level === 'red') || d.connectivity?.verdict === 'fail';
}

/** Facts support asks for, gathered off the fast path (main/core/troubleshoot/system-facts.ts). */
export interface SystemFacts {
  virtualization: { virtual: boolean; host: string | null; manufacturer: string; model: string };
  memory: { totalBytes: number; availableBytes: number };
  cpus: { model: string; cores: number; physicalCores: number };
  blockDevices: { name: string; type: string; sizeBytes: number; mount: string; fsType: string }[];
  mounts: { mount: string; fsType: string; sizeBytes: number; usedBytes: number }[];
  networkInterfaces: { name: string; ipv4: string; ipv6: string; mac: string; up: boolean }[];
  timeSync: { synchronized: boolean | null; source: string };
  selinux: 'enforcing' | 'permissive' | 'disabled' | 'not present';
  tookMs: number;
}

/** A log the Troubleshoot page may show: `path` is what the core reads (and the log methods take), `shown` the system path. */
export interface LogFileRef {
  path: string;
  shown: string;
  sizeBytes: number;
}

/** The Troubleshoot page's reply: the findings and the logs it may open in the log viewer. */
export interface TroubleshootReport {
  diagnosis: Diagnosis;
  logs: LogFileRef[];
}

/** A window of a log's lines; `from` is the 0-based number of the first, `totalLines` the file's count. */
export interface LogWindow {
  path: string;
  from: number;
  lines: string[];
  totalLines: number;
}

export interface LogHit {
  /** 0-based line number in the file. */
  line: number;
  text: string;
  explanation: ErrorExplanation | null;
}

export interface LogSearch {
  path: string;
  hits: LogHit[];
  totalLines: number;
  /** More lines matched than were returned. */
  more: boolean;
}

export interface BundleEntry {
  /** Name inside the archive, e.g. "health.json", "logs/ua_install.log". */
  name: string;
  sizeBytes: number;
  /** Where it came from (a system path), or null for a report made here. */
  source: string | null;
}

/** A bundle written (redacted) and listed, waiting to be saved where the person chooses, or discarded. */
export interface PreparedBundle {
  bundleId: string;
  entries: BundleEntry[];
}
