import path from 'node:path';
import type { Endpoint } from '../../../common/endpoint';
import type { Registration } from '../../../common/install';
import type { VendorSpec } from '../../platform/agent-platform';
import type { Elevator } from '../elevation/elevator';
import type { ExitCodeInfo } from './exit-codes';
import type { JobHandle } from './job-manager';
import type { PipelineEnv } from './pipeline-env';
import { realPath, vendorLogFiles } from './pipeline-env';
import { withSecretFile } from './secret-file';
import { runVendorStep } from './vendor-step';

/** Where per-use secret folders go (under the sandbox root in tests and demos). */
export function secretBase(env: PipelineEnv): string {
  return path.join(env.workBase, 'mobility-setup-secrets');
}

/** The secrets of a request: redacted from every log line of its job. */
export function secretsOf(registration: Registration): string[] {
  if (registration.mode === 'classic') return [registration.passphrase];
  if (registration.mode === 'none') return [];
  // config.json is opaque, but its key-like fields are secrets too.
  const found: string[] = [];
  const walk = (value: unknown, name: string) => {
    if (typeof value === 'string' && value.length >= 6 && /key|secret|passphrase|password|token/i.test(name)) found.push(value);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  try {
    walk(JSON.parse(registration.configJson), '');
  } catch {
    // Invalid JSON is refused by the check step.
  }
  return found;
}

/**
 * Registers the installed agent: the passphrase (classic) or config.json (modernized) goes into a 0600
 * file that exists only while the configurator runs, and only its path is on the command line.
 */
export async function runRegisterStep(
  env: PipelineEnv,
  job: JobHandle,
  options: { registration: Exclude<Registration, { mode: 'none' }>; endpoint: Endpoint | null; installDir: string; elevator: Elevator; machineState: string },
): Promise<ExitCodeInfo> {
  const installDir = realPath(env.deps, options.installDir);
  const { registration } = options;
  const ctx = {
    job,
    elevator: options.elevator,
    platform: env.deps.platform,
    inactivityTimeoutMs: env.inactivityTimeoutMs,
    sandboxRoot: env.deps.paths.isSandbox ? env.deps.paths.root : null,
    vendorLog: vendorLogFiles(env)[0] ?? 'the vendor log',
    machineState: options.machineState,
  };
  const base = secretBase(env);
  if (registration.mode === 'classic') {
    const endpoint = options.endpoint?.display ?? registration.endpoint;
    job.log(`Registering with configuration server ${endpoint} (classic).`);
    return withSecretFile(
      registration.passphrase,
      (passphraseFile) => {
        const spec: VendorSpec = { operation: 'register', installDir, architecture: 'classic', endpoint, passphraseFile };
        return runVendorStep('register', spec, ctx);
      },
      { base, fileName: 'MobSvc.passphrase' },
    );
  }
  job.log('Registering with the replication appliance (modernized, config.json).');
  return withSecretFile(
    registration.configJson,
    (configFile) => runVendorStep('register', { operation: 'register', installDir, architecture: 'modernized', configFile }, ctx),
    { base, fileName: 'config.json' },
  );
}
