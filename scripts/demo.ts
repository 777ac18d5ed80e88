/**
 * `npm run demo`: the whole wizard against a pretend world, so a person can try every step on this machine
 * without changing it. A sandbox root (mobility-setup-demo-XXXX under the temp folder) gets copies of this
 * machine's release files and an installers folder with a test agent package built for this machine's
 * token; a configuration server simulator listens on 127.0.0.1; the wizard opens with all of it prefilled.
 *
 *   node dist/main/demo.js [--help] [--keep] [--scenario ok|reboot|fail|hang|flood] [--port N]
 */
import { randomInt } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parsePort } from '../common/port';
import { openWizard } from '../main/launch/open-wizard';
import { startCsSimulator } from '../test/world/cs-simulator';
import type { CsSimulator } from '../test/world/cs-simulator';
import { createDemoSandbox, FALLBACK_TOKEN } from '../test/world/demo-sandbox';
import type { DemoSandbox } from '../test/world/demo-sandbox';
import { DEMO_SCENARIOS, demoUsage } from '../test/world/demo-scenarios';

interface DemoArgs {
  help: boolean;
  keep: boolean;
  scenario: string;
  port: number | undefined;
}

function parseArgs(argv: string[]): DemoArgs | string {
  const args: DemoArgs = { help: false, keep: false, scenario: 'ok', port: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--keep') args.keep = true;
    else if (arg === '--scenario' && argv[i + 1] !== undefined && Object.hasOwn(DEMO_SCENARIOS, argv[i + 1]!))
      args.scenario = argv[++i]!;
    else if (arg === '--port' && parsePort(argv[i + 1] ?? '', { allowZero: true }) !== null)
      args.port = Number(argv[++i]);
    else
      return `demo: unknown or incomplete option ${arg ?? ''} (scenarios: ${Object.keys(DEMO_SCENARIOS).join(', ')}). Run with --help for usage.`;
  }
  return args;
}

/** 16 letters and digits, like the passphrases genpassphrase.exe prints. */
function demoPassphrase(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

function banner(
  sandbox: DemoSandbox,
  sim: CsSimulator,
  passphrase: string,
  configFile: string,
  args: DemoArgs,
): string {
  const tokenLine = sandbox.token
    ? `this machine's token: ${sandbox.token}`
    : `this machine has no installer token (${sandbox.os.supportMessage}); the package is built for ${FALLBACK_TOKEN}, and the wizard will say why this machine is not supported`;
  return [
    '',
    '  Mobility Setup demo',
    '  -------------------',
    `  Sandbox root:        ${sandbox.root}`,
    `                       (copies of ${sandbox.copiedFiles.join(', ') || 'no release files'}; ${tokenLine})`,
    `  Installer folder:    ${sandbox.installerDir}`,
    `  Test agent package:  ${path.basename(sandbox.packageFile)} (+ .sha256; scenario "${args.scenario}": ${DEMO_SCENARIOS[args.scenario]?.description ?? ''})`,
    `  Configuration server simulator: ${sim.endpoint} (data port ${sim.dataPort})`,
    `      certificate SHA-256: ${sim.fingerprint}`,
    `  Passphrase to type:  ${passphrase}`,
    '      (a throw-away DEMO secret, made up for this run; a real passphrase is never printed)',
    `  Modernized config.json (appliance): ${configFile}`,
    '',
    '  Nothing on the real system changes: the agent "installs" under the sandbox root only.',
    `  Press Ctrl+C to stop; the sandbox is ${args.keep ? 'KEPT (--keep)' : 'deleted (use --keep to keep it)'}.`,
    '',
  ].join('\n');
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(demoUsage());
    return 0;
  }
  if (process.platform !== 'linux') {
    process.stderr.write('The demo builds a Linux agent package and runs on Linux only.\n');
    return 1;
  }
  const scenario = DEMO_SCENARIOS[args.scenario] ?? { behavior: {}, description: '' };
  const sandbox = await createDemoSandbox({ behavior: scenario.behavior });
  const passphrase = demoPassphrase();
  let sim: CsSimulator | null = null;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await sim?.close();
    if (!args.keep) await fs.rm(sandbox.root, { recursive: true, force: true });
  };
  // The wizard stops itself on the first Ctrl+C (and we clean up after it); a second one leaves at once.
  let interrupts = 0;
  const onInterrupt = () => {
    interrupts += 1;
    if (interrupts > 1) void cleanup().finally(() => process.exit(130));
  };
  process.on('SIGINT', onInterrupt);
  try {
    sim = await startCsSimulator({ passphrase });
    const configFile = path.join(sandbox.root, 'appliance', 'config.json');
    await fs.mkdir(path.dirname(configFile), { recursive: true });
    await fs.writeFile(configFile, sim.applianceConfig(), { mode: 0o600 });
    process.stdout.write(banner(sandbox, sim, passphrase, configFile, args));
    return await openWizard({
      root: sandbox.root,
      demo: true,
      defaults: { installerDir: sandbox.installerDir, csEndpoint: sim.endpoint, dataPort: sim.dataPort },
      ...(scenario.inactivityTimeoutMs === undefined ? {} : { inactivityTimeoutMs: scenario.inactivityTimeoutMs }),
      ...(args.port === undefined ? {} : { port: args.port }),
    });
  } finally {
    process.off('SIGINT', onInterrupt);
    await cleanup();
    if (args.keep) process.stdout.write(`Sandbox kept at ${sandbox.root}\n`);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`demo: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
