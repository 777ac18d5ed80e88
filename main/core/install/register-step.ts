import type { Endpoint } from '../../../common/endpoint';
import type { Registration } from '../../../common/install';
import type { VendorSpec } from '../../platform/vendor-command';
import type { Elevator } from '../elevation/elevator';
import type { StepContext } from '../jobs/job-engine';
import type { ExitCodeInfo } from './exit-codes';
import type { PipelineEnv } from './pipeline-env';
import { realPath } from './pipeline-env';
import { runVendorStep, vendorRunFor } from './vendor-step';

/** Shorter config.json strings ("true", "v2", port-like text) are not worth redacting and would mangle logs. */
export const MIN_CONFIG_SECRET_LENGTH = 4;

/**
 * The secrets of a request: redacted from every log line of its job. config.json is opaque and key names
 * vary by appliance version, so every string value in it (at any depth, arrays included) of at least
 * MIN_CONFIG_SECRET_LENGTH characters counts, in parsed form and as it is written in the file (escaped).
 */
export function secretsOf(registration: Registration): string[] {
  if (registration.mode === 'classic') return [registration.passphrase];
  if (registration.mode === 'none') return [];
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.length < MIN_CONFIG_SECRET_LENGTH) return;
      found.add(value);
      found.add(JSON.stringify(value).slice(1, -1));
    } else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(v);
  };
  try {
    walk(JSON.parse(registration.configJson));
  } catch {
    // Invalid JSON is refused by the check step.
  }
  return [...found];
}

/**
 * Registers the installed agent: the passphrase (classic) or config.json (modernized) goes into a 0600
 * file that exists only while the configurator runs, and only its path is on the command line.
 */
export async function runRegisterStep(
  env: PipelineEnv,
  ctx: StepContext,
  options: {
    registration: Exclude<Registration, { mode: 'none' }>;
    endpoint: Endpoint | null;
    installDir: string;
    elevator: Elevator;
  },
): Promise<ExitCodeInfo> {
  const installDir = realPath(env.deps, options.installDir);
  const { registration } = options;
  const vendor = vendorRunFor(env, options.elevator);
  if (registration.mode === 'classic') {
    const endpoint = options.endpoint?.display ?? registration.endpoint;
    ctx.log(`Registering with configuration server ${endpoint} (classic).`);
    return ctx.withSecretFile(registration.passphrase, 'MobSvc.passphrase', (passphraseFile) => {
      const spec: VendorSpec = { operation: 'register', installDir, architecture: 'classic', endpoint, passphraseFile };
      return runVendorStep('register', spec, ctx, vendor);
    });
  }
  ctx.log('Registering with the replication appliance (modernized, config.json).');
  return ctx.withSecretFile(registration.configJson, 'config.json', (configFile) =>
    runVendorStep(
      'register',
      { operation: 'register', installDir, architecture: 'modernized', configFile },
      ctx,
      vendor,
    ),
  );
}
