import matrixData from './support-matrix.json';

/** Windows updates an edition needs before the agent installs (the vendor's prerequisites). */
export interface RequiredUpdates {
  /** The first agent version that needs them. */
  fromAgent: string;
  updates: { id: string; name: string }[];
}

/** One Windows edition the vendor supports, by edition kind and build range (CurrentBuild). */
export interface WindowsEdition {
  name: string;
  server: boolean;
  minBuild: number;
  maxBuild: number;
  requiredUpdates?: RequiredUpdates;
}

/** What the vendor publishes installers for; data, so a new vendor list is a JSON edit. */
export interface SupportMatrix {
  agentVersions: string[];
  architectures: string[];
  linuxTokens: string[];
  windowsToken: string;
  windowsEditions: WindowsEdition[];
}

export const SUPPORT_MATRIX: SupportMatrix = matrixData;

/** The support verdict every platform produces; the report copies it as is. */
export interface SupportVerdict {
  token: string | null;
  supported: boolean;
  /** Catalog code: support.ok, support.arch, support.distribution, support.version, support.platform. */
  supportReason: string;
  supportMessage: string;
}

export function archVerdict(arch: string, matrix: SupportMatrix): SupportVerdict | null {
  if (matrix.architectures.includes(arch)) return null;
  return {
    token: null,
    supported: false,
    supportReason: 'support.arch',
    supportMessage: `The Mobility service runs on 64-bit x86 machines (${matrix.architectures.join(', ')}) only; this machine is ${arch}.`,
  };
}

/** The verdict for a Linux token the vendor's rules produced (or null when they produced none). */
export function linuxTokenVerdict(candidate: string | null, described: string, matrix: SupportMatrix): SupportVerdict {
  if (candidate !== null && matrix.linuxTokens.includes(candidate)) {
    return {
      token: candidate,
      supported: true,
      supportReason: 'support.ok',
      supportMessage: `${described} is supported (installer ${candidate}).`,
    };
  }
  return {
    token: null,
    supported: false,
    supportReason: 'support.version',
    supportMessage: `${described} has no published Mobility service installer (agent ${matrix.agentVersions.join('/')}). Use a supported version: see the support matrix.`,
  };
}
