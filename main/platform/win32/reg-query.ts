/**
 * `reg query` output, parsed without a shell or PowerShell (reg.exe exists on every supported Windows).
 * Pure: tested on Linux against captured output in test/fixtures/win32/.
 *
 * Format: a blank line, the key path, then one line per value indented by four spaces:
 * `    <name>    <REG_TYPE>    <data>` (data may be empty), then subkey paths without values.
 */

export interface RegValue {
  type: string;
  data: string;
}

export interface RegKey {
  path: string;
  /** By lower-case value name: registry value names are case-insensitive. */
  values: Map<string, RegValue>;
}

/** Argument array for `reg query <key> [/v <name>]`; the key is one argument, so spaces need no quoting. */
export function regQueryArgs(key: string, valueName?: string): string[] {
  return valueName === undefined ? ['query', key] : ['query', key, '/v', valueName];
}

const VALUE_LINE = /^ {4}(.*?) {4}(REG_[A-Z0-9_]+)(?: {4}(.*))?$/;

export function parseRegQuery(output: string): RegKey[] {
  const keys: RegKey[] = [];
  let current: RegKey | null = null;
  for (const raw of output.split(/\r?\n/)) {
    if (raw.startsWith('HKEY_')) {
      current = { path: raw.trimEnd(), values: new Map() };
      keys.push(current);
      continue;
    }
    const match = VALUE_LINE.exec(raw);
    if (match && current) {
      current.values.set((match[1] ?? '').toLowerCase(), { type: match[2] ?? '', data: (match[3] ?? '').trimEnd() });
    }
  }
  return keys;
}

/** A value of the queried (first) key, or null when the key or the value is absent. */
export function regString(keys: readonly RegKey[], name: string): string | null {
  const value = keys[0]?.values.get(name.toLowerCase());
  if (value === undefined) return null;
  return value.data === '' ? null : value.data;
}

/** REG_DWORD / REG_QWORD data as reg.exe prints it ("0x1"). */
export function regNumber(keys: readonly RegKey[], name: string): number | null {
  const data = regString(keys, name);
  if (data === null) return null;
  const parsed = /^0x[0-9a-f]+$/i.test(data) ? Number.parseInt(data, 16) : Number(data);
  return Number.isFinite(parsed) ? parsed : null;
}
