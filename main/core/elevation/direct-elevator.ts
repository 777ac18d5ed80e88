import type { CommandRunner } from '../../ports/ports';
import type { Elevator } from './elevator';
import { runPrivileged } from './run-privileged';

/**
 * Runs privileged operations in this process's own privileges (we are root or Administrator already).
 * `workBase` holds the private installer copy and extraction folder (the sandbox's tmp in tests).
 */
export function createDirectElevator(runner: CommandRunner, platform: NodeJS.Platform, workBase: string): Elevator {
  return {
    mode: 'direct',
    run(operation, options) {
      return runPrivileged(operation, { ...options, runner, platform, workBase });
    },
  };
}
