import type { FixResult } from '../../../common/antivirus';
import type { FixCommand, FixPlan } from '../../platform/antivirus-probes';
import type { SystemPaths } from '../../platform/system-paths';
import type { CommandRunner, Logger } from '../../ports/ports';
import { addClamdExclusions } from './clamd-config-edit';

const FIX_TIMEOUT_MS = 120_000;

const shown = (command: FixCommand) => [command.file, ...command.args].join(' ');

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
        message: `${plan.configPath} already excludes the folders; nothing was changed.`,
      };
    }
    const addedText = `Added to ${plan.configPath}: ${edit.added.join('; ')}.`;
    if (plan.restart === null) {
      deps.logger.info('clamd restart skipped', { service: plan.service, reason: plan.restartSkippedReason });
      return { ...base, outcome: 'fixed', message: `${addedText} ${plan.restartSkippedReason ?? ''}`.trim() };
    }
    // clamd reads its configuration only at start: a reload (SIGUSR2, clamdscan --reload) reloads signatures only.
    const restarted = await runner.run(plan.restart.file, plan.restart.args, { timeoutMs: FIX_TIMEOUT_MS });
    base.commands.push(shown(plan.restart));
    if (restarted.code !== 0) {
      const message = `${addedText} But restarting ${plan.service} failed (exit ${restarted.code ?? 'none'}): restart it by hand (systemctl restart ${plan.service}).`;
      return { ...base, outcome: 'failed', message };
    }
    return { ...base, outcome: 'fixed', message: `${addedText} ${plan.service} was restarted.` };
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
      const message = `${product} refused the exclusion (exit ${ran.code ?? 'none'}): ${output || 'no output'}`;
      return { scannerId: id, outcome: 'failed', message, changedFiles: [], backups: [], commands };
    }
  }
  const message = `${product}: the folders were added to its exclusions.`;
  return { scannerId: id, outcome: 'fixed', message, changedFiles: [], backups: [], commands };
}
