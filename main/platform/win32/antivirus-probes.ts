import type { FolderVerdict } from '../../../common/antivirus';
import type { PlatformDeps } from '../platform-deps';
import {
  avText,
  consoleProductFinding,
  reasonFrom,
  statusFromVerdicts,
  stepsFrom,
  unknownVerdicts,
  verdictTexts,
} from '../antivirus-findings';
import type { AntivirusProbes, DetectedScanner } from '../antivirus-probes';
import { WINDOWS_STYLE, wildcardCovers } from '../antivirus-wildcard';
import {
  DEFENDER_ADD_SCRIPT,
  DEFENDER_PATH_ENV,
  DEFENDER_STATUS_SCRIPT,
  defenderScansInRealTime,
  parseDefenderStatus,
  powershellCommand,
} from './antivirus-defender';
import type { DefenderState } from './antivirus-defender';
import {
  SERVICES_ENV,
  SERVICES_SCRIPT,
  WINDOWS_CONSOLE_PRODUCTS,
  parseServices,
  serviceNamesForScript,
} from './antivirus-products';
import { SECURITY_CENTER_SCRIPT, parseSecurityCenter } from './antivirus-security-center';

const SCRIPT_TIMEOUT_MS = 60_000;

/** %ProgramData% and friends as Defender stores them; an unknown variable leaves the exclusion undecidable. */
const WINDOWS_VARIABLES: Record<string, string> = {
  programdata: 'C:\\ProgramData',
  programfiles: 'C:\\Program Files',
  'programfiles(x86)': 'C:\\Program Files (x86)',
  systemdrive: 'C:',
};

export function expandWindowsVariables(pattern: string): string | null {
  let unknown = false;
  const expanded = pattern.replace(
    /%([^%]+)%/g,
    (_, name: string) => WINDOWS_VARIABLES[name.toLowerCase()] ?? ((unknown = true), ''),
  );
  return unknown ? null : expanded;
}

export function defenderVerdicts(paths: readonly string[], folders: readonly string[]): FolderVerdict[] {
  return folders.map((folder) => {
    let best: FolderVerdict = { folder, covered: 'no', by: null };
    for (const raw of paths) {
      const expanded = expandWindowsVariables(raw);
      const covered = expanded === null ? 'unknown' : wildcardCovers(expanded, folder, WINDOWS_STYLE);
      if (covered === 'yes') return { folder, covered, by: raw };
      if (covered !== 'no' && best.covered === 'no') best = { folder, covered, by: raw };
    }
    return best;
  });
}

export function defenderFinding(
  state: DefenderState,
  folders: readonly string[],
  addCommand: ReturnType<typeof powershellCommand>,
): DetectedScanner {
  const steps = stepsFrom([
    avText('av.defender.steps.add', {
      commands: folders.map((f) => `Add-MpPreference -ExclusionPath '${f}'`).join(' ; '),
    }),
    avText('av.defender.steps.readBack'),
  ]);
  const base = {
    id: 'defender',
    product: 'Microsoft Defender Antivirus',
    evidence: ['Get-MpComputerStatus'],
    fix: 'automatic' as const,
    ...steps,
  };
  const plan = {
    kind: 'commands' as const,
    commands: folders.map((f) => ({ ...addCommand, env: { [DEFENDER_PATH_ENV]: f } })),
  };
  const unknown = unknownVerdicts(folders);
  const exclusions = state.exclusions.state === 'read' ? state.exclusions.paths : [];
  if (!defenderScansInRealTime(state)) {
    const why = !state.serviceEnabled
      ? avText('av.defender.disabled')
      : state.runningMode && /passive|edr/i.test(state.runningMode)
        ? avText('av.defender.passive', { mode: state.runningMode })
        : avText('av.realTimeOff');
    return {
      finding: { ...base, status: 'notScanning', ...reasonFrom([why]), folders: unknown, exclusions },
      plan: state.serviceEnabled ? plan : null,
    };
  }
  switch (state.exclusions.state) {
    case 'needsAdmin':
      return {
        finding: {
          ...base,
          status: 'cannotTell',
          ...reasonFrom([avText('av.defender.needsAdmin')]),
          folders: unknown,
          exclusions,
        },
        plan,
      };
    case 'hiddenFromAdmins':
      return {
        finding: {
          ...base,
          fix: 'manual',
          status: 'cannotTell',
          ...reasonFrom([avText('av.defender.hiddenFromAdmins')]),
          folders: unknown,
          exclusions,
        },
        plan: null,
      };
    case 'error':
      return {
        finding: {
          ...base,
          status: 'cannotTell',
          ...reasonFrom([avText('av.defender.readFailed', { error: state.exclusions.message })]),
          folders: unknown,
          exclusions,
        },
        plan,
      };
    case 'read': {
      const verdicts = defenderVerdicts(state.exclusions.paths, folders);
      const tamper = state.tamperProtected ? [avText('av.defender.tamper')] : [];
      return {
        finding: {
          ...base,
          status: statusFromVerdicts(verdicts),
          ...reasonFrom([...verdictTexts(verdicts), ...tamper]),
          folders: verdicts,
          exclusions,
        },
        plan,
      };
    }
  }
}

