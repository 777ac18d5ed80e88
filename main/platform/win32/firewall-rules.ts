/**
 * `netsh advfirewall firewall show rule name=all`: every Windows Firewall rule, parsed without a shell or
 * PowerShell (netsh.exe exists on every supported Windows). Pure: tested on Linux against fixtures in
 * test/fixtures/win32/ written by hand in netsh's documented format (not captured on a Windows machine).
 *
 * Format: per rule a `Rule Name:` line, a line of dashes, then `Label:   value` lines (Enabled, Direction,
 * Profiles, Grouping, LocalIP, RemoteIP, Protocol, LocalPort, RemotePort, Edge traversal, Action); ICMP rules add
 * indented Type/Code lines; the list ends with `Ok.`. The labels and group names are in the display language of
 * Windows: on another language nothing here matches, and the caller says "cannot tell" instead of guessing.
 */

/** Fixed argv: nothing from input reaches netsh. */
export const FIREWALL_RULES_ARGS = ['advfirewall', 'firewall', 'show', 'rule', 'name=all'] as const;

export type FirewallProfile = 'Domain' | 'Private' | 'Public';
export const FIREWALL_PROFILES: readonly FirewallProfile[] = ['Domain', 'Private', 'Public'];

export interface FirewallRule {
  name: string;
  enabled: boolean;
  /** `In` or `Out`. */
  direction: string;
  profiles: FirewallProfile[];
  /** The rule group (netsh's `Grouping`); empty for a rule in no group. */
  group: string;
  /** `Allow`, `Block` or `Bypass`. */
  action: string;
}

// A label starts the line (no indent) and holds no colon; the value is the rest, which may hold colons.
const FIELD_LINE = /^([A-Za-z][A-Za-z ]*?):\s*(.*)$/;

function profilesOf(value: string): FirewallProfile[] {
  if (/^any$/i.test(value.trim())) return [...FIREWALL_PROFILES];
  const named = value.split(',').map((p) => p.trim().toLowerCase());
  return FIREWALL_PROFILES.filter((p) => named.includes(p.toLowerCase()));
}

export function parseFirewallRules(output: string): FirewallRule[] {
  const rules: FirewallRule[] = [];
  let fields: Map<string, string> | null = null;
  const finish = () => {
    if (fields === null) return;
    rules.push({
      name: fields.get('rule name') ?? '',
      enabled: /^yes$/i.test(fields.get('enabled') ?? ''),
      direction: fields.get('direction') ?? '',
      profiles: profilesOf(fields.get('profiles') ?? ''),
      group: fields.get('grouping') ?? '',
      action: fields.get('action') ?? '',
    });
  };
  for (const line of output.split(/\r?\n/)) {
    const match = FIELD_LINE.exec(line.trimEnd());
    if (!match) continue;
    const label = (match[1] ?? '').toLowerCase();
    if (label === 'rule name') {
      finish();
      fields = new Map();
    }
    fields?.set(label, (match[2] ?? '').trim());
  }
  finish();
  return rules;
}
