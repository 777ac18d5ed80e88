import type { VendorSpec } from '../../platform/agent-platform';
import { buildVendorCommand, selectAgentPlatform } from '../../platform/agent-platform';
import type { CommandRunner } from '../ports';

/**
 * The privileged steps (install, register, uninstall) run through this port. When the app already runs
 * as root/Administrator the command runs directly; otherwise the app's own helper runs it elevated.
 * A refused password prompt is a value ('notGranted'), not an error.
 */
export type PrivilegedResult =
  | { kind: 'exited'; code: number | null; signal: string | null; timedOut: boolean; cancelled: boolean }
  | { kind: 'notGranted' }
  | { kind: 'unavailable'; code: string; message: string; hint: string };

export interface PrivilegedRun {
  done: Promise<PrivilegedResult>;
  /** Ends the vendor command's whole process tree. */
  cancel(): void;
}

export interface PrivilegedOptions {
  onLine: (line: string) => void;
  /** Ends the command when it printed nothing for this long. */
  inactivityTimeoutMs: number;
  /** The root prefix when it is a sandbox (passed to vendor tools as MOBILITY_SETUP_SANDBOX_ROOT); else null. */
  sandboxRoot: string | null;
}

export interface Elevator {
  readonly mode: 'direct' | 'helper';
  run(spec: VendorSpec, options: PrivilegedOptions): PrivilegedRun;
}

/** The environment a vendor command gets on top of the runner's fixed base. Never a secret. */
export function vendorEnvironment(sandboxRoot: string | null): Record<string, string> {
  return sandboxRoot ? { MOBILITY_SETUP_SANDBOX_ROOT: sandboxRoot } : {};
}

/** Runs vendor commands in this process's own privileges (we are root or Administrator already). */
export function createDirectElevator(runner: CommandRunner, platform: NodeJS.Platform): Elevator {
  return {
    mode: 'direct',
    run(spec, options) {
      const commands = selectAgentPlatform(platform);
      const command = commands ? buildVendorCommand(commands, spec) : null;
      if (!command) {
        const message = `There is no ${spec.operation} command for this platform (${platform}).`;
        return { done: Promise.resolve({ kind: 'unavailable', code: 'elevation.noCommand', message, hint: 'Use the installer built for this operating system.' }), cancel() {} };
      }
      const running = runner.spawn(command.file, command.args, {
        cwd: command.cwd ?? undefined,
        env: vendorEnvironment(options.sandboxRoot),
        onLine: options.onLine,
        inactivityTimeoutMs: options.inactivityTimeoutMs,
      });
      const done = running.done.then(
        (r): PrivilegedResult => ({ kind: 'exited', code: r.code, signal: r.signal, timedOut: r.timedOut, cancelled: r.cancelled }),
      );
      return { done, cancel: () => running.cancel() };
    },
  };
}
