/**
 * Known vendor errors: a line pattern seen in the vendor's installer and configurator logs → what it means
 * and what to do. One table for every place that explains a failure (the troubleshooting page, `diagnose`,
 * the summary of a failed install or registration), so the same line is explained the same way everywhere.
 * Sources: ../shared/domain.md ("What goes wrong most often", exit codes) and curl's error numbers, which the
 * vendor's configurator prints as "(N) message". curl words some errors differently across versions
 * ("(7) Couldn't connect to server" before 7.x, "(7) Failed to connect to …" after), so both are matched.
 */

import { countLines } from './line-block';

export interface KnownError {
  /** Stable id, also the renderer's catalog key (knownError.<id>.meaning / .action). */
  id: string;
  pattern: RegExp;
  /** What the line means, in one sentence. */
  meaning: string;
  /** What to do next. */
  action: string;
}

/** Order matters: the first entry whose pattern matches explains the line (specific before generic). */
export const KNOWN_ERRORS: readonly KnownError[] = [
  {
    id: 'curl7',
    pattern: /\(7\)\s*(?:Couldn't connect to server|Failed to connect)/i,
    meaning: 'This machine could not open a TCP connection to the configuration server on port 443.',
    action: 'Open TCP 443 from this machine to the configuration server (firewall, NSG, proxy) and check that it runs.',
  },
  {
    id: 'curl60',
    pattern: /\(60\)\s*(?:Peer certificate cannot be authenticated|SSL certificate problem)/i,
    meaning: "The configuration server's TLS certificate was not accepted (expired, or its TLS settings are wrong).",
    action: "Check the certificate's expiry in the connectivity test; renew it on the configuration server if expired.",
  },
  {
    id: 'curl6',
    pattern: /\(6\)\s*Could(?:n't| not) resolve host/i,
    meaning: "The configuration server's name could not be resolved on this machine.",
    action: "Check the name and this machine's DNS settings, or use the configuration server's IP address.",
  },
  {
    id: 'curl28',
    pattern: /\(28\)\s*(?:Connection|Operation) timed out/i,
    meaning: 'The configuration server did not answer in time: a firewall drops the packets, or the server is down.',
    action: 'Run the connectivity test; open TCP 443 (and 9443 for data) from this machine to the server.',
  },
  {
    id: 'curl35',
    pattern: /\(35\)\s*SSL connect error|unsupported protocol|TLS 1\.0 .*disabled/i,
    meaning: 'The TLS handshake failed: the two machines share no TLS version (often TLS 1.0 turned off on one side).',
    action: 'Enable TLS 1.2 on both machines (and on Windows, strong crypto for .NET), then register again.',
  },
  {
    id: 'kernel',
    pattern: /doesn't support the operating system kernel version|kernel version .*not supported/i,
    meaning: "This agent version does not support the machine's running kernel.",
    action: 'Boot a stock distribution kernel listed in the support matrix, or use an agent version that supports it.',
  },
  {
    id: 'differentServer',
    pattern: new RegExp(
      [
        'configured to a different configuration server',
        'already (?:points|registered) (?:to|with) (?:a different|configuration server .*, not )',
        String.raw`exit code 13\b`,
      ].join('|'),
      'i',
    ),
    meaning: 'The agent is already registered with another configuration server (exit 13; drscout.conf Hostname).',
    // Names where that is done: the agent's own configurator cannot unregister it (issue 8).
    action:
      'Unregister it from the other server: disable replication of this server in the portal (vault > Replicated ' +
      "items), then remove the server in the old configuration server's console; or uninstall the agent " +
      '(mobility-setup uninstall) and install it again; or register with the server it already uses.',
  },
  {
    id: 'passphrase',
    pattern: /invalid passphrase|passphrase (?:is )?(?:invalid|not valid|incorrect)|exit code 14\b/i,
    meaning: 'The passphrase or the configuration server address was not accepted (exit 14).',
    action: 'Generate it on the configuration server (genpassphrase.exe -v > MobSvc.passphrase) and check the address.',
  },
  {
    id: 'unsupportedOs',
    pattern: /operating system is not supported|unsupported (?:OS|operating system)|exit code 42\b/i,
    meaning: 'This operating system is not supported by this agent version (exit 42).',
    action: 'Check the support matrix and use the installer built for this OS (detect shows the token).',
  },
  {
    id: 'rebootPending',
    pattern: /restart is pending|reboot is pending|pending (?:system )?re(?:start|boot)|exit code 62\b/i,
    meaning: 'A system restart is pending, so the installer stopped (exit 62).',
    action: 'Restart the machine, then run the install again.',
  },
  {
    id: 'anotherInstance',
    pattern: /another instance of the installer|another installation is in progress|exit code (?:41|1618)\b/i,
    meaning: 'Another installation is running on this machine.',
    action: 'Wait for it to finish (or end it), then try again.',
  },
  {
    id: 'notRoot',
    pattern: /must be run as root|requires? (?:root|administrator) (?:privileges|rights)/i,
    meaning: 'The vendor tool was run without root (Administrator) rights.',
    action: 'Run it as root (sudo) or as Administrator.',
  },
  {
    id: 'vss',
    pattern: /0x800706BE/i,
    meaning: 'The VSS provider call failed; real-time anti-virus scanning of the agent folders is a known cause.',
    action: "Exclude the agent's folders from real-time scanning (the anti-virus check says how), then retry.",
  },
  {
    id: 'upgradeUnsupported',
    pattern: /upgrade from .* is not supported|exit code 11\b/i,
    meaning: 'Upgrading from the installed version is not supported (exit 11).',
    action: 'Upgrade in steps of at most 4 minor versions, or uninstall the agent and install this version.',
  },
  {
    id: 'downgrade',
    pattern: /downgrade is not supported|exit code 15\b/i,
    meaning: 'A newer agent is already installed; a downgrade is refused (exit 15).',
    action: 'Use an installer of the same or a newer version, or uninstall the agent first.',
  },
];

export interface ErrorExplanation {
  id: string;
  meaning: string;
  action: string;
}

/** The explanation of one log line, or null when no known pattern matches it. */
export function explainLine(line: string): ErrorExplanation | null {
  if (!ANY_KNOWN_ERROR.test(line)) return null;
  const entry = KNOWN_ERRORS.find((known) => known.pattern.test(line));
  return entry ? { id: entry.id, meaning: entry.meaning, action: entry.action } : null;
}

/**
 * Lines the vendor tools write when something goes wrong: their "ERROR:" prefix, a curl "(N) …" error, a
 * "failed" statement, or a known pattern. "0 errors" and "error-free" are not errors.
 */
const ERROR_LINE = new RegExp(
  [
    String.raw`^\s*(?:\[[^\]]*\]\s*)?(?:ERROR|FATAL|FAILED)\b`,
    String.raw`\berror:`,
    String.raw`\bfailed\b`,
    String.raw`\(\d{1,2}\)\s+(?:Couldn't|Could not|Failed|Peer|SSL|Connection|Operation)`,
  ].join('|'),
  'i',
);
const NOT_AN_ERROR = /\b(?:0|no) errors?\b|error-free|without errors/i;

/**
 * One expression that matches wherever any known pattern (or any error-line pattern) might: a line it does
 * not match is no error, after one test instead of eighteen. A running installer's every line is checked
 * (FirstErrorTracker), and those tests were most of the CLI's per-line cost (200,000 lines: ~400 ms → ~60 ms).
 * Case-insensitive for all, so it matches a superset of what each pattern matches; the exact checks follow.
 */
function anyOf(patterns: readonly RegExp[]): RegExp {
  return new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), 'i');
}
const ANY_KNOWN_ERROR = anyOf(KNOWN_ERRORS.map((known) => known.pattern));
const ANY_ERROR = anyOf([ERROR_LINE, ANY_KNOWN_ERROR]);
/**
 * ANY_ERROR over a whole line block (line-block.ts): multiline, so `^` also matches where each line starts. Every
 * match inside one line is still found in the block ('.' never crosses a line end, and a line's ends look the same
 * to `\b` and `^`); `\s` or `[^\]]` may also match across lines, which only makes it a wider first filter.
 */
