import type { FixResult } from '../../../common/antivirus';
import { joinTexts } from '../../../common/core-text/coded-text';
import type { ComposedText } from '../../../common/core-text/coded-text';
import { avText, exitPart } from '../../platform/antivirus-findings';
import type { FixCommand, FixPlan } from '../../platform/antivirus-probes';
import type { SystemPaths } from '../../platform/system-paths';
import type { CommandRunner, Logger } from '../../ports/ports';
import { addClamdExclusions } from './clamd-config-edit';

const FIX_TIMEOUT_MS = 120_000;

const shown = (command: FixCommand) => [command.file, ...command.args].join(' ');

/** A fix result's message from coded sentences: the English (joined by spaces) and its codes. */
export function fixMessage(sentences: readonly ComposedText[]): Pick<FixResult, 'message' | 'messageTexts'> {
  const { message, texts } = joinTexts(sentences);
  return { message, messageTexts: texts };
}

/** What applying a fix needs: the same whether the app is root or the elevated helper does it. */
export interface FixAppliers {
  paths: SystemPaths;
  runner: CommandRunner;
  logger: Pick<Logger, 'info'>;
}

/**
 * Carries out one automatic fix plan (a clamd.conf edit and restart, or the product's own commands). The
 * plan comes from this process's own probes, never from a request: so every write lands where the probe
 * found the product's configuration.
 */
export async function applyFixPlan(
  deps: FixAppliers,
  id: string,
  product: string,
  plan: FixPlan,
  folders: string[],
): Promise<FixResult> {
  const { paths, runner } = deps;
  if (plan.kind === 'clamdConfig') {
    const edit = await addClamdExclusions(paths.resolve(plan.configPath), folders);
    const base = {
      scannerId: id,
      changedFiles: edit.changed ? [plan.configPath] : [],
      backups: edit.backup ? [paths.toSystem(edit.backup)] : [],
      commands: [] as string[],
    };
    if (!edit.changed) {
      return {
        ...base,
        outcome: 'unchanged',
        ...fixMessage([avText('av.fix.clamav.unchanged', { configPath: plan.configPath })]),
      };
    }
    const added = avText('av.fix.clamav.added', { configPath: plan.configPath, lines: edit.added.join('; ') });
    if (plan.restart === null) {
      deps.logger.info('clamd restart skipped', { service: plan.service, reason: plan.restartSkippedReason });
      const skipped =
        plan.restartSkippedReason && plan.restartSkippedText
          ? [{ ...plan.restartSkippedText, message: plan.restartSkippedReason }]
          : [];
      return { ...base, outcome: 'fixed', ...fixMessage([added, ...skipped]) };
    }
    // clamd reads its configuration only at start: a reload (SIGUSR2, clamdscan --reload) reloads signatures only.
    const restarted = await runner.run(plan.restart.file, plan.restart.args, { timeoutMs: FIX_TIMEOUT_MS });
    base.commands.push(shown(plan.restart));
    if (restarted.code !== 0) {
      const failed = avText('av.fix.clamav.restartFailed', { service: plan.service, exit: exitPart(restarted.code) });
      return { ...base, outcome: 'failed', ...fixMessage([added, failed]) };
    }
    return {
      ...base,
      outcome: 'fixed',
      ...fixMessage([added, avText('av.fix.clamav.restarted', { service: plan.service })]),
    };
  }
  const commands: string[] = [];
  for (const command of plan.commands) {
    const ran = await runner.run(command.file, command.args, {
      timeoutMs: FIX_TIMEOUT_MS,
      ...(command.env ? { env: command.env } : {}),
    });
    commands.push(shown(command));
    const output = `${ran.stdout}\n${ran.stderr}`.trim().split(/\r?\n/).slice(-3).join(' ');
    if (ran.code !== 0 || (command.success && !command.success.test(ran.stdout))) {
      const refused = avText('av.fix.refused', {
        product,
        exit: exitPart(ran.code),
        output: output || avText('av.word.noOutput'),
      });
      return { scannerId: id, outcome: 'failed', ...fixMessage([refused]), changedFiles: [], backups: [], commands };
    }
  }
  const added = avText('av.fix.added', { product });
  return { scannerId: id, outcome: 'fixed', ...fixMessage([added]), changedFiles: [], backups: [], commands };
}
