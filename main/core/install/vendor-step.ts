import type { ErrorCode } from '../../../common/error-codes';
import type { StepId } from '../../../common/install';
import { FirstErrorTracker } from '../../../common/known-errors';
import type { Elevator, PrivilegedOperation, PrivilegedResult } from '../elevation/elevator';
import type { StepContext } from '../jobs/job-engine';
import { JobStop, cancelled, failed, machineState, outcome } from '../jobs/job-stop';
import { describeExitCode, isSuccessExit, normalizeExitCode } from './exit-codes';
import type { ExitCodeInfo } from './exit-codes';
import { INSTALLER_REFUSED, NOTHING_INSTALLED } from './outcomes';
import type { PipelineEnv } from './pipeline-env';
import { realPath, vendorLogFiles } from './pipeline-env';
import { saysDiskFull, vendorDiskFullStop } from './vendor-disk-full';
import type { VendorDiskNeed } from './vendor-disk-full';

/** What a vendor command needs besides the step's context. */
export interface VendorRun {
  elevator: Elevator;
  platform: NodeJS.Platform;
  sandboxRoot: string | null;
  /** The vendor log named in an unknown exit code's hint. */
  vendorLog: string;
  /** Install: the hash-checked copy is extracted and the vendor installer starts. */
  onInstallerStarting?: () => void;
  /** The install folder (a system path) and what it needs free, named when the vendor's disk fills up. */
  diskNeed?: () => Promise<VendorDiskNeed>;
  /** A system path as the vendor tools see it (the sandbox root prefix), to measure free space. */
  toReal: (systemPath: string) => string;
}

/** The vendor run of this machine's agent with this elevator. */
export function vendorRunFor(env: PipelineEnv, elevator: Elevator): VendorRun {
  return {
    elevator,
    platform: env.deps.platform,
    sandboxRoot: env.deps.paths.isSandbox ? env.deps.paths.root : null,
    vendorLog: vendorLogFiles(env)[0] ?? 'the vendor log',
    toReal: (systemPath) => realPath(env.deps, systemPath),
  };
}

/** Codes the installer returns from its own checks, before it changes anything. */
const REFUSED_BEFORE_CHANGES = new Set([2, 3, 10, 11, 15, 16, 41, 42, 62, 99, 1618]);

const duration = (ms: number) =>
  ms >= 120_000 ? `${Math.round(ms / 60_000)} minutes` : `${Number((ms / 1000).toFixed(1))} seconds`;

/** What the person sees for each kind of vendor command. */
type VendorStepId = Extract<StepId, 'install' | 'register' | 'uninstall'>;

const HUNG_HINT = 'Read the log for the last thing it did; restart the machine if a service is stuck, then try again.';

const TOOL: Record<VendorStepId, { name: string; timeoutCode: ErrorCode; timeoutHint: string }> = {
  install: { name: 'The installer', timeoutCode: 'install.timeout', timeoutHint: HUNG_HINT },
  register: { name: 'The configurator', timeoutCode: 'register.timeout', timeoutHint: HUNG_HINT },
  // The vendor's Linux uninstaller is known to hang while it stops the agent's services.
  uninstall: {
    name: 'The uninstaller',
    timeoutCode: 'uninstall.timeout',
    timeoutHint:
      'The uninstaller is known to hang while stopping the agent services: restart the machine (that stops them), ' +
      'then run the uninstall again.',
  },
};

/**
 * Runs one privileged vendor command (install or register) for a job: every output line to the job log,
 * cancel wired to the job, the result read through the exit-code catalog. Returns the catalog entry of
 * a success-like exit (0, 98, 1641, 3010); throws JobStop for anything else. A stop without a machine state
 * gets the job's statement for the step it is in.
 */
