import type { FixResult } from '../../../common/antivirus';
import { agentFoldersToExclude } from '../../platform/antivirus-folders';
import { selectAntivirusProbes } from '../../platform/select';
import { SystemPaths } from '../../platform/system-paths';
import type { CommandRunner } from '../../ports/ports';
import { silentLogger } from '../../ports/ports';
import type { ComposedText } from '../../../common/core-text/coded-text';
import { avText } from '../../platform/antivirus-findings';
import { applyFixPlan, fixMessage } from './apply-fix';

export interface PrivilegedFixContext {
  runner: CommandRunner;
  platform: NodeJS.Platform;
  /** A sandbox root, only ever from a trusted caller (root itself); the helper refuses one from anyone else. */
  sandboxRoot: string | null;
  onLine: (line: string) => void;
}

/** The helper's exit code for each outcome: the app reads it back, then checks the scanner again itself. */
export const PRIVILEGED_FIX_EXIT: Record<FixResult['outcome'], number> = {
  fixed: 0,
  unchanged: 10,
  failed: 1,
  manual: 11,
  notFound: 12,
  needsRoot: 13,
};

/**
 * The privileged side of an anti-virus fix: it finds the scanner with its own probes (so the configuration it
 * changes is the one this machine's product uses, never one the request names) and applies that product's fix
 * for the agent's folders. Every line of what it did goes to `onLine` (the job's live log).
 */
export async function runPrivilegedAntivirusFix(
  request: { scanner: string; installDir: string },
  ctx: PrivilegedFixContext,
): Promise<FixResult> {
  const paths = new SystemPaths(ctx.sandboxRoot ?? '/');
  const folders = agentFoldersToExclude(ctx.platform, request.installDir);
  const probes = selectAntivirusProbes({ paths, platform: ctx.platform, runner: ctx.runner });
  const detected = probes ? await probes.findScanners(folders) : [];
  const scanner = detected.find((s) => s.finding.id === request.scanner);
  const result = (outcome: FixResult['outcome'], said: ComposedText): FixResult => {
    ctx.onLine(said.message);
    return { scannerId: request.scanner, outcome, ...fixMessage([said]), changedFiles: [], backups: [], commands: [] };
  };
  if (!scanner) return result('notFound', avText('av.fix.notFound', { scanner: request.scanner }));
  const { finding, plan } = scanner;
  const product = finding.product;
  if (finding.status === 'excluded' || finding.status === 'notScanning') {
    return result('unchanged', avText('av.fix.nothingToDo', { product }));
  }
  if (plan === null || finding.fix === 'manual') return result('manual', avText('av.fix.manualHere', { product }));
  const applied = await applyFixPlan(
    { paths, runner: ctx.runner, logger: silentLogger },
    finding.id,
    finding.product,
    plan,
    folders,
  );
  ctx.onLine(applied.message);
  for (const command of applied.commands) ctx.onLine(`Ran: ${command}`);
  return applied;
}
