/**
 * `node dist/main/test-package.js DIR [--scenario NAME]`: a sandbox root for trying the command line outside
 * the demo. DIR gets copies of this machine's release files and DIR/installers a test agent package for this
 * machine's installer token (with its .sha256), playing the demo scenario asked for. Nothing else changes.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createDemoSandbox } from '../test/world/demo-sandbox';
import { DEMO_SCENARIOS } from '../test/world/demo-scenarios';

const USAGE = `Usage: node dist/main/test-package.js DIR [--scenario ${Object.keys(DEMO_SCENARIOS).join('|')}]`;

async function main(argv: string[]): Promise<number> {
  let dir: string | null = null;
  let scenario = 'ok';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (arg === '--scenario' && Object.hasOwn(DEMO_SCENARIOS, argv[i + 1] ?? '')) scenario = argv[++i] ?? 'ok';
    else if (!arg.startsWith('-') && dir === null) dir = path.resolve(arg);
    else {
      process.stderr.write(`test-package: unknown or incomplete option ${arg}.\n${USAGE}\n`);
      return 2;
    }
  }
  if (dir === null || existsSync(dir)) {
    process.stderr.write(
      `test-package: give a folder that does not exist yet (it becomes the sandbox root).\n${USAGE}\n`,
    );
    return 2;
  }
  const sandbox = await createDemoSandbox({ root: dir, behavior: DEMO_SCENARIOS[scenario]?.behavior ?? {} });
  const cli = `node bin/mobility-setup.js --root ${sandbox.root}`;
  process.stdout.write(
    [
      `Sandbox root:   ${sandbox.root} (token ${sandbox.token ?? 'none: this machine is not supported'})`,
      `Test package:   ${sandbox.packageFile} (+ .sha256; scenario "${scenario}")`,
      'Try:',
      `  ${cli} detect`,
      `  ${cli} install --installer-dir ${sandbox.installerDir} --no-register --server-kind classic --yes`,
      '',
    ].join('\n'),
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`test-package: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
