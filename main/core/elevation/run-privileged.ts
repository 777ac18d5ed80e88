import { UserError } from '../../../common/result';
import { buildVendorCommand, selectAgentPlatform } from '../../platform/agent-platform';
import type { VendorCommand } from '../../platform/vendor-command';
import { PrepareCancelled, prepareInstaller } from '../installer/prepare-installer';
import type { PreparedInstaller } from '../installer/prepare-installer';
import type { CommandRunner, RunningProcess } from '../../ports/ports';
import { PRIVILEGED_FIX_EXIT, runPrivilegedAntivirusFix } from '../antivirus/privileged-fix';
import type { PrivilegedOperation, PrivilegedOptions, PrivilegedResult, PrivilegedRun } from './elevator';
import { vendorEnvironment } from './elevator';

export interface PrivilegedContext extends PrivilegedOptions {
  runner: CommandRunner;
  platform: NodeJS.Platform;
  /** Parent of the private installer copy and extraction folder; only the running user can change it. */
  workBase: string;
}

const CANCELLED: PrivilegedResult = { kind: 'exited', code: null, signal: null, timedOut: false, cancelled: true };

/**
 * Carries out one privileged operation with this process's privileges: the vendor installer from a
 * private, hash-checked copy of the installer (removed in every outcome), or the configurator. Used by
 * the root app directly and by the elevated helper, so both run exactly the same steps.
 */
export function runPrivileged(operation: PrivilegedOperation, ctx: PrivilegedContext): PrivilegedRun {
  let cancelled = false;
  let current: RunningProcess | null = null;
  const cancel = () => {
    cancelled = true;
    current?.cancel();
  };
  const spawn = async (command: VendorCommand): Promise<PrivilegedResult> => {
    if (cancelled) return CANCELLED;
    current = ctx.runner.spawn(command.file, command.args, {
      cwd: command.cwd ?? undefined,
      env: vendorEnvironment(ctx.sandboxRoot),
      onLine: ctx.onLine,
      ...(ctx.onLines ? { onLines: ctx.onLines } : {}),
      inactivityTimeoutMs: ctx.inactivityTimeoutMs,
    });
    const r = await current.done;
    current = null;
    return {
      kind: 'exited',
      code: r.code,
      signal: r.signal,
      timedOut: r.timedOut,
      cancelled: r.cancelled || cancelled,
    };
  };
  const done = (async (): Promise<PrivilegedResult> => {
    if (operation.operation === 'antivirusFix') {
      const fixed = await runPrivilegedAntivirusFix(operation, ctx);
      return {
        kind: 'exited',
        code: PRIVILEGED_FIX_EXIT[fixed.outcome],
        signal: null,
        timedOut: false,
        cancelled: false,
        fix: fixed,
      };
    }
    const commands = selectAgentPlatform(ctx.platform);
    if (!commands) {
      return {
        kind: 'unavailable',
        code: 'elevation.noCommand',
        message: `There is no ${operation.operation} command for this platform (${ctx.platform}).`,
        hint: 'Use the installer built for this operating system.',
      };
    }
    if (operation.operation === 'register') return spawn(buildVendorCommand(commands, operation) as VendorCommand);
    if (operation.operation === 'uninstall') return spawn(commands.uninstall(operation));
    let prepared: PreparedInstaller;
    try {
      prepared = await prepareInstaller(
        {
          platform: ctx.platform,
          runner: ctx.runner,
          workBase: ctx.workBase,
          inactivityTimeoutMs: ctx.inactivityTimeoutMs,
          onLine: ctx.onLine,
          onProcess: (running) => (current = running),
          cancelled: () => cancelled,
          ...(ctx.onWorkFolder ? { onWorkFolder: ctx.onWorkFolder } : {}),
        },
        operation.installer,
      );
    } catch (err) {
      if (err instanceof PrepareCancelled) return CANCELLED;
      if (err instanceof UserError)
        return {
          kind: 'refused',
          code: err.code,
          message: err.message,
          hint: err.hint ?? 'Search the installer folder again and retry.',
        };
      throw err;
    }
    try {
      if (cancelled) return CANCELLED;
      ctx.onInstallerStarting?.();
      const { installDir, architecture, upgrade } = operation;
      return await spawn(
        commands.install({ operation: 'install', extractedDir: prepared.dir, installDir, architecture, upgrade }),
      );
    } finally {
      await prepared.remove();
    }
  })();
  return { done, cancel };
}