export function createWin32AntivirusProbes(deps: PlatformDeps): AntivirusProbes {
  const systemRoot = process.env.SystemRoot ?? 'C:\\Windows';
  const run = (script: string, env?: Record<string, string>) => {
    const command = powershellCommand(script, systemRoot);
    return deps.runner.run(command.file, command.args, { timeoutMs: SCRIPT_TIMEOUT_MS, ...(env ? { env } : {}) });
  };
  return {
    async findScanners(folders) {
      const [defender, securityCenter, services] = await Promise.all([
        run(DEFENDER_STATUS_SCRIPT),
        run(SECURITY_CENTER_SCRIPT),
        run(SERVICES_SCRIPT, { [SERVICES_ENV]: serviceNamesForScript() }),
      ]);
      const found: DetectedScanner[] = [];
      const state = parseDefenderStatus(defender.stdout);
      if (state) found.push(defenderFinding(state, folders, powershellCommand(DEFENDER_ADD_SCRIPT, systemRoot)));
      const running = parseServices(services.stdout);
      const matched = new Set<string>();
      for (const product of WINDOWS_CONSOLE_PRODUCTS) {
        const hits = running.filter((s) =>
          product.processes.some((name) => name.toLowerCase() === s.name.toLowerCase()),
        );
        if (hits.length === 0) continue;
        matched.add(product.product.split(' ')[0]!.toLowerCase());
        found.push(
          consoleProductFinding(
            product,
            hits.map((s) => `service ${s.name} (${s.status})`),
            folders,
          ),
        );
      }
      // Security Center (clients) names products the service table does not know.
      for (const product of parseSecurityCenter(securityCenter.stdout) ?? []) {
        if (product.state.microsoft || matched.has(product.name.split(' ')[0]!.toLowerCase())) continue;
        found.push({
          finding: {
            id: `securitycenter-${product.name
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, '-')
              .slice(0, 40)}`,
            product: product.name,
            evidence: ['Security Center (root/SecurityCenter2)'],
            status: product.state.scanner === 'on' ? 'cannotTell' : 'notScanning',
            ...reasonFrom([avText(`av.securityCenter.${product.state.scanner}`, { product: product.name })]),
            folders: unknownVerdicts(folders),
            exclusions: [],
            fix: 'manual',
            ...stepsFrom([avText('av.securityCenter.steps', { product: product.name, folders: folders.join(', ') })]),
          },
          plan: null,
        });
      }
      // A failed query must not read as "no scanner": say that this machine's scanners could not be listed
      // (an old Windows PowerShell without ConvertTo-Json, a policy that blocks it, a timeout).
      if (!queryAnswered(services.code, services.stdout)) {
        found.push({
          finding: {
            id: 'windows-services-unreadable',
            product: 'Other anti-virus products',
            evidence: [`the service query failed (exit code ${String(services.code)})`],
            status: 'cannotTell',
            ...reasonFrom([avText('av.services.unreadable')]),
            folders: unknownVerdicts(folders),
            exclusions: [],
            fix: 'manual',
            ...stepsFrom([avText('av.services.steps', { folders: folders.join(', ') })]),
          },
          plan: null,
        });
      }
      return found;
    },
  };
}

/** A PowerShell query answered when it exited 0 and printed nothing (no match) or JSON. */
export function queryAnswered(code: number | null, stdout: string): boolean {
  if (code !== 0) return false;
  const text = stdout.trim().replace(/^\uFEFF/, '');
  if (text === '') return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