export async function runVendorStep(
  step: VendorStepId,
  operation: PrivilegedOperation,
  ctx: StepContext,
  vendor: VendorRun,
): Promise<ExitCodeInfo> {
  if (ctx.cancelRequested) throw cancelled();
  // Only the vendor tool's own lines: the summary quotes the first error it wrote (issue 10, item 5).
  const firstError = new FirstErrorTracker();
  let diskFullLine: string | null = null;
  // A line block (common/line-block.ts) at a time: each check tests the whole block once, and splits it only
  // when it matched.
  const take = (block: string) => {
    firstError.pushBlock(block);
    if (diskFullLine === null && saysDiskFull(block)) diskFullLine = block.split('\n').find(saysDiskFull) ?? null;
    ctx.logLines(block);
  };
  const run = vendor.elevator.run(operation, {
    onLine: take,
    onLines: take,
    inactivityTimeoutMs: ctx.inactivityTimeoutMs,
    sandboxRoot: vendor.sandboxRoot,
    onWorkFolder: (dir) => ctx.workFolder(dir),
    ...(vendor.onInstallerStarting ? { onInstallerStarting: vendor.onInstallerStarting } : {}),
  });
  const result = await ctx.cancellable(run);
  const code = result.kind === 'exited' && !result.cancelled && !result.timedOut ? result.code : null;
  if (diskFullLine !== null && code !== null && !isSuccessExit(normalizeExitCode(code, vendor.platform))) {
    // A full disk or quota, not a vendor fault: said as such (exit 75), naming the folder that was full.
    const need = (await vendor.diskNeed?.()) ?? { installDir: operation.installDir, neededBytes: null };
    const tool = TOOL[step].name.replace(/^The/, 'the');
    ctx.log(`${TOOL[step].name} exited with code ${code} after its disk or quota filled up.`);
    throw await vendorDiskFullStop(tool, diskFullLine, need, code, vendor.toReal);
  }
  return interpret(step, result, ctx, vendor, firstError);
}

function interpret(
  step: VendorStepId,
  result: PrivilegedResult,
  ctx: StepContext,
  vendor: VendorRun,
  firstError: FirstErrorTracker,
): ExitCodeInfo {
  const tool = TOOL[step];
  if (result.kind === 'notGranted') {
    // The password prompt was dismissed before anything ran.
    throw new JobStop(
      'cancelled',
      outcome('warning', {
        code: 'elevation.notGranted',
        message: 'The password prompt was dismissed, so nothing ran with administrator rights.',
        hint: 'Start again and enter the administrator password when asked.',
        machineState: {
          install: NOTHING_INSTALLED,
          register: machineState('stopped.register.notRegistered'),
          uninstall: machineState('stopped.nothingRemoved'),
        }[step],
      }),
    );
  }
  if (result.kind === 'refused') {
    // Checked and refused before any vendor program started (e.g. the installer's copy did not match its SHA-256).
    ctx.log(`Refused before anything ran: ${result.message}`);
    const state = step === 'install' ? machineState('stopped.privateCopyRemoved') : null;
    throw failed({ code: result.code, message: result.message, hint: result.hint, machineState: state });
  }
  if (result.kind === 'unavailable') throw failed({ code: result.code, message: result.message, hint: result.hint });
  if (result.cancelled || ctx.cancelRequested) {
    ctx.log(`${tool.name} was stopped (cancelled).`);
    throw cancelled();
  }
  if (result.timedOut) {
    const message = `${tool.name} printed nothing for ${duration(ctx.inactivityTimeoutMs)} and was stopped as hung.`;
    ctx.log(message);
    throw failed({
      code: tool.timeoutCode,
      message,
      hint: tool.timeoutHint,
    });
  }
  if (result.code === null) {
    throw failed({
      code: 'exit.signal',
      message: `${tool.name} was ended by signal ${result.signal ?? 'unknown'}.`,
      hint: 'Run the install again; read the log if it happens again.',
    });
  }
  const code = normalizeExitCode(result.code, vendor.platform);
  const info = describeExitCode(code, vendor.vendorLog);
  ctx.log(
    `${tool.name} exited with code ${code}${code !== result.code ? ` (reported as ${result.code}: Linux keeps the low 8 bits)` : ''}: ${info.message}`,
  );
  if (isSuccessExit(code)) return info;
  const state = step === 'install' && REFUSED_BEFORE_CHANGES.has(code) ? INSTALLER_REFUSED : null;
  const vendorError = firstError.result
    ? { line: firstError.result.line, explanation: firstError.result.explanation }
    : null;
  // The explained first error line says what to do better than "read the log for the first error line".
  const hint = vendorError?.explanation?.action ?? info.hint;
  throw failed({ code: info.code, message: info.message, hint, exitCode: code, machineState: state, vendorError });
}
