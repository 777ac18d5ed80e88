import type { CodedText } from '../../common/core-text/coded-text';
import { composeText } from '../../common/core-text/coded-text';
import { supportTextsEn } from '../../common/core-text/support-texts';
import type { SupportTextCode } from '../../common/core-text/support-texts';
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
  /** The same sentence as a code and its parameters, for the front doors' other languages. */
  supportText: CodedText;
}

/** A verdict whose sentence comes from common/core-text/support-texts.ts (English here, other languages there). */
export function supportVerdict(
  verdict: Pick<SupportVerdict, 'token' | 'supported' | 'supportReason'>,
  code: SupportTextCode,
  params: CodedText['params'] = {},
): SupportVerdict {
  const { message, ...supportText } = composeText(supportTextsEn, code, params);
  return { ...verdict, supportMessage: message, supportText };
}

export function archVerdict(arch: string, matrix: SupportMatrix): SupportVerdict | null {
  if (matrix.architectures.includes(arch)) return null;
  return supportVerdict({ token: null, supported: false, supportReason: 'support.arch' }, 'support.arch', {
    architectures: matrix.architectures.join(', '),
    arch,
  });
}

/** The verdict for a Linux token the vendor's rules produced (or null when they produced none). */
export function linuxTokenVerdict(candidate: string | null, described: string, matrix: SupportMatrix): SupportVerdict {
  if (candidate !== null && matrix.linuxTokens.includes(candidate)) {
    return supportVerdict({ token: candidate, supported: true, supportReason: 'support.ok' }, 'support.ok', {
      system: described,
      token: candidate,
    });
  }
  return supportVerdict({ token: null, supported: false, supportReason: 'support.version' }, 'support.version', {
    system: described,
    agents: matrix.agentVersions.join('/'),
  });
}