const ANY_ERROR_IN_BLOCK = new RegExp(ANY_ERROR.source, 'im');

export function isErrorLine(line: string): boolean {
  if (!ANY_ERROR.test(line)) return false;
  if (NOT_AN_ERROR.test(line)) return false;
  return ERROR_LINE.test(line) || explainLine(line) !== null;
}

/** What a failed job's summary quotes from the vendor tool's own output. */
export interface VendorError {
  line: string;
  explanation: ErrorExplanation | null;
}

export interface FirstError {
  /** The line as the vendor tool wrote it (trimmed). */
  line: string;
  /** Its index among the lines given. */
  index: number;
  /** The first known explanation among the error lines (the first line itself is often generic). */
  explanation: ErrorExplanation | null;
}

/**
 * The first error line the vendor tool wrote, with the explanation of the first error line that has one:
 * "ERROR: Registration failed" is often followed by the curl line that says why.
 */
export function findFirstError(lines: readonly string[]): FirstError | null {
  let first: FirstError | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!isErrorLine(line)) continue;
    const explanation = explainLine(line);
    if (first === null) first = { line: line.trim(), index: i, explanation };
    if (first.explanation === null && explanation !== null) first = { ...first, explanation };
    if (first.explanation !== null) return first;
  }
  return first;
}

/**
 * The same as findFirstError for lines that arrive one by one (a running vendor tool): keeps only the first
 * error line and the first explanation, so a million-line log costs nothing to follow.
 */
export class FirstErrorTracker {
  private found: FirstError | null = null;
  private seen = 0;

  push(line: string): void {
    const index = this.seen++;
    if (this.found?.explanation) return;
    if (!isErrorLine(line)) return;
    const explanation = explainLine(line);
    if (this.found === null) this.found = { line: line.trim(), index, explanation };
    else if (explanation !== null) this.found = { ...this.found, explanation };
  }

  /**
   * push() for every line of a line block (line-block.ts): a block in which no line can be an error (one test of
   * the block) is only counted, so only blocks that may hold one are split into lines.
   */
  pushBlock(block: string): void {
    if (this.found?.explanation || !ANY_ERROR_IN_BLOCK.test(block)) {
      this.seen += countLines(block);
      return;
    }
    for (const line of block.split('\n')) this.push(line);
  }

  get result(): FirstError | null {
    return this.found;
  }
}
